using Alba;
using BhxhPlatform.Contracts.Outreach;
using BhxhPlatform.Contracts.Partners;
using BhxhPlatform.Planning.DistrictPlans;
using BhxhPlatform.Planning.Rollouts;
using BhxhPlatform.Planning.Schedule;
using BhxhPlatform.Planning.Tests.DistrictPlans;
using BhxhPlatform.Planning.Tests.Templates;
using BhxhPlatform.TestSupport;
using Wolverine.Tracking;

namespace BhxhPlatform.Planning.Tests.Schedule;

/// <summary>The province publishes, rolls out to its 11 districts, approves some plans, and reads progress fed by Outreach and Partners.</summary>
[Collection(PlanningCollection.Name)]
public sealed class ProvinceScenarioTests(PlanningFixture fixture) : IAsyncLifetime
{
    private const string Province = TemplateTestData.Province;
    private const string AsOf = "2026-07-15";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static ActivityRecorded Activity(string line, int month, int reached) => new(
        Guid.NewGuid(), Guid.Empty, line, line[..line.LastIndexOf('.')], "DirectContact", null, new DateOnly(2026, month, 10), reached, []);

    [Fact]
    public async Task The_province_reads_expected_versus_logged_across_its_districts()
    {
        var templateId = await fixture.Host.PublishedTemplateAsync();
        await fixture.Host.ExecuteAndWaitAsync(async () => await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new StartRollout(templateId, 1, null), JsonStyle.MinimalApi).ToUrl($"/api/units/{Province}/rollouts");
            s.StatusCodeShouldBe(202);
        }), 30_000);

        foreach (var district in new[] { "bien-hoa", "long-khanh", "tan-phu" })
        {
            var id = DeterministicId.DistrictPlan(district, 2026);
            await fixture.Host.StepAsync(id, "targets", v => new SetDistrictPlanTargets(v, [new LineTargetInput("3.1.01", 12, null, null)], 5000, []), district);
            await fixture.Host.SubmitAsync(id, district);
            var submitted = await fixture.Host.GetPlanAsync(id, district);
            await fixture.Host.Scenario(s =>
            {
                s.Post.Json(new ApproveDistrictPlan(submitted.Version), JsonStyle.MinimalApi)
                    .ToUrl($"/api/units/{Province}/district-plans/{district}/years/2026/approve");
                s.StatusCodeShouldBe(204);
            });
        }

        for (var month = 1; month <= 6; month++)
        {
            await fixture.Host.InvokeMessageAndWaitAsync(Activity("3.1.01", month, 20), "bien-hoa");
        }

        await fixture.Host.InvokeMessageAndWaitAsync(Activity("3.1.01", 2, 15), "long-khanh");
        for (var day = 1; day <= 4; day++)
        {
            await fixture.Host.InvokeMessageAndWaitAsync(new TrainingHeld(Guid.NewGuid(), null, new DateOnly(2026, 4, day), 30, "6.01"), "tan-phu");
        }

        await fixture.Host.InvokeMessageAndWaitAsync(new AgreementSigned(
            Guid.NewGuid(), "Programme", [], ["2"], ["Conference"], ["2.01"], new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 8, null), "bien-hoa");
        await fixture.Host.InvokeMessageAndWaitAsync(new EnrolmentsRecorded(
            Guid.NewGuid(), "VoluntarySocialInsurance", 5, new DateOnly(2026, 6, 1), null, "3.1.01", null, null, null), "long-khanh");

        var report = await fixture.Host.GetJsonAsync<ProgressReport>($"/api/units/{Province}/progress/years/2026?asOf={AsOf}");

        report.Districts.Count.ShouldBe(11);
        report.Districts.Count(d => d.Status == DistrictPlanStatus.Approved).ShouldBe(3);
        report.Districts.Single(d => d.District == "long-khanh").Enrolled.ShouldBe(5);
        var bienHoa = report.Lines.Single(l => l.District == "bien-hoa" && l.Code == "3.1.01");
        bienHoa.ExpectedByNow.ShouldBe(6);
        bienHoa.Logged.ShouldBe(6);
        bienHoa.Overdue.ShouldBeFalse();
        var longKhanh = report.Lines.Single(l => l.District == "long-khanh" && l.Code == "3.1.01");
        longKhanh.Logged.ShouldBe(1);
        longKhanh.Overdue.ShouldBeTrue();
        report.Lines.Single(l => l.District == "tan-phu" && l.Code == "6.01").OverCap.ShouldBeTrue();
        report.Lines.Single(l => l.District == "bien-hoa" && l.Code == "2.01").NeedsAgreement.ShouldBeFalse();
        report.Lines.Single(l => l.District == "bien-hoa" && l.Code == "2.01").ExpectedYear.ShouldBe(8);
        report.Lines.Single(l => l.District == "xuan-loc" && l.Code == "2.01").NeedsAgreement.ShouldBeTrue();
        report.Audiences.Single(a => a.AudienceCode == "3.1").Logged.ShouldBe(7);
        report.Logged.ShouldBe(11);
        report.PeopleReached.ShouldBe(6 * 20 + 15 + 4 * 30);

        var plans = await fixture.Host.GetJsonAsync<List<DistrictPlanSummary>>($"/api/units/{Province}/district-plans/years/2026/all");
        plans.Count.ShouldBe(11);
        plans.Where(p => p.Status == DistrictPlanStatus.Approved).Select(p => p.District).ShouldBe(["bien-hoa", "long-khanh", "tan-phu"], ignoreOrder: true);

        var single = await fixture.Host.GetJsonAsync<ProgressReport>($"/api/units/bien-hoa/progress/years/2026?asOf={AsOf}");
        single.Districts.ShouldHaveSingleItem().District.ShouldBe("bien-hoa");
        single.Logged.ShouldBe(6);
    }

    [Fact]
    public async Task A_bad_day_or_year_is_a_400_and_an_unknown_unit_a_404()
    {
        await fixture.Host.Scenario(s =>
        {
            s.Get.Url($"/api/units/{Province}/progress/years/1990?asOf=15/07/2026");
            s.StatusCodeShouldBe(400);
        });
        await fixture.Host.Scenario(s =>
        {
            s.Get.Url("/api/units/ha-noi/progress/years/2026");
            s.StatusCodeShouldBe(404);
        });
    }
}
