using System.Text.Json;
using Alba;
using BhxhPlatform.Contracts.Reminders;
using BhxhPlatform.Identity.Accounts;
using BhxhPlatform.Identity.Reminders;
using BhxhPlatform.ServiceDefaults.Security;
using BhxhPlatform.TestSupport;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Tracking;

namespace BhxhPlatform.Identity.Tests;

/// <summary>
/// Reminders: each person the audience names gets one inbox item and, with an address, one mail (a real SMTP
/// server inside the test), however often the reminder arrives; a mail server that asks to try later gets the
/// mail later, once; a person reads only their own inbox.
/// </summary>
[Collection(IdentityCollection.Name)]
public sealed class ReminderTests(IdentityFixture fixture)
{
    private const string Unit = "tan-phu";

    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(60);

    private async Task<(Guid Id, string Email)> OpenAsync(string role, bool withEmail = true, Guid? organisationId = null)
    {
        var userName = $"reminder.{Guid.CreateVersion7():N}";
        var email = withEmail ? $"{userName}@bhxh.test" : "";
        var result = await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new
            {
                userName,
                displayName = "Trần Văn Hùng",
                email = withEmail ? email : null,
                initialPassword = "Demo@2026",
                mustChangePassword = false,
                grants = new[] { new { role, organisationId, reason = "Phân công" } },
            }, JsonStyle.MinimalApi).ToUrl($"/api/units/{Unit}/accounts");
            s.StatusCodeShouldBe(201);
        });
        return (JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.GetProperty("value").GetGuid(), email);
    }

    private static ReminderRaised Reminder(string role = PlatformRoles.DistrictOfficer, string unit = Unit) => new(
        Guid.CreateVersion7(),
        ReminderKinds.PlanReturned,
        new ReminderAudience(unit, role),
        new BilingualText("Kế hoạch năm 2026 của BHXH Tân Phú bị trả lại", "The 2026 plan of BHXH Tân Phú was returned"),
        new BilingualText("Tỉnh trả lại kế hoạch năm 2026. Lý do: thiếu chỉ tiêu dòng 2.03", "The province returned the 2026 plan. Reason: line 2.03 has no target"),
        "/plan");

    private async Task<JsonElement> InboxAsync(Guid account, string unit = Unit, string query = "")
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.WithRequestHeader("Authorization", $"Bearer {TestTokens.For(PlatformRoles.DistrictOfficer, unit, account.ToString())}");
            s.Get.Url($"/api/units/{unit}/inbox{query}");
        });
        return JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.Clone();
    }

    private async Task<int> MarkReadAsync(Guid account, Guid item)
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.WithRequestHeader("Authorization", $"Bearer {TestTokens.For(PlatformRoles.DistrictOfficer, Unit, account.ToString())}");
            s.Post.Url($"/api/units/{Unit}/inbox/{item}/read");
            s.IgnoreStatusCode();
        });
        return result.Context.Response.StatusCode;
    }

    private async Task<IReadOnlyList<InboxItem>> ItemsOfAsync(Guid reminderId)
    {
        await using var session = fixture.Store.QuerySession(Unit);
        return await session.Query<InboxItem>().Where(i => i.ReminderId == reminderId).ToListAsync();
    }

    [Fact]
    public async Task Each_person_the_audience_names_gets_one_inbox_item_and_one_mail_however_often_the_reminder_arrives()
    {
        var first = await OpenAsync(PlatformRoles.DistrictOfficer);
        var second = await OpenAsync(PlatformRoles.DistrictOfficer);
        var withoutAddress = await OpenAsync(PlatformRoles.DistrictOfficer, withEmail: false);
        var suspended = await OpenAsync(PlatformRoles.DistrictOfficer);
        var otherRole = await OpenAsync(PlatformRoles.CollectionAgent, organisationId: Guid.CreateVersion7());
        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new { version = 2, reason = "Nghỉ phép dài hạn" }, JsonStyle.MinimalApi).ToUrl($"/api/units/{Unit}/accounts/{suspended.Id}/suspend");
            s.StatusCodeShouldBeOk();
        });

        var reminder = Reminder();
        await fixture.Host.InvokeMessageAndWaitAsync(reminder, Unit);
        await fixture.Host.InvokeMessageAndWaitAsync(reminder, Unit);

        var items = await ItemsOfAsync(reminder.ReminderId);
        items.Select(i => i.AccountId).Where(id => id == first.Id || id == second.Id || id == withoutAddress.Id || id == suspended.Id || id == otherRole.Id)
            .Order().ShouldBe(new[] { first.Id, second.Id, withoutAddress.Id }.Order());
        items.Select(i => i.AccountId).Distinct().Count().ShouldBe(items.Count);

        await fixture.Mail.WaitForAsync(m => fixture.Mail.To(first.Email).Count > 0 && fixture.Mail.To(second.Email).Count > 0, MailWait);

        // The first mail's retry window has passed; the second arrival started nothing, so nothing else comes.
        await Task.Delay(TimeSpan.FromSeconds(3));
        fixture.Mail.To(first.Email).Count.ShouldBe(1);
        fixture.Mail.To(second.Email).Count.ShouldBe(1);
        fixture.Mail.To(suspended.Email).ShouldBeEmpty();
        fixture.Mail.To(otherRole.Email).ShouldBeEmpty();

        var mail = fixture.Mail.To(first.Email)[0];
        var text = mail.TextBody ?? "";
        mail.Subject.ShouldBe("Kế hoạch năm 2026 của BHXH Tân Phú bị trả lại");
        text.ShouldContain("Lý do: thiếu chỉ tiêu dòng 2.03");
        text.ShouldContain("Reason: line 2.03 has no target");
        text.ShouldContain($"{IdentityFixture.Portal}/plan");
        mail.Headers["X-Bhxh-Reminder"].ShouldBe(reminder.ReminderId.ToString("D"));

        await using var session = fixture.Store.QuerySession(Unit);
        var mailed = items.Single(i => i.AccountId == first.Id);
        (await session.Events.FetchStreamAsync(mailed.Id)).Select(e => e.Data.GetType()).ShouldBe([typeof(ReminderReceived), typeof(ReminderMailed)]);
    }

    [Fact]
    public async Task A_mail_server_that_asks_to_try_later_gets_the_mail_later_once()
    {
        var person = await OpenAsync(PlatformRoles.DistrictOfficer);
        fixture.Mail.Refusing = true;
        ReminderRaised reminder;
        try
        {
            reminder = Reminder();
            var refusedBefore = fixture.Mail.Refused;

            // Not a tracked session: the mail's retry is scheduled, and the test watches it happen.
            await using (var scope = fixture.Host.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeForTenantAsync(Unit, reminder);
            }

            // In the inbox at once; the mail waits.
            (await ItemsOfAsync(reminder.ReminderId)).ShouldContain(i => i.AccountId == person.Id && i.MailedAt == null);
            var until = DateTime.UtcNow + MailWait;
            while (fixture.Mail.Refused == refusedBefore && DateTime.UtcNow < until)
            {
                await Task.Delay(100);
            }

            fixture.Mail.Refused.ShouldBeGreaterThan(refusedBefore);
            fixture.Mail.To(person.Email).ShouldBeEmpty();
        }
        finally
        {
            fixture.Mail.Refusing = false;
        }

        await fixture.Mail.WaitForAsync(_ => fixture.Mail.To(person.Email).Count > 0, MailWait);
        await Task.Delay(TimeSpan.FromSeconds(3));
        fixture.Mail.To(person.Email).Count.ShouldBe(1);
        (await ItemsOfAsync(reminder.ReminderId)).Single(i => i.AccountId == person.Id).MailedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_person_reads_their_own_inbox_only_and_marks_an_item_read_once()
    {
        var me = await OpenAsync(PlatformRoles.DistrictOfficer, withEmail: false);
        var colleague = await OpenAsync(PlatformRoles.DistrictOfficer, withEmail: false);
        var reminder = Reminder();
        await fixture.Host.InvokeMessageAndWaitAsync(reminder, Unit);

        var inbox = await InboxAsync(me.Id);
        var items = inbox.GetProperty("items").EnumerateArray().ToList();
        items.ShouldAllBe(i => i.GetProperty("accountId").GetGuid() == me.Id);
        var mine = items.Single(i => i.GetProperty("reminderId").GetGuid() == reminder.ReminderId);
        mine.GetProperty("subject").GetProperty("vi").GetString().ShouldBe("Kế hoạch năm 2026 của BHXH Tân Phú bị trả lại");
        mine.GetProperty("portalPath").GetString().ShouldBe("/plan");
        var unread = inbox.GetProperty("unread").GetInt32();
        unread.ShouldBe(items.Count);
        var itemId = mine.GetProperty("id").GetGuid();

        // The colleague's own item is not mine to mark, and mine is not theirs.
        (await MarkReadAsync(colleague.Id, itemId)).ShouldBe(404);
        (await MarkReadAsync(me.Id, itemId)).ShouldBe(204);
        (await MarkReadAsync(me.Id, itemId)).ShouldBe(204);

        (await InboxAsync(me.Id)).GetProperty("unread").GetInt32().ShouldBe(unread - 1);
        (await InboxAsync(me.Id, query: "?unreadOnly=true")).GetProperty("items").EnumerateArray()
            .ShouldNotContain(i => i.GetProperty("id").GetGuid() == itemId);
        await using var session = fixture.Store.QuerySession(Unit);
        (await session.Events.FetchStreamAsync(itemId)).Count(e => e.Data is ReminderRead).ShouldBe(1);

        // Another unit's inbox is out of reach (the access matrix: own unit only).
        var other = await fixture.Host.Scenario(s =>
        {
            s.WithRequestHeader("Authorization", $"Bearer {TestTokens.For(PlatformRoles.DistrictOfficer, Unit, me.Id.ToString())}");
            s.Get.Url("/api/units/bien-hoa/inbox");
            s.StatusCodeShouldBe(403);
        });
        other.Context.Response.StatusCode.ShouldBe(403);
    }

    [Fact]
    public void The_audience_names_active_accounts_with_the_role_and_for_an_organisation_only_its_own()
    {
        var org = Guid.CreateVersion7();
        Account Make(string role, Guid? organisation = null, AccountStatus status = AccountStatus.Active) =>
            new(Guid.CreateVersion7(), role, role, Unit, null, status, null, [new Grant(Guid.CreateVersion7(), role, organisation)], 2);
        var agent = Make(PlatformRoles.CollectionAgent, org);
        var otherAgent = Make(PlatformRoles.CollectionAgent, Guid.CreateVersion7());
        var suspendedAgent = Make(PlatformRoles.CollectionAgent, org, AccountStatus.Suspended);
        var officer = Make(PlatformRoles.DistrictOfficer);

        DeliverReminderHandler.Recipients([agent, otherAgent, suspendedAgent, officer], new ReminderAudience(Unit, PlatformRoles.CollectionAgent, org))
            .ShouldBe([agent]);
        DeliverReminderHandler.Recipients([agent, otherAgent, suspendedAgent, officer], new ReminderAudience(Unit, PlatformRoles.CollectionAgent))
            .ShouldBe([agent, otherAgent]);
    }

    [Fact]
    public void An_audience_that_names_a_person_reaches_only_that_account_and_only_with_the_role()
    {
        var org = Guid.CreateVersion7();
        Account Make(string userName, string role, AccountStatus status = AccountStatus.Active) =>
            new(Guid.CreateVersion7(), userName, userName, Unit, null, status, null, [new Grant(Guid.CreateVersion7(), role, org)], 2);
        var enroller = Make("thu.hoa", PlatformRoles.CollectionAgent);
        var colleague = Make("thu.lan", PlatformRoles.CollectionAgent);
        var officerOfSameName = Make("thu.hoa.officer", PlatformRoles.DistrictOfficer);

        DeliverReminderHandler.Recipients([enroller, colleague, officerOfSameName], new ReminderAudience(Unit, PlatformRoles.CollectionAgent, org, "thu.hoa"))
            .ShouldBe([enroller]);
        DeliverReminderHandler.Recipients([colleague, officerOfSameName], new ReminderAudience(Unit, PlatformRoles.CollectionAgent, org, "thu.hoa"))
            .ShouldBeEmpty();
        DeliverReminderHandler.Recipients([Make("thu.hoa", PlatformRoles.CollectionAgent, AccountStatus.Suspended)], new ReminderAudience(Unit, PlatformRoles.CollectionAgent, org, "thu.hoa"))
            .ShouldBeEmpty();
    }
}
