using BhxhPlatform.ServiceDefaults.PersonalData;
using System.Globalization;
using Alba;
using BhxhPlatform.Outreach.HandOffs;
using BhxhPlatform.Outreach.Prospects;
using BhxhPlatform.ServiceDefaults.Security;
using BhxhPlatform.ServiceDefaults.Spreadsheets;
using BhxhPlatform.TestSupport;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Marten;
using static BhxhPlatform.Outreach.Tests.Samples;
using Prospect = BhxhPlatform.Outreach.Prospects.Prospect;

namespace BhxhPlatform.Outreach.Tests.Prospects;

/// <summary>Prospects get a next contact and someone to make it; the unit's follow-up list is who is due, the most overdue first.</summary>
[Collection(OutreachCollection.Name)]
public sealed class FollowUpTests(OutreachFixture fixture) : IAsyncLifetime
{
    private const string Prospects = $"/api/units/{District}/prospects";
    private const string FollowUps = $"/api/units/{District}/worklists/follow-ups";
    private const string Admin = "admin.dong-nai";

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await fixture.Host.GivenPartnersAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<Guid> ProspectAsync(int i, DateOnly? next = null) =>
        fixture.Host.CreateAsync(Prospects, Prospect($"09123456{i:00}") with { NextContactOn = next });

    private async Task<int> StatusOfFollowUpAsync(Guid prospect, ScheduleFollowUp command, string? authorization = null)
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Post.Json(command, JsonStyle.MinimalApi).ToUrl($"{Prospects}/{prospect}/follow-up");
            if (authorization is not null)
            {
                s.WithRequestHeader("Authorization", authorization);
            }

