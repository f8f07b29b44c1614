using System.Globalization;
using Alba;
using BhxhPlatform.Contracts.Reminders;
using BhxhPlatform.Outreach.Enrolments;
using BhxhPlatform.ServiceDefaults.Security;
using BhxhPlatform.ServiceDefaults.Spreadsheets;
using BhxhPlatform.TestSupport;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Marten;
using Wolverine.Http;
using Wolverine.Tracking;
using static BhxhPlatform.Outreach.Tests.Samples;

namespace BhxhPlatform.Outreach.Tests.Enrolments;

/// <summary>Household health-insurance cards end; whoever enrolled them is reminded 30 days before, and the unit lists them.</summary>
[Collection(OutreachCollection.Name)]
public sealed class CardRenewalTests(OutreachFixture fixture) : IAsyncLifetime
{
    private const string Url = $"/api/units/{District}/enrolments";
    private const string Renewals = $"/api/units/{District}/worklists/renewals";
    private const string Agent = "thu.hoa";

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
    private static readonly DateOnly Enrolled = Today.AddMonths(-11);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Vn(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string AgentToken(Guid? organisation = null) =>
        $"Bearer {TestTokens.For(PlatformRoles.CollectionAgent, District, Agent, organisation ?? CollectionOrganisation)}";

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await fixture.Host.GivenPartnersAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Guid> RecordAsync(RecordEnrolment command, string? authorization = null)
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Post.Json(command, JsonStyle.MinimalApi).ToUrl(Url);
            if (authorization is not null)
            {
                s.WithRequestHeader("Authorization", authorization);
            }

            s.StatusCodeShouldBe(201);
        });
        return (await result.ReadAsJsonAsync<CreationResponse<Guid>>())!.Value;
    }

    private static RecordEnrolment Card(DateOnly? ends, int count = 1, EnrolmentScheme scheme = EnrolmentScheme.HouseholdHealthInsurance, Guid? organisation = null) =>
        new(scheme, Enrolled, Count: count, CollectionOrganisationId: organisation, CoverageEndsOn: ends);

    [Fact]
    public async Task The_renewal_list_holds_exactly_the_cards_that_end_within_30_days_soonest_first()
    {
        var person = await fixture.Host.CreateAsync($"/api/units/{District}/prospects", Prospect());
        var expired = await RecordAsync(Card(Today.AddDays(-1)));
        var endsToday = await RecordAsync(Card(Today, organisation: CollectionOrganisation));
        var lastDay = await RecordAsync(Card(Today.AddDays(30)));
        var tooLate = await RecordAsync(Card(Today.AddDays(31)));
        var students = await RecordAsync(Card(Today.AddDays(10), count: 25, scheme: EnrolmentScheme.StudentHealthInsurance));
        var hoa = await RecordAsync(new RecordEnrolment(EnrolmentScheme.HouseholdHealthInsurance, Enrolled, ProspectId: person, CoverageEndsOn: Today.AddDays(5)));
        await RecordAsync(Card(null));
        await RecordAsync(new RecordEnrolment(EnrolmentScheme.VoluntarySocialInsurance, Enrolled, Count: 3));

        var list = await fixture.Host.GetJsonAsync<CardRenewalList>(Renewals);

        list.Items.Select(i => i.EnrolmentId).ShouldBe([endsToday, hoa, students, lastDay]);
        list.Items.Select(i => i.DaysLeft).ShouldBe([0, 5, 10, 30]);
        list.ShouldSatisfyAllConditions(
            l => l.AsOf.ShouldBe(Today), l => l.Until.ShouldBe(Today.AddDays(30)), l => l.Cards.ShouldBe(4), l => l.People.ShouldBe(28));
        list.Items.Select(i => i.EnrolmentId).ShouldNotContain(expired);
        list.Items.Select(i => i.EnrolmentId).ShouldNotContain(tooLate);
        list.Items[1].ShouldSatisfyAllConditions(i => i.FullName.ShouldBe("Lê Thị Hoa"), i => i.Phone.ShouldBe("0912345678"));
        list.Items[0].CollectionOrganisation.ShouldBe("Điểm thu Bưu điện Hố Nai");

        // As of another day the window moves with it; one scheme narrows it.
        (await fixture.Host.GetJsonAsync<CardRenewalList>($"{Renewals}?asOf={Iso(Today.AddDays(1))}&days=30")).Items.Select(i => i.EnrolmentId)
            .ShouldBe([hoa, students, lastDay, tooLate]);
        (await fixture.Host.GetJsonAsync<CardRenewalList>($"{Renewals}?scheme=StudentHealthInsurance")).Items.Select(i => i.EnrolmentId).ShouldBe([students]);

        // The auditor sees the same cards, the person masked.
        var audited = await fixture.Host.GetJsonAsync<CardRenewalList>(Renewals, $"Bearer {TestTokens.For(PlatformRoles.Auditor, TestTokens.Province, "kiem.toan")}");
        audited.Items.Select(i => i.EnrolmentId).ShouldBe([endsToday, hoa, students, lastDay]);
        audited.Items[1].ShouldSatisfyAllConditions(i => i.FullName.ShouldBe("L. T. H."), i => i.Phone.ShouldBe("•••678"));
    }

    [Fact]
    public async Task The_renewal_workbook_has_the_same_cards_with_their_days_and_counts()
    {
        var students = await RecordAsync(Card(Today.AddDays(10), count: 25, scheme: EnrolmentScheme.StudentHealthInsurance));
        var household = await RecordAsync(Card(Today.AddDays(3), count: 4));
        await RecordAsync(Card(Today.AddDays(45)));

        var result = await fixture.Host.Scenario(s =>
        {
            s.Get.Url($"{Renewals}/xlsx");
            s.StatusCodeShouldBeOk();
            s.ContentTypeShouldBe(ListWorkbook.ContentType);
        });

        using var stream = new MemoryStream(await result.ReadBytesAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        new OpenXmlValidator().Validate(document).Select(e => e.Description).ShouldBeEmpty();
        var workbook = document.WorkbookPart!;
        workbook.Workbook.Sheets!.Elements<Sheet>().Single().Name!.Value.ShouldBe("Thẻ cần gia hạn");
        var rows = workbook.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        string Text(Cell c) => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "";
        var header = rows.FindIndex(r => r.Elements<Cell>().Any(c => Text(c) == "Hạn thẻ đến"));
        header.ShouldBeGreaterThan(0);
        var data = rows.Skip(header + 1).Select(r => r.Elements<Cell>().ToList()).ToList();
        data.Count.ShouldBe(2);
        data.Select(r => ListWorkbook.DayOf(double.Parse(r[0].CellValue!.Text, CultureInfo.InvariantCulture)))
            .ShouldBe([Today.AddDays(3), Today.AddDays(10)]);
        data.Select(r => r[3].CellValue!.Text).ShouldBe(["4", "25"]);
        data.Select(r => Text(r[2])).ShouldBe(["BHYT hộ gia đình", "BHYT học sinh, sinh viên"]);
        data.Select(r => Text(r[^1])).ShouldBe([household.ToString("D"), students.ToString("D")]);
    }

    [Fact]
    public async Task A_collection_agent_lists_the_cards_of_its_organisation_and_those_it_recorded()
    {
        var ours = await RecordAsync(Card(Today.AddDays(7), organisation: CollectionOrganisation));
        var mine = await RecordAsync(Card(Today.AddDays(8)), AgentToken());
        await RecordAsync(Card(Today.AddDays(9)));

        var list = await fixture.Host.GetJsonAsync<CardRenewalList>(Renewals, AgentToken());

        list.Items.Select(i => i.EnrolmentId).ShouldBe([ours, mine]);
        list.Items[1].RecordedBy.ShouldBe(Agent);
    }

    [Fact]
    public async Task A_card_due_within_30_days_reminds_the_agent_who_enrolled_it_at_once_and_a_later_one_is_scheduled_30_days_before()
    {
        Guid soon = default, later = default;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () =>
        {
            soon = await RecordAsync(Card(Today.AddDays(20), count: 3), AgentToken());
            later = await RecordAsync(Card(Today.AddDays(60)), AgentToken());
        });

        var reminder = tracked.Sent.MessagesOf<ReminderRaised>().Distinct().ShouldHaveSingleItem();
        reminder.ShouldSatisfyAllConditions(
            r => r.Kind.ShouldBe(ReminderKinds.CardsToRenew),
            r => r.Audience.ShouldBe(new ReminderAudience(District, PlatformRoles.CollectionAgent, CollectionOrganisation, Agent)),
            r => r.DueOn.ShouldBe(Today.AddDays(20)),
            r => r.PortalPath.ShouldBe("/worklists/renewals"),
            r => r.Subject.Vi.ShouldBe($"3 thẻ BHYT hết hạn ngày {Vn(Today.AddDays(20))}"));

        var scheduled = tracked.Scheduled.Envelopes().Single(e => e.Message is RemindCardRenewal { CoverageEndsOn: var d } && d == Today.AddDays(60));
        scheduled.ScheduledTime.ShouldBe(new DateTimeOffset(Today.AddDays(30).ToDateTime(new TimeOnly(7, 0)), TimeSpan.FromHours(7)));
        ((RemindCardRenewal)scheduled.Message!).EnrolmentIds.ShouldBe([later]);

        // When it comes due (run here at once), and again (a retry, a second replica): the same reminder, named by the card.
        var due = (RemindCardRenewal)scheduled.Message!;
        var first = await fixture.Host.InvokeMessageAndWaitAsync(due, District);
        var again = await fixture.Host.InvokeMessageAndWaitAsync(due, District);
        var raised = first.Sent.MessagesOf<ReminderRaised>().ShouldHaveSingleItem();
        again.Sent.MessagesOf<ReminderRaised>().ShouldHaveSingleItem().ReminderId.ShouldBe(raised.ReminderId);
        raised.ReminderId.ShouldNotBe(reminder.ReminderId);
        raised.Body.Vi.ShouldContain($"hết hạn sử dụng ngày {Vn(Today.AddDays(60))}");
    }

    [Fact]
    public async Task An_imported_list_reminds_the_organisations_agents_once_per_day_its_cards_end_and_an_officers_card_without_one_reminds_the_officers()
    {
        var csv = $"""
            rowId,scheme,count,enrolledOn,coverageEndsOn
            A-1,HouseholdHealthInsurance,4,{Iso(Enrolled)},{Iso(Today.AddDays(12))}
            A-2,HouseholdHealthInsurance,2,{Iso(Enrolled)},{Iso(Today.AddDays(12))}
            A-3,HouseholdHealthInsurance,1,{Iso(Enrolled)},{Iso(Today.AddDays(15))}
            A-4,VoluntarySocialInsurance,1,{Iso(Enrolled)},{Iso(Today.AddDays(15))}
            """;
        var imported = await fixture.Host.ExecuteAndWaitAsync(() => fixture.Host.Scenario(s =>
        {
            s.Post.Text(csv).ContentType("text/csv").ToUrl($"/api/units/{District}/enrolment-imports").QueryString("organisationId", CollectionOrganisation.ToString());
            s.StatusCodeShouldBeOk();
        }));

        var reminders = imported.Sent.MessagesOf<ReminderRaised>().DistinctBy(r => r.ReminderId).OrderBy(r => r.DueOn).ToList();
        reminders.Select(r => r.DueOn).ShouldBe([Today.AddDays(12), Today.AddDays(15)]);
        reminders.ShouldAllBe(r => r.Audience == new ReminderAudience(District, PlatformRoles.CollectionAgent, CollectionOrganisation, null));
        reminders[0].Subject.Vi.ShouldStartWith("6 thẻ BHYT hết hạn");

        var byOfficer = await fixture.Host.ExecuteAndWaitAsync(() => RecordAsync(Card(Today.AddDays(2))));
        byOfficer.Sent.MessagesOf<ReminderRaised>().ShouldHaveSingleItem().Audience.ShouldBe(new ReminderAudience(District, PlatformRoles.DistrictOfficer));
    }

    public static TheoryData<string, RecordEnrolment, string> InvalidCards() => new()
    {
        { "voluntary insurance has no card", new(EnrolmentScheme.VoluntarySocialInsurance, Enrolled, Count: 1, CoverageEndsOn: Today.AddDays(3)), "not-a-card" },
        { "ends before it began", Card(Enrolled.AddDays(-1)), "before-enrolment" },
        { "ends the day it began", Card(Enrolled), "before-enrolment" },
        { "runs longer than 18 months", Card(Enrolled.AddMonths(18).AddDays(1)), "too-long" },
    };

    [Theory]
    [MemberData(nameof(InvalidCards))]
    public async Task A_card_end_that_cannot_be_is_refused_field_by_field_and_nothing_is_appended_or_scheduled(string because, RecordEnrolment command, string code)
    {
        ProblemBody problem = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => problem = await fixture.Host.PostExpectingProblemAsync(Url, command));

        problem.FieldErrors!.ShouldHaveSingleItem().ShouldSatisfyAllConditions(because,
            e => e.Field.ShouldBe("coverageEndsOn"), e => e.Code.ShouldBe(code), e => e.Vi.ShouldNotBeNullOrWhiteSpace(), e => e.En.ShouldNotBeNullOrWhiteSpace());
        tracked.Scheduled.Envelopes().ShouldBeEmpty();
        await using var session = fixture.Store.QuerySession(District);
        (await session.Query<Enrolment>().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_malformed_day_or_window_is_a_problem_field_by_field()
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Get.Url($"{Renewals}?asOf=06/12/2026&days=91&scheme=VoluntarySocialInsurance");
            s.StatusCodeShouldBe(400);
            s.ContentTypeShouldBe("application/problem+json");
        });
        var problem = System.Text.Json.JsonSerializer.Deserialize<ProblemBody>(await result.ReadAsTextAsync(), BhxhPlatform.TestSupport.ScenarioExtensions.Json)!;
        problem.Fields.ShouldBe(["asOf", "days", "scheme"], ignoreOrder: true);
    }
}
