using Alba;
using BhxhPlatform.Planning.Catalogue;
using BhxhPlatform.Planning.Templates;
using BhxhPlatform.TestSupport;
using JasperFx.Events;
using Marten;
using static BhxhPlatform.Planning.Tests.Templates.TemplateTestData;

namespace BhxhPlatform.Planning.Tests.Templates;

[Collection(PlanningCollection.Name)]
public sealed class EditPlanTemplateTests(PlanningFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Url(Guid id, string tail = "") => $"/api/units/{Province}/plan-templates/{id}{tail}";

    private async Task<long> EventCountAsync()
    {
        await using var session = fixture.Store.QuerySession(Province);
        return await session.Events.QueryAllRawEvents().CountAsync();
    }

    private Task<IScenarioResult> PostOkAsync(string url, object command) => fixture.Host.Scenario(s =>
    {
        s.Post.Json(command, JsonStyle.MinimalApi).ToUrl(url);
        s.StatusCodeShouldBe(204);
    });

    [Fact]
    public async Task A_template_drafted_from_the_catalogue_has_every_catalogue_line()
    {
        var id = await fixture.Host.DraftFromCatalogueAsync();

        var template = await fixture.Host.GetTemplateAsync(id);

        template.Lines.Count.ShouldBe(43);
        template.Lines.Select(l => l.Code).ShouldBe(PlanCatalogue.Load().Lines.Select(l => l.Code));
        template.Lines.Single(l => l.Code == "2.04").Tasks.Count.ShouldBe(3);
        template.Version.ShouldBe(2);
    }

    [Fact]
    public async Task Lines_can_be_added_changed_and_removed()
    {
        var id = await fixture.Host.DraftFromCatalogueAsync();

        await PostOkAsync(Url(id, "/lines"), new AddTemplateLine(2, NewLine()));
        await PostOkAsync(Url(id, "/lines/change"), new ChangeTemplateLine(3, NewLine() with { Form = "Đối thoại trực tiếp" }));
        await PostOkAsync(Url(id, "/lines/remove"), new RemoveTemplateLine(4, "1.01"));

        var template = await fixture.Host.GetTemplateAsync(id);
        template.Lines.Count.ShouldBe(43);
        template.Lines.Single(l => l.Code == "3.1.99").Form.ShouldBe("Đối thoại trực tiếp");
        template.Lines.ShouldNotContain(l => l.Code == "1.01");
        template.Version.ShouldBe(5);
    }

    /// <summary>
    /// Since 1 July 2025 there are no districts: a 2026 template names the grassroots office as lead and the commune
    /// people's committees as partners through an ordinary line change; the catalogue keeps the 2024 seed's text.
    /// </summary>
    [Fact]
    public async Task A_2026_template_names_todays_partners_by_an_ordinary_edit_and_the_catalogue_keeps_the_2024_text()
    {
        var id = await fixture.Host.DraftFromCatalogueAsync(2026);
        var seed = (await fixture.Host.GetTemplateAsync(id)).Lines.Single(l => l.Code == "5.01");
        seed.LeadUnit.ShouldBe("BHXH huyện");
        seed.PartnerUnits.ShouldContain("Văn phòng HĐND&UBND huyện");

        var today = PlanLineInput.From(seed) with
        {
            LeadUnit = "BHXH cơ sở",
            PartnerUnits = [.. seed.PartnerUnits.Select(p => p == "Văn phòng HĐND&UBND huyện" ? "Ủy ban nhân dân xã, phường" : p)],
        };
        await PostOkAsync(Url(id, "/lines/change"), new ChangeTemplateLine(2, today));
        await fixture.Host.PublishAsync(id);

        var line = (await fixture.Host.GetTemplateAsync(id)).Lines.Single(l => l.Code == "5.01");
        line.LeadUnit.ShouldBe("BHXH cơ sở");
        line.PartnerUnits.ShouldBe(["Ủy ban nhân dân xã, phường", .. seed.PartnerUnits.Skip(1)]);
        var catalogue = (await fixture.Host.GetJsonAsync<List<PlanLine>>("/api/catalogue/lines")).Single(l => l.Code == "5.01");
        catalogue.LeadUnit.ShouldBe("BHXH huyện");
        catalogue.PartnerUnits.ShouldBe(seed.PartnerUnits);
        PlanCatalogue.Load().Lines.Single(l => l.Code == "5.01").ShouldBeEquivalentTo(catalogue);
    }

    [Fact]
    public async Task A_stale_version_is_a_409_and_appends_nothing()
    {
        var id = await fixture.Host.DraftFromCatalogueAsync();
        var before = await EventCountAsync();

        await fixture.Host.PostExpectingProblemAsync(Url(id, "/lines"), new AddTemplateLine(1, NewLine()), 409);

        (await EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Adding_a_line_whose_code_exists_is_a_conflict()
    {
        var id = await fixture.Host.DraftFromCatalogueAsync();

        var problem = await fixture.Host.PostExpectingProblemAsync(Url(id, "/lines"), new AddTemplateLine(2, NewLine("1.01")), 409);

        problem.Type.ShouldEndWith("line-exists");
    }

    [Fact]
    public async Task Changing_or_removing_a_missing_line_is_refused()
    {
        var id = await fixture.Host.DraftFromCatalogueAsync();

        await fixture.Host.PostExpectingProblemAsync(Url(id, "/lines/change"), new ChangeTemplateLine(2, NewLine("9.99")), 422);
        await fixture.Host.PostExpectingProblemAsync(Url(id, "/lines/remove"), new RemoveTemplateLine(2, "9.99"), 422);
    }

    [Fact]
    public async Task Every_line_field_is_validated_and_nothing_is_appended()
    {
        var id = await fixture.Host.DraftFromCatalogueAsync();
        var before = await EventCountAsync();
        var bad = new PlanLineInput(
            "", "9.9", "Ho\u0323 gia đình", new string('x', 501), null, "Hằng\u0007 tháng",
            new FrequencySpec(FrequencyKind.AtMostEveryMonths, Months: 0), " ", ["", "Hội Nông dân"], new string('y', 501), null, []);

        var problem = await fixture.Host.PostExpectingProblemAsync(Url(id, "/lines"), new AddTemplateLine(2, bad));

        problem.Fields.ShouldBe(
            ["line.code", "line.audienceCode", "line.subject", "line.form", "line.formKind", "line.frequencyText", "line.leadUnit",
             "line.coordinationFormText", "line.coordination", "line.tasks", "line.partnerUnits[0]", "line.frequency.months"],
            ignoreOrder: true);
        problem.FieldErrors!.Single(e => e.Field == "line.subject").Code.ShouldBe("not-nfc");
        problem.FieldErrors!.Single(e => e.Field == "line.frequencyText").Code.ShouldBe("control-characters");
        problem.FieldErrors!.Single(e => e.Field == "line.audienceCode").Code.ShouldBe("unknown-audience");
        (await EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_missing_line_and_frequency_rules_are_reported()
    {
        var id = await fixture.Host.DraftFromCatalogueAsync();

        var missing = await fixture.Host.PostExpectingProblemAsync(Url(id, "/lines"), new AddTemplateLine(2, null));
        var quarterly = await fixture.Host.PostExpectingProblemAsync(Url(id, "/lines"),
            new AddTemplateLine(2, NewLine() with { Frequency = new FrequencySpec(FrequencyKind.QuarterlyPerOrganisation, Min: 3, Max: 1) }));
        var host = await fixture.Host.PostExpectingProblemAsync(Url(id, "/lines"),
            new AddTemplateLine(2, NewLine() with { Frequency = new FrequencySpec(FrequencyKind.PerHostCalendar) }));
        var none = await fixture.Host.PostExpectingProblemAsync(Url(id, "/lines"), new AddTemplateLine(2, NewLine() with { Frequency = null }));

        missing.Fields.ShouldBe(["line"]);
        quarterly.Fields.ShouldBe(["line.frequency.max"]);
        host.Fields.ShouldBe(["line.frequency.host"]);
        none.Fields.ShouldBe(["line.frequency"]);
    }

    [Fact]
    public async Task Publishing_freezes_the_lines_as_a_numbered_version()
    {
        var id = await fixture.Host.DraftFromCatalogueAsync();

        (await fixture.Host.PublishAsync(id)).ShouldBe(1);
        await PostOkAsync(Url(id, "/lines/remove"), new RemoveTemplateLine(3, "1.01"));
        (await fixture.Host.PublishAsync(id)).ShouldBe(2);

        var template = await fixture.Host.GetTemplateAsync(id);
        template.Status.ShouldBe(PlanTemplateStatus.Published);
        template.FindPublished(1)!.Lines.Count.ShouldBe(43);
        template.FindPublished(2)!.Lines.Count.ShouldBe(42);

        await using var session = fixture.Store.QuerySession(Province);
        var published = await session.Events.QueryRawEventDataOnly<PlanTemplatePublished>().ToListAsync();
        published.Select(p => p.PublishedVersion).ShouldBe([1, 2]);
    }

    [Fact]
    public async Task Publishing_without_changes_or_lines_is_refused()
    {
        var empty = await fixture.Host.CreateAsync($"/api/units/{Province}/plan-templates", new DraftPlanTemplate(2026, "Kế hoạch 2026"));
        var id = await fixture.Host.PublishedTemplateAsync();

        var noLines = await fixture.Host.PostExpectingProblemAsync(Url(empty, "/publish"), new PublishPlanTemplate(1), 422);
        var unchanged = await fixture.Host.PostExpectingProblemAsync(Url(id, "/publish"), new PublishPlanTemplate(3), 409);

        noLines.Type.ShouldEndWith("no-lines");
        unchanged.Type.ShouldEndWith("nothing-to-publish");
    }

    [Fact]
    public async Task Editing_a_template_that_does_not_exist_is_404_whatever_version_is_expected()
    {
        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new PublishPlanTemplate(0), JsonStyle.MinimalApi).ToUrl(Url(Guid.NewGuid(), "/publish"));
            s.StatusCodeShouldBe(404);
        });

        // Marten's version check fails first on a stream that does not exist; the answer is still "not found", not "someone changed it".
        var problem = await fixture.Host.PostExpectingProblemAsync(Url(Guid.NewGuid(), "/publish"), new PublishPlanTemplate(1), 404);
        problem.Type.ShouldEndWith("/not-found");
    }

    [Fact]
    public async Task The_province_lists_its_templates_with_their_published_versions()
    {
        var published = await fixture.Host.PublishedTemplateAsync(2027);
        var draft = await fixture.Host.CreateAsync($"/api/units/{Province}/plan-templates", new DraftPlanTemplate(2026, "Kế hoạch 2026"));

        var list = await fixture.Host.GetJsonAsync<List<PlanTemplateSummary>>($"/api/units/{Province}/plan-templates");

        list.Select(t => t.Id).ShouldBe([published, draft]);
        list[0].PublishedVersions.ShouldBe([1]);
        list[0].Lines.ShouldBe(43);
        list[1].Status.ShouldBe(PlanTemplateStatus.Draft);
        (await fixture.Host.GetJsonAsync<List<PlanTemplateSummary>>("/api/units/bien-hoa/plan-templates")).ShouldBeEmpty();
    }
}
