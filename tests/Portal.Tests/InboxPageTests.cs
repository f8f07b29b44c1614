using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using BhxhPlatform.Portal.Components.Pages.Inbox;
using BhxhPlatform.Portal.ServiceClients;
using BhxhPlatform.Portal.SignIn;
using Bunit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BhxhPlatform.Portal.Tests;

/// <summary>The inbox shows each reminder in the person's language, with Vietnam's time, its due day and whether it was mailed.</summary>
public sealed class InboxPageTests : IDisposable
{
    private readonly BunitContext _context = new();

    public void Dispose() => _context.Dispose();

    private static readonly ReminderView Unread = new(
        Guid.CreateVersion7(), Guid.CreateVersion7(), "agreement-ending",
        new BilingualTextView("Thỏa thuận “Tuyên truyền BHXH tự nguyện” hết hạn ngày 31/12/2026", "Agreement “Tuyên truyền BHXH tự nguyện” ends on 31/12/2026"),
        new BilingualTextView("Xin gia hạn, sửa đổi hoặc để thỏa thuận kết thúc.", "Renew or amend it, or let it end."),
        "/agreements/0196b2a0-0000-7000-8000-000000000001", new DateOnly(2026, 12, 31),
        new DateTimeOffset(2026, 12, 1, 17, 30, 0, TimeSpan.Zero), null, null);

