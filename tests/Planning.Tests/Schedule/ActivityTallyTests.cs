using System.Text.Json;
using BhxhPlatform.Contracts.Outreach;
using BhxhPlatform.Contracts.Partners;
using BhxhPlatform.Planning.DistrictPlans;
using BhxhPlatform.Planning.Progress;
using BhxhPlatform.Planning.Schedule;
using BhxhPlatform.Planning.Tests.DistrictPlans;
using BhxhPlatform.Planning.Tests.Templates;
using BhxhPlatform.TestSupport;
using Marten;
using Wolverine.Tracking;

namespace BhxhPlatform.Planning.Tests.Schedule;

/// <summary>
/// Progress counts activities in PostgreSQL instead of loading them: the counts must be those the
/// calculator made from the documents, with corrections, voids and the year's edges.
/// </summary>
[Collection(PlanningCollection.Name)]
public sealed class ActivityTallyTests(PlanningFixture fixture) : IAsyncLifetime
{
    private const string Province = TemplateTestData.Province;
    private const string BienHoa = "bien-hoa";
    private const string LongKhanh = "long-khanh";
    private static readonly DateOnly AsOf = new(2026, 7, 15);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static ActivityRecorded Recorded(Guid id, string line, DateOnly on, int reached) =>
        new(id, Guid.Empty, line, line[..line.LastIndexOf('.')], "DirectContact", null, on, reached, []);

    private static ActivityCorrected Corrected(Guid id, string line, DateOnly on, int reached, long revision) =>
        new(id, Guid.Empty, line, line[..line.LastIndexOf('.')], "DirectContact", null, on, reached, [], revision);

    private async Task SendAsync(string district, object message) => await fixture.Host.InvokeMessageAndWaitAsync(message, district);

