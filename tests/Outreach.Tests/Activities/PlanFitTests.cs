using Alba;
using BhxhPlatform.Contracts;
using BhxhPlatform.Contracts.Planning;
using BhxhPlatform.Outreach.Activities;
using BhxhPlatform.Outreach.Directory;
using BhxhPlatform.TestSupport;
using Marten;
using Wolverine.Tracking;
using static BhxhPlatform.Outreach.Tests.Samples;

namespace BhxhPlatform.Outreach.Tests.Activities;

/// <summary>An activity fits its unit's approved plan (line, audience, form, commune) and has started, or nothing is appended.</summary>
[Collection(OutreachCollection.Name)]
public sealed class PlanFitTests(OutreachFixture fixture) : IAsyncLifetime
{
    private const string Url = $"/api/units/{District}/activities";

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await fixture.Host.GivenApprovedPlanAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<int> EventCount()
    {
        await using var session = fixture.Store.QuerySession(District);
        return await session.Events.CommandEvents().CountAsync();
    }

    private async Task<FieldErrorBody> RefusedAsync(string url, object command)
    {
        ProblemBody? problem = null;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => problem = await fixture.Host.PostExpectingProblemAsync(url, command));
        tracked.Sent.AllMessages().ShouldBeEmpty();
        (await EventCount()).ShouldBe(0);
        var error = problem!.FieldErrors.ShouldNotBeNull().ShouldHaveSingleItem();
        error.Vi.ShouldNotBeNullOrWhiteSpace();
        error.En.ShouldNotBeNullOrWhiteSpace();
        return error;
    }

    public static TheoryData<string, LogActivity, string, string> Misfits()
    {
        var tomorrow = DateTimeOffset.UtcNow.AddDays(1).ToOffset(TimeSpan.FromHours(7));
        return new()
        {
            { "a plan the unit has not had approved", DirectContact() with { DistrictPlanId = Guid.Parse("0196b2a0-0000-7000-8000-0000000000ff") }, "districtPlanId", "unknown-plan" },
            { "another district's plan", DirectContact() with { DistrictPlanId = OtherDistrictPlan }, "districtPlanId", "unknown-plan" },
            { "a line the plan does not have", DirectContact() with { PlanLineCode = "3.4.01" }, "planLineCode", "not-in-plan" },
            { "a line code that exists nowhere", DirectContact() with { PlanLineCode = "9.99" }, "planLineCode", "not-in-plan" },
            { "another audience than the line's", DirectContact() with { AudienceCode = "3.2" }, "audienceCode", "not-the-line-audience" },
            { "another form than the line's", Conference() with { PlanLineCode = "3.1.01" }, "form", "not-the-line-form" },
            { "a commune of another district", DirectContact() with { CommuneId = "long-thanh.an-phuoc" }, "communeId", "not-in-unit" },
            { "a commune that does not exist", DirectContact() with { CommuneId = "bien-hoa.khong-co" }, "communeId", "not-in-unit" },
            { "a start in the future", DirectContact() with { StartedAt = tomorrow, EndedAt = tomorrow.AddHours(2) }, "startedAt", "in-future" },
        };
    }

    [Theory]
    [MemberData(nameof(Misfits))]
    public async Task An_activity_that_does_not_fit_the_approved_plan_is_refused_field_by_field(string because, LogActivity command, string field, string code)
    {
        var error = await RefusedAsync(Url, command);

        error.Field.ShouldBe(field, because);
        error.Code.ShouldBe(code, because);
    }

    [Fact]
    public async Task Before_planning_approves_the_plan_no_activity_is_accepted_against_it()
    {
        await fixture.ResetAsync();

        var error = await RefusedAsync(Url, DirectContact());

        error.ShouldBe(new FieldErrorBody("districtPlanId", "unknown-plan",
            "Đơn vị không có kế hoạch đã duyệt với mã này.", "The unit has no approved plan with this id."));
    }

    [Fact]
    public async Task Each_line_of_the_approved_plan_takes_its_own_audience_and_form()
    {
        Guid[] ids =
        [
            await fixture.Host.CreateAsync(Url, DirectContact()),
            await fixture.Host.CreateAsync(Url, Conference()),
            await fixture.Host.CreateAsync(Url, Conference("3.9")),
            await fixture.Host.CreateAsync(Url, Post()),
            await fixture.Host.CreateAsync(Url, Sms()),
            await fixture.Host.CreateAsync(Url, DirectContact() with { CommuneId = null }),
            await fixture.Host.CreateAsync(Url, DirectContact() with { StartedAt = DateTimeOffset.UtcNow.AddMinutes(-5), EndedAt = DateTimeOffset.UtcNow.AddHours(1) }),
        ];

        ids.Distinct().Count().ShouldBe(7);
        (await EventCount()).ShouldBe(7);
    }

    [Fact]
    public async Task The_same_approval_twice_and_an_older_one_after_a_newer_change_nothing()
    {
        var amended = Approval(2, [.. PlanLines, new ApprovedPlanLine("3.4.04", "3.4", "CharityCustomerCare", 1)]);
        await fixture.Host.InvokeMessageAndWaitAsync(amended, District);
        await fixture.Host.InvokeMessageAndWaitAsync(amended, District);
        await fixture.Host.InvokeMessageAndWaitAsync(Approval(1), District);

        var known = (await fixture.Host.GetJsonAsync<KnownPlan[]>($"/api/units/{District}/known-plans")).ShouldHaveSingleItem();
        known.Id.ShouldBe(DistrictPlan);
        known.Revision.ShouldBe(2);
        known.Lines.Select(l => l.Code).ShouldBe([.. PlanLines.Select(l => l.Code), "3.4.04"]);
        known.CommuneIds.ShouldBe(Approval().CommuneIds);
        (await fixture.Host.GetJsonAsync<KnownPlan[]>($"/api/units/{OtherDistrict}/known-plans")).ShouldHaveSingleItem().Id.ShouldBe(OtherDistrictPlan);
    }

    [Fact]
    public async Task An_approved_amendment_replaces_the_lines_activities_are_logged_against()
    {
        var charity = new ApprovedPlanLine("3.4.04", "3.4", "CharityCustomerCare", 2);
        await fixture.Host.InvokeMessageAndWaitAsync(Approval(2, [.. PlanLines.Where(l => l.Code != "3.5.02"), charity]), District);

        (await RefusedAsync(Url, Sms())).ShouldBe(new FieldErrorBody("planLineCode", "not-in-plan",
            "Kế hoạch đã duyệt của đơn vị không có dòng này.", "The unit's approved plan has no such line."));
        await fixture.Host.CreateAsync(Url, DirectContact() with
        {
            PlanLineCode = "3.4.04", AudienceCode = "3.4", Form = CommunicationForm.CharityCustomerCare, TeamMembers = [],
        });
        (await EventCount()).ShouldBe(1);
    }

    [Fact]
    public async Task A_batch_with_one_misfit_is_refused_whole_naming_that_activity()
    {
        var error = await RefusedAsync($"{Url}/batch", new LogActivityBatch([DirectContact(), Post() with { AudienceCode = "3.1" }, Sms()]));

        error.Field.ShouldBe("activities[1].audienceCode");
        error.Code.ShouldBe("not-the-line-audience");
        error.Vi.ShouldBe("Dòng 3.2.02 của kế hoạch dành cho đối tượng 3.2.");
    }

    [Fact]
    public async Task A_correction_must_fit_the_approved_plan_too()
    {
        var id = await fixture.Host.CreateAsync(Url, DirectContact());
        var tomorrow = DateTimeOffset.UtcNow.AddDays(1);

        var problem = await fixture.Host.PostExpectingProblemAsync($"{Url}/{id}/corrections", new CorrectActivity(1, "Đổi dòng kế hoạch",
            DirectContact() with { PlanLineCode = "3.6.01", CommuneId = "long-thanh.an-phuoc", StartedAt = tomorrow, EndedAt = tomorrow.AddHours(1) }));

        problem.FieldErrors!.Select(e => (e.Field, e.Code)).ShouldBe(
            [("activity.startedAt", "in-future"), ("activity.communeId", "not-in-unit"), ("activity.planLineCode", "not-in-plan")], ignoreOrder: true);
        (await fixture.Host.GetJsonAsync<Activity>($"{Url}/{id}")).Version.ShouldBe(1);
        (await EventCount()).ShouldBe(1);
    }
}