    private static readonly ReminderView Read = new(
        Guid.CreateVersion7(), Guid.CreateVersion7(), "plan-returned",
        new BilingualTextView("Kế hoạch năm 2026 của BHXH thành phố Biên Hòa bị trả lại", "The 2026 plan of BHXH thành phố Biên Hòa was returned"),
        new BilingualTextView("Tỉnh trả lại kế hoạch năm 2026. Lý do: thiếu chỉ tiêu", "The province returned the 2026 plan. Reason: thiếu chỉ tiêu"),
        "/plan", null,
        new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 20, 2, 1, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 11, 21, 1, 0, 0, TimeSpan.Zero));

    private IRenderedComponent<InboxPage> Render(InboxView inbox, IReadOnlyList<SunkMailView>? mail = null)
    {
        _context.Services.AddLocalization();
        _context.Services.AddSingleton(new IdentityClient(new HttpClient(new Answer(inbox, mail)) { BaseAddress = new Uri("http://identity") }));
        var http = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(PortalUser.NameClaim, "Cán bộ"), new Claim(PortalUser.UnitClaim, "bien-hoa"), new Claim(PortalUser.RoleClaim, PortalUser.DistrictOfficer)], "test")),
        };
        return _context.Render<InboxPage>(p => p.AddCascadingValue(http));
    }

    [Fact]
    public void In_vietnamese_each_reminder_shows_its_text_vietnam_time_due_day_and_mail()
    {
        using var culture = Culture.Vietnamese();
        var page = Render(new InboxView([Unread, Read], 1));

        page.WaitForAssertion(() => page.FindAll("[data-testid=reminder]").Count.ShouldBe(2));
        page.Find("[data-testid=unread]").TextContent.ShouldBe("1 nhắc việc chưa đọc");
        var (unread, read) = (page.FindAll("[data-testid=reminder]")[0], page.FindAll("[data-testid=reminder]")[1]);
        unread.ClassList.ShouldContain("unread");
        unread.TextContent.ShouldContain("Thỏa thuận sắp hết hạn");
        unread.TextContent.ShouldContain("Thỏa thuận “Tuyên truyền BHXH tự nguyện” hết hạn ngày 31/12/2026");
        unread.TextContent.ShouldContain("Nhận lúc 02/12/2026 00:30");
        unread.TextContent.ShouldContain("Hạn 31/12/2026");
        unread.QuerySelector("[data-testid=mailed]")!.TextContent.ShouldContain("Chưa gửi thư điện tử");
        unread.QuerySelector("[data-testid=new]").ShouldNotBeNull();
        read.ClassList.ShouldNotContain("unread");
        read.QuerySelector("[data-testid=new]").ShouldBeNull();
        read.QuerySelector("[data-testid=mailed]")!.TextContent.ShouldContain("Đã gửi thư điện tử lúc 20/11/2026 09:01");
        read.TextContent.ShouldContain("Đã đọc lúc 21/11/2026 08:00");
    }

    [Fact]
    public void In_english_the_same_reminders_read_in_english()
    {
        using var culture = Culture.English();
        var page = Render(new InboxView([Read], 0));

        page.WaitForAssertion(() => page.Find("[data-testid=reminder]").TextContent.ShouldContain("The 2026 plan of BHXH thành phố Biên Hòa was returned"));
        page.Find("[data-testid=unread]").TextContent.ShouldBe("No unread reminders.");
        page.Find("[data-testid=reminder]").TextContent.ShouldContain("Plan returned");
        page.Find("[data-testid=reminder]").TextContent.ShouldNotContain("bị trả lại");
    }

    [Fact]
    public void An_empty_inbox_says_so()
    {
        using var culture = Culture.Vietnamese();
        var page = Render(new InboxView([], 0));

        page.WaitForAssertion(() => page.Find("[data-testid=empty]").TextContent.ShouldBe("Chưa có nhắc việc nào."));
    }

    [Fact]
    public void Where_the_development_mail_sink_runs_the_mails_it_kept_for_the_person_are_shown_and_elsewhere_nothing()
    {
        using var culture = Culture.Vietnamese();
        var page = Render(new InboxView([Unread], 1),
            [new SunkMailView("1.eml", new DateTimeOffset(2026, 12, 1, 17, 31, 0, TimeSpan.Zero), "BHXH <nhac-viec@demo.bhxh.local>", "officer@demo.bhxh.local",
                "Thỏa thuận “Tuyên truyền BHXH tự nguyện” hết hạn ngày 31/12/2026", "Xin gia hạn, sửa đổi hoặc để thỏa thuận kết thúc.\nhttps://portal/agreements/1")]);

        page.WaitForAssertion(() => page.FindAll("[data-testid=mail]").Count.ShouldBe(1));
        var mail = page.Find("[data-testid=mail]");
        mail.TextContent.ShouldContain("Thỏa thuận “Tuyên truyền BHXH tự nguyện” hết hạn ngày 31/12/2026");
        mail.TextContent.ShouldContain("02/12/2026 00:31");
        mail.TextContent.ShouldContain("tới officer@demo.bhxh.local");
        mail.QuerySelector("pre")!.TextContent.ShouldContain("https://portal/agreements/1");

        using var other = new BunitContext();
        other.Services.AddLocalization();
        other.Services.AddSingleton(new IdentityClient(new HttpClient(new Answer(new InboxView([Unread], 1), null)) { BaseAddress = new Uri("http://identity") }));
        var http = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(PortalUser.UnitClaim, "bien-hoa"), new Claim(PortalUser.RoleClaim, PortalUser.DistrictOfficer)], "test")),
        };
        var without = other.Render<InboxPage>(p => p.AddCascadingValue(http));
        without.WaitForAssertion(() => without.FindAll("[data-testid=reminder]").Count.ShouldBe(1));
        without.FindAll("[data-testid=sunk-mail]").ShouldBeEmpty();
    }

    private sealed class Answer(InboxView inbox, IReadOnlyList<SunkMailView>? mail) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            object? body = request.RequestUri!.AbsolutePath switch
            {
                "/api/units/bien-hoa/inbox" => inbox,
                "/api/units/bien-hoa/mail-sink" => mail,
                _ => null,
            };
            return Task.FromResult(body is null
                ? new HttpResponseMessage(HttpStatusCode.NotFound)
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), Encoding.UTF8, "application/json") });
        }
    }
}
