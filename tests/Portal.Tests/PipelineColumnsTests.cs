using System.Globalization;
using BhxhPlatform.Portal.Components.Pages.Prospects;
using BhxhPlatform.Portal.ServiceClients;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace BhxhPlatform.Portal.Tests;

/// <summary>The prospects' pipeline board: one column per stage in pipeline order, and on each card only the moves the pipeline allows.</summary>
public sealed class PipelineColumnsTests : IDisposable
{
    private readonly BunitContext _context = new();
    private readonly CultureInfo _ui = CultureInfo.CurrentUICulture;

    public PipelineColumnsTests()
    {
        _context.Services.AddLocalization();
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi");
    }

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _ui;
        _context.Dispose();
    }

    private static ProspectView Prospect(string? name, ProspectStatus status, int day, bool erased = false) => new(
        Guid.CreateVersion7(), erased, erased ? null : name, erased ? null : new ContactDetailsView(null, "0912345678", null, null), null,
        TargetScheme.VoluntarySocialInsurance, null, null, ConsentMethod.Verbal,
        new DateTimeOffset(2026, 11, day, 9, 0, 0, TimeSpan.FromHours(7)), status,
        status == ProspectStatus.Contacted ? null : Guid.CreateVersion7(), null, 1, null);

    [Fact]
    public void Groups_the_prospects_by_stage_in_pipeline_order_oldest_consent_first()
    {
        var later = Prospect("Trần Thị B", ProspectStatus.Contacted, 20);
        var earlier = Prospect("Nguyễn Văn A", ProspectStatus.Contacted, 3);
        var handed = Prospect("Lê Văn C", ProspectStatus.HandedOff, 5);
        var enrolled = Prospect("Phạm Thị D", ProspectStatus.Enrolled, 6);

        var board = _context.Render<PipelineColumns>(p => p.Add(c => c.Prospects, [later, handed, enrolled, earlier]).Add(c => c.CanHandOff, true));

        board.FindAll("section.column").Select(s => s.GetAttribute("data-stage"))
            .ShouldBe(["Contacted", "HandedOff", "Enrolled", "Declined", "Unreachable"]);
        board.FindAll("section[data-stage=Contacted] li.card").Select(c => c.GetAttribute("data-prospect"))
            .ShouldBe([earlier.Id.ToString(), later.Id.ToString()]);
        board.FindAll("section[data-stage=HandedOff] li.card").Single().GetAttribute("data-prospect").ShouldBe(handed.Id.ToString());
        board.Find("section[data-stage=Contacted] h2").TextContent.ShouldBe("Đã tiếp cận (2)");
        board.Find("section[data-stage=Declined]").TextContent.ShouldContain("Không có ai.");
    }

    [Fact]
    public void Each_card_offers_only_the_moves_of_its_stage()
    {
        var contacted = Prospect("Nguyễn Văn A", ProspectStatus.Contacted, 3);
        var handed = Prospect("Lê Văn C", ProspectStatus.HandedOff, 5);
        var declined = Prospect("Phạm Thị D", ProspectStatus.Declined, 6);

        var board = _context.Render<PipelineColumns>(p => p.Add(c => c.Prospects, [contacted, handed, declined]).Add(c => c.CanHandOff, true));

        board.FindAll($"li[data-prospect='{contacted.Id}'] button").Select(b => b.GetAttribute("value")).ShouldBe([$"handoff:{contacted.Id}"]);
        board.FindAll($"li[data-prospect='{handed.Id}'] button").Select(b => b.GetAttribute("value"))
            .ShouldBe([$"Enrolled:{handed.Id}", $"Declined:{handed.Id}", $"Unreachable:{handed.Id}"]);
        board.FindAll($"li[data-prospect='{declined.Id}'] button").ShouldBeEmpty();
    }

    [Fact]
    public void Without_an_organisation_to_hand_to_or_once_erased_a_contacted_card_cannot_be_handed_off()
    {
        var contacted = Prospect("Nguyễn Văn A", ProspectStatus.Contacted, 3);
        var erased = Prospect(null, ProspectStatus.Contacted, 4, erased: true);

        var withoutOrganisation = _context.Render<PipelineColumns>(p => p.Add(c => c.Prospects, [contacted]).Add(c => c.CanHandOff, false));
        withoutOrganisation.FindAll("button").ShouldBeEmpty();

        var board = _context.Render<PipelineColumns>(p => p.Add(c => c.Prospects, [erased]).Add(c => c.CanHandOff, true));
        board.FindAll("button").ShouldBeEmpty();
        board.Find("li.card strong").TextContent.ShouldBe("(đã xoá dữ liệu cá nhân)");
    }

    [Fact]
    public void A_move_button_names_its_person_after_a_space_for_screen_readers()
    {
        var contacted = Prospect("Nguyễn Văn A", ProspectStatus.Contacted, 3);

        var board = _context.Render<PipelineColumns>(p => p.Add(c => c.Prospects, [contacted]).Add(c => c.CanHandOff, true));

        var button = board.Find($"li[data-prospect='{contacted.Id}'] button");
        button.QuerySelector(".visually-hidden")!.TextContent.ShouldBe(" Nguyễn Văn A");
        button.TextContent.ShouldEndWith(" Nguyễn Văn A");
    }
}