            s.IgnoreStatusCode();
        });
        return result.Context.Response.StatusCode;
    }

    private async Task<long> VersionAsync(Guid prospect) => (await fixture.Host.GetJsonAsync<ProspectView>($"{Prospects}/{prospect}")).Version;

    [Fact]
    public async Task The_list_holds_the_open_prospects_due_by_the_window_the_most_overdue_first()
    {
        var inTwoDays = await ProspectAsync(1, Today.AddDays(2));
        var tomorrow = await ProspectAsync(2, Today.AddDays(1));
        var nextWeek = await ProspectAsync(3, Today.AddDays(7));
        var later = await ProspectAsync(4, Today.AddDays(8));
        await ProspectAsync(5);
        var declined = await ProspectAsync(6, Today.AddDays(1));
        var erased = await ProspectAsync(7, Today.AddDays(1));

        var batch = await fixture.Host.CreateAsync($"/api/units/{District}/hand-offs", new HandOffProspects(CollectionOrganisation, [declined], Today));
        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new ReportHandOffOutcomes(1, Today, [new(declined, ProspectOutcome.Declined)]), JsonStyle.MinimalApi)
                .ToUrl($"/api/units/{District}/hand-offs/{batch}/outcomes");
            s.StatusCodeShouldBe(202);
        });
        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new EraseProspect(ErasureReason.PersonRequested), JsonStyle.MinimalApi).ToUrl($"{Prospects}/{erased}/erase");
            s.StatusCodeShouldBe(204);
        });

        var list = await fixture.Host.GetJsonAsync<FollowUpList>(FollowUps);
        list.Items.Select(i => i.ProspectId).ShouldBe([tomorrow, inTwoDays, nextWeek]);
        list.Items.ShouldAllBe(i => i.Assignee == Admin && i.DaysLate <= 0);
        list.Items[0].ShouldSatisfyAllConditions(i => i.FullName.ShouldBe("Lê Thị Hoa"), i => i.Phone.ShouldBe("0912345602"));
        list.Overdue.ShouldBe(0);

        // Ten days on, everyone due is overdue, the longest overdue first.
        var late = await fixture.Host.GetJsonAsync<FollowUpList>($"{FollowUps}?asOf={Iso(Today.AddDays(10))}&days=0");
        late.Items.Select(i => i.ProspectId).ShouldBe([tomorrow, inTwoDays, nextWeek, later]);
        late.Items.Select(i => i.DaysLate).ShouldBe([9, 8, 3, 2]);
        late.Overdue.ShouldBe(4);
    }

    [Fact]
    public async Task A_follow_up_is_planned_for_someone_with_the_version_read_and_a_stale_one_is_a_conflict()
    {
        var prospect = await ProspectAsync(1);
        var version = await VersionAsync(prospect);

        (await StatusOfFollowUpAsync(prospect, new ScheduleFollowUp(version, Today.AddDays(3), "can.bo.lan"))).ShouldBe(204);
        (await StatusOfFollowUpAsync(prospect, new ScheduleFollowUp(version, Today.AddDays(4), "can.bo.minh"))).ShouldBe(409);

        var view = await fixture.Host.GetJsonAsync<ProspectView>($"{Prospects}/{prospect}");
        view.ShouldSatisfyAllConditions(v => v.NextContactOn.ShouldBe(Today.AddDays(3)), v => v.FollowUpAssignee.ShouldBe("can.bo.lan"));
        (await fixture.Host.GetJsonAsync<FollowUpList>($"{FollowUps}?assignee=can.bo.lan")).Items.Select(i => i.ProspectId).ShouldBe([prospect]);
        (await fixture.Host.GetJsonAsync<FollowUpList>($"{FollowUps}?mine=true")).Items.ShouldBeEmpty();

        // The same plan again appends nothing; no day clears it.
        (await StatusOfFollowUpAsync(prospect, new ScheduleFollowUp(view.Version, Today.AddDays(3), "can.bo.lan"))).ShouldBe(204);
        (await VersionAsync(prospect)).ShouldBe(view.Version);
        (await StatusOfFollowUpAsync(prospect, new ScheduleFollowUp(view.Version, null))).ShouldBe(204);
        (await fixture.Host.GetJsonAsync<FollowUpList>(FollowUps)).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_day_in_the_past_or_a_bad_assignee_is_refused_field_by_field_and_nothing_is_appended()
    {
        var prospect = await ProspectAsync(1);
        var version = await VersionAsync(prospect);

        var problem = await fixture.Host.PostExpectingProblemAsync($"{Prospects}/{prospect}/follow-up",
            new ScheduleFollowUp(version, Today.AddDays(-1), "Cán bộ Lan"));
        problem.Fields.ShouldBe(["nextContactOn", "assignee"], ignoreOrder: true);
        problem.FieldErrors!.ShouldAllBe(e => e.Vi.Length > 0 && e.En.Length > 0);
        (await fixture.Host.PostExpectingProblemAsync(Prospects, Prospect() with { NextContactOn = Today.AddDays(400) }))
            .FieldErrors!.ShouldHaveSingleItem().Code.ShouldBe("too-far");

        (await VersionAsync(prospect)).ShouldBe(version);
        await using var session = fixture.Store.QuerySession(District);
        (await session.Query<Prospect>().CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_collection_agent_sees_and_plans_only_the_follow_ups_of_prospects_handed_to_its_organisation()
    {
        var handed = await ProspectAsync(1, Today.AddDays(1));
        var kept = await ProspectAsync(2, Today.AddDays(1));
        await fixture.Host.CreateAsync($"/api/units/{District}/hand-offs", new HandOffProspects(CollectionOrganisation, [handed], Today));
        var agent = $"Bearer {TestTokens.For(PlatformRoles.CollectionAgent, District, "thu.hoa", CollectionOrganisation)}";

        (await fixture.Host.GetJsonAsync<FollowUpList>(FollowUps, agent)).Items.Select(i => i.ProspectId).ShouldBe([handed]);
        (await StatusOfFollowUpAsync(handed, new ScheduleFollowUp(await VersionAsync(handed), Today.AddDays(2)), agent)).ShouldBe(204);
        (await StatusOfFollowUpAsync(kept, new ScheduleFollowUp(await VersionAsync(kept), Today.AddDays(2)), agent)).ShouldBe(404);

        (await fixture.Host.GetJsonAsync<FollowUpList>($"{FollowUps}?mine=true", agent)).Items.ShouldHaveSingleItem().Assignee.ShouldBe("thu.hoa");
    }

    [Fact]
    public async Task The_follow_up_workbook_has_the_same_people_in_the_same_order()
    {
        var second = await ProspectAsync(1, Today.AddDays(5));
        var first = await ProspectAsync(2, Today.AddDays(2));

        var result = await fixture.Host.Scenario(s =>
        {
            s.Get.Url($"{FollowUps}/xlsx?asOf={Iso(Today.AddDays(4))}");
            s.StatusCodeShouldBeOk();
            s.ContentTypeShouldBe(ListWorkbook.ContentType);
        });

        using var stream = new MemoryStream(await result.ReadBytesAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        new OpenXmlValidator().Validate(document).Select(e => e.Description).ShouldBeEmpty();
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        string Text(Cell c) => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "";
        var header = rows.FindIndex(r => r.Elements<Cell>().Any(c => Text(c) == "Ngày hẹn liên hệ"));
        var data = rows.Skip(header + 1).Select(r => r.Elements<Cell>().ToList()).ToList();
        data.Select(r => Text(r[^1])).ShouldBe([first.ToString("D"), second.ToString("D")]);
        data.Select(r => r[1].CellValue!.Text).ShouldBe(["2", "0"]);
        data.Select(r => Text(r[3])).ShouldBe(["Lê Thị Hoa", "Lê Thị Hoa"]);
        data.Select(r => ListWorkbook.DayOf(double.Parse(r[0].CellValue!.Text, CultureInfo.InvariantCulture))).ShouldBe([Today.AddDays(2), Today.AddDays(5)]);
    }
}
