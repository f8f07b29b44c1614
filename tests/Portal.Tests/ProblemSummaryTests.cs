using BhxhPlatform.Portal.Components.Shared;
using BhxhPlatform.Portal.ServiceClients;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace BhxhPlatform.Portal.Tests;

public sealed class ProblemSummaryTests : IDisposable
{
    private readonly BunitContext _context = new();

    public ProblemSummaryTests() => _context.Services.AddLocalization();

    public void Dispose() => _context.Dispose();

    [Fact]
    public void A_concurrency_conflict_says_someone_else_changed_the_record()
    {
        using var _ = Culture.Vietnamese();
        var problem = new ServiceProblem(409, "https://bhxh.gov.vn/problems/concurrency-conflict",
            "Dữ liệu đã bị người khác thay đổi / Someone else changed this first", "…", "concurrency-conflict", []);

        var summary = _context.Render<ProblemSummary>(p => p.Add(c => c.Problem, problem));

        summary.Find("[data-testid=problem] h2").TextContent.ShouldBe("Người khác vừa thay đổi bản ghi này");
        summary.Find("[data-testid=problem]").GetAttribute("role").ShouldBe("alert");
    }

    [Fact]
    public void Field_errors_are_listed_with_links_to_their_inputs()
    {
        using var _ = Culture.English();
        var problem = new ServiceProblem(400, null, null, null, null,
            [new FieldError("activity.conference.attendance", "out-of-range", "Số người dự phải từ 1 đến 100000.", "Attendance must be between 1 and 100000.")]);

        var link = _context.Render<ProblemSummary>(p => p.Add(c => c.Problem, problem).Add(c => c.Prefix, "activity.")).Find("li a");

        link.GetAttribute("href").ShouldBe("#f-conference-attendance");
        link.TextContent.ShouldBe("Attendance must be between 1 and 100000.");
    }

    [Fact]
    public void A_refusal_without_fields_shows_its_title_and_detail_in_the_current_language()
    {
        var problem = new ServiceProblem(409, null, "Xung đột trạng thái / Conflict with the current state",
            "Hoạt động đã bị hủy trước đó. / The activity was already voided.", "activity-voided", []);

        using (Culture.Vietnamese())
        {
            var summary = _context.Render<ProblemSummary>(p => p.Add(c => c.Problem, problem));
            summary.Find("h2").TextContent.ShouldBe("Xung đột trạng thái");
            summary.Find("p").TextContent.ShouldBe("Hoạt động đã bị hủy trước đó.");
        }

        using (Culture.English())
        {
            _context.Render<ProblemSummary>(p => p.Add(c => c.Problem, problem)).Find("p").TextContent.ShouldBe("The activity was already voided.");
        }
    }
}