    [Fact]
    public async Task Tallies_counted_by_postgresql_are_those_of_the_documents_with_corrections_voids_and_the_years_edges()
    {
        var templateId = await fixture.Host.PublishedTemplateAsync();
        await fixture.Host.AdoptAsync(templateId, BienHoa);
        await fixture.Host.AdoptAsync(templateId, LongKhanh);

        await SendAsync(BienHoa, Recorded(Guid.NewGuid(), "3.1.01", new DateOnly(2026, 1, 10), 20));
        var moved = Guid.NewGuid();
        await SendAsync(BienHoa, Recorded(moved, "3.1.01", new DateOnly(2026, 1, 20), 15));
        await SendAsync(BienHoa, Corrected(moved, "3.1.02", new DateOnly(2026, 3, 5), 40, revision: 2));
        var voided = Guid.NewGuid();
        await SendAsync(BienHoa, Recorded(voided, "3.1.01", new DateOnly(2026, 2, 3), 12));
        await SendAsync(BienHoa, new ActivityVoided(voided, "Nhầm"));
        var recount = Guid.NewGuid();
        await SendAsync(BienHoa, Recorded(recount, "1.02", new DateOnly(2026, 3, 8), 30));
        await SendAsync(BienHoa, Corrected(recount, "1.02", new DateOnly(2026, 3, 8), 35, revision: 2));
        await SendAsync(BienHoa, Recorded(Guid.NewGuid(), "3.1.01", new DateOnly(2026, 7, 15), 9));
        await SendAsync(BienHoa, Recorded(Guid.NewGuid(), "3.1.01", new DateOnly(2026, 7, 16), 11));
        await SendAsync(BienHoa, Recorded(Guid.NewGuid(), "3.1.01", new DateOnly(2025, 12, 31), 13));
        await SendAsync(BienHoa, Recorded(Guid.NewGuid(), "3.1.02", new DateOnly(2026, 3, 25), 18));
        var voidedFirst = Guid.NewGuid();
        await SendAsync(BienHoa, new ActivityVoided(voidedFirst, "Nhầm"));
        await SendAsync(BienHoa, Recorded(voidedFirst, "3.1.01", new DateOnly(2026, 4, 1), 50));
        await SendAsync(BienHoa, new TrainingHeld(Guid.NewGuid(), null, new DateOnly(2026, 4, 2), 30, "6.01"));
        await SendAsync(LongKhanh, Recorded(Guid.NewGuid(), "3.1.01", new DateOnly(2026, 1, 10), 5));
        var lateJune = Guid.NewGuid();
        await SendAsync(LongKhanh, Recorded(lateJune, "3.1.01", new DateOnly(2026, 6, 30), 7));
        await SendAsync(LongKhanh, Corrected(lateJune, "3.1.01", new DateOnly(2026, 7, 1), 8, revision: 2));
        await SendAsync("xuan-loc", Recorded(Guid.NewGuid(), "3.1.01", new DateOnly(2026, 1, 10), 99));

        string[] districts = [BienHoa, LongKhanh];
        await using var session = fixture.Store.QuerySession(Province);
        var documents = await session.Query<LoggedActivity>().Where(a => a.TenantIsOneOf(districts)).ToListAsync();

        var tallies = await ProgressReader.ActivityTalliesAsync(session, districts, 2026, AsOf, CancellationToken.None);

        tallies.ShouldBe(
        [
            new MonthTally(BienHoa, "1.02", 3, 1, 35),
            new MonthTally(BienHoa, "3.1.01", 1, 1, 20),
            new MonthTally(BienHoa, "3.1.01", 7, 1, 9),
            new MonthTally(BienHoa, "3.1.02", 3, 2, 58),
            new MonthTally(LongKhanh, "3.1.01", 1, 1, 5),
            new MonthTally(LongKhanh, "3.1.01", 7, 1, 8),
        ]);
        tallies.ShouldBe(ProgressCalculator.Tally(documents, 2026, AsOf));
        foreach (var (year, day) in new[] { (2025, AsOf), (2026, new DateOnly(2026, 3, 7)), (2026, new DateOnly(2025, 6, 1)), (2027, AsOf) })
        {
            (await ProgressReader.ActivityTalliesAsync(session, districts, year, day, CancellationToken.None))
                .ShouldBe(ProgressCalculator.Tally(documents, year, day), $"{year} as of {day}");
        }

        // The whole report is the one the calculator makes from the documents themselves.
        var plans = await session.Query<DistrictPlan>().Where(p => p.TenantIsOneOf(districts) && p.Year == 2026).ToListAsync();
        var facts = new ProgressFacts(
            ProgressCalculator.Tally(documents, 2026, AsOf),
            await session.Query<HeldTraining>().Where(t => t.TenantIsOneOf(districts)).ToListAsync(),
            await session.Query<KnownAgreement>().Where(a => a.TenantIsOneOf(districts)).ToListAsync(),
            await session.Query<ReceivedEnrolment>().Where(e => e.TenantIsOneOf(districts)).ToListAsync(),
            await session.Query<KnownCommendation>().Where(c => c.TenantIsOneOf(districts)).ToListAsync());
        var expected = ProgressCalculator.Report(Province, 2026, AsOf, plans, facts);
        var report = await fixture.Host.GetJsonAsync<ProgressReport>($"/api/units/{Province}/progress/years/2026?asOf=2026-07-15");

        JsonSerializer.Serialize(report, ScenarioExtensions.Json).ShouldBe(JsonSerializer.Serialize(expected, ScenarioExtensions.Json));
        var line = report.Lines.Single(l => l.District == BienHoa && l.Code == "3.1.02");
        (line.Logged, line.PeopleReached, line.Months[2].Logged, line.Quarters[0].Logged).ShouldBe((2, 58, 2, 2));
        report.Lines.Single(l => l.District == BienHoa && l.Code == "6.01").Logged.ShouldBe(1);
        report.Logged.ShouldBe(8);

        var lines = await fixture.Host.GetJsonAsync<List<LineActivityCount>>($"/api/units/{BienHoa}/progress/lines");
        lines.ShouldBe([new LineActivityCount("1.02", 1, 35), new LineActivityCount("3.1.01", 4, 53), new LineActivityCount("3.1.02", 2, 58)]);
    }
}
