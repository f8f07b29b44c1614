using Alba;
using BhxhPlatform.Planning.Organisation;
using BhxhPlatform.Planning.Templates;
using BhxhPlatform.TestSupport;
using JasperFx.Events;
using Marten;

namespace BhxhPlatform.Planning.Tests.Templates;

[Collection(PlanningCollection.Name)]
public sealed class DraftPlanTemplateTests(PlanningFixture fixture) : IAsyncLifetime
{
    private const string Province = "dong-nai";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_drafted_template_reads_back_as_a_draft_of_the_province()
    {
        var id = await fixture.Host.CreateAsync(
            $"/api/units/{Province}/plan-templates", new DraftPlanTemplate(2026, "Kế hoạch truyền thông năm 2026"));

        var template = await fixture.Host.GetJsonAsync<PlanTemplate>($"/api/units/{Province}/plan-templates/{id}");

        template.Id.ShouldBe(id);
        template.Year.ShouldBe(2026);
        template.Title.ShouldBe("Kế hoạch truyền thông năm 2026");
        template.Status.ShouldBe(PlanTemplateStatus.Draft);
        template.Version.ShouldBe(1);
        template.Lines.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_drafted_event_carries_tenant_user_correlation_and_causation()
    {
        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new DraftPlanTemplate(2026, "Kế hoạch 2026"), JsonStyle.MinimalApi).ToUrl($"/api/units/{Province}/plan-templates");
            s.WithRequestHeader("X-Command-Id", "3f2504e0-4f89-41d3-9a0c-0305e82c3301");
            s.StatusCodeShouldBe(201);
        });

        await using var session = fixture.Store.QuerySession(Province);
        // The province's unit tree is seeded into its tenant as well; what the command appended is the rest.
        var events = await session.Events.QueryAllRawEvents().Where(e => e.StreamId != UnitTree.IdOf(Province)).ToListAsync();
        var drafted = events.ShouldHaveSingleItem();
        drafted.Data.ShouldBeOfType<PlanTemplateDrafted>();
        drafted.TenantId.ShouldBe(Province);
        drafted.UserName.ShouldNotBeNullOrWhiteSpace();
        drafted.CorrelationId.ShouldNotBeNullOrWhiteSpace();
        drafted.CausationId.ShouldBe("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
    }

    [Fact]
    public async Task Another_unit_cannot_read_the_template()
    {
        var id = await fixture.Host.CreateAsync($"/api/units/{Province}/plan-templates", new DraftPlanTemplate(2026, "Kế hoạch 2026"));

        await fixture.Host.Scenario(s =>
        {
            s.Get.Url($"/api/units/bien-hoa/plan-templates/{id}");
            s.StatusCodeShouldBe(404);
        });
    }

    [Fact]
    public async Task Invalid_input_is_refused_field_by_field_in_both_languages_and_appends_nothing()
    {
        var problem = await fixture.Host.PostExpectingProblemAsync(
            $"/api/units/{Province}/plan-templates", new DraftPlanTemplate(1999, "Ke\u0302\u0301 hoạch"));

        problem.Fields.ShouldBe(["year", "title"], ignoreOrder: true);
        problem.FieldErrors!.Single(e => e.Field == "title").Code.ShouldBe("not-nfc");
        problem.FieldErrors!.ShouldAllBe(e => e.Vi.Length > 0 && e.En.Length > 0);

        await using var session = fixture.Store.QuerySession(Province);
        (await session.Events.QueryAllRawEvents().Where(e => e.StreamId != UnitTree.IdOf(Province)).CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_district_office_cannot_draft_a_template()
    {
        var problem = await fixture.Host.PostExpectingProblemAsync("/api/units/bien-hoa/plan-templates", new DraftPlanTemplate(2026, "Kế hoạch 2026"));

        problem.Fields.ShouldBe(["unit"]);
        problem.FieldErrors![0].Code.ShouldBe("not-a-province");
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        await fixture.Host.Scenario(s =>
        {
            s.Post.Text("{\"year\": \"two thousand\"").ToUrl($"/api/units/{Province}/plan-templates");
            s.WithRequestHeader("Content-Type", "application/json");
            s.StatusCodeShouldBe(400);
            s.ContentTypeShouldBe("application/problem+json");
            s.ContentShouldContain("Yêu cầu không đọc được / The request could not be read");
            s.ContentShouldContain("$.year");
        });
    }
}
