using BhxhPlatform.Partners.Collaborators;
using BhxhPlatform.Partners.Registry;
using BhxhPlatform.TestSupport;
using static BhxhPlatform.Partners.Tests.Given;

namespace BhxhPlatform.Partners.Tests.Collaborators;

[Collection(PartnersCollection.Name)]
public sealed class CollaboratorTests(PartnersFixture fixture) : IAsyncLifetime
{
    private static readonly string Url = $"/api/units/{District}/collaborators";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<Collaborator> Read(Guid id) => fixture.Host.GetJsonAsync<Collaborator>($"{Url}/{id}");

    [Fact]
    public async Task A_collection_agent_is_enlisted_for_a_collection_service_organisation_and_communes()
    {
        var post = await fixture.Host.PartnerAsync("Bưu điện thành phố Biên Hòa", PartnerType.CollectionServiceOrganisation);

        var id = await fixture.Host.CreateAsync(Url, new EnlistCollaborator(
            "Nguyễn Văn An", CollaboratorKind.CollectionAgent, post, "+84912345678", Today.AddDays(-3), ["bien-hoa.trang-dai", "bien-hoa.tan-phong"]));

        var agent = await Read(id);
        agent.Name.ShouldBe("Nguyễn Văn An");
        agent.Kind.ShouldBe(CollaboratorKind.CollectionAgent);
        agent.OrganisationId.ShouldBe(post);
        agent.EnlistedOn.ShouldBe(Today.AddDays(-3));
        agent.CommuneIds.ShouldBe(["bien-hoa.trang-dai", "bien-hoa.tan-phong"]);
        agent.Version.ShouldBe(1);
    }

    [Fact]
    public async Task A_collaborator_needs_no_organisation_and_starts_today_by_default()
    {
        var id = await fixture.Host.CreateAsync(Url, new EnlistCollaborator("Trần Thị Hoa", CollaboratorKind.Collaborator, null, null, null, null));

        var collaborator = await Read(id);
        collaborator.EnlistedOn.ShouldBe(Today);
        collaborator.CommuneIds.ShouldBeEmpty();
    }

    [Fact]
    public async Task Enlistment_is_validated_and_nothing_is_appended()
    {
        (await fixture.Host.PostExpectingProblemAsync(Url, new EnlistCollaborator("", null, Guid.Empty, "12", Today.AddDays(1), ["long-thanh.an-phuoc", "bien-hoa.trang-dai", "bien-hoa.trang-dai"])))
            .Fields.ShouldBe(["name", "kind", "organisationId", "phone", "enlistedOn", "communeIds", "communeIds[0]"], ignoreOrder: true);
        (await fixture.Host.PostExpectingProblemAsync(Url, new EnlistCollaborator("An", CollaboratorKind.CollectionAgent, null, null, null, null)))
            .Fields.ShouldBe(["organisationId"]);
        (await fixture.Host.PostExpectingProblemAsync(Url, new EnlistCollaborator(new string('n', 201), (CollaboratorKind)7, null, null, null, null)))
            .Fields.ShouldBe(["name", "kind"], ignoreOrder: true);
        (await fixture.Store.EventCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task An_agent_must_work_for_a_known_active_collection_service_organisation()
    {
        var union = await fixture.Host.PartnerAsync();

        (await fixture.Host.PostExpectingProblemAsync(Url, new EnlistCollaborator("An", CollaboratorKind.CollectionAgent, union, null, null, null)))
            .FieldErrors!.ShouldHaveSingleItem().Code.ShouldBe("not-collection-organisation");
        (await fixture.Host.PostExpectingProblemAsync(Url, new EnlistCollaborator("An", CollaboratorKind.CollectionAgent, Guid.NewGuid(), null, null, null)))
            .FieldErrors!.ShouldHaveSingleItem().Code.ShouldBe("unknown-partner");
    }

    [Fact]
    public async Task Communes_are_assigned_and_removed_and_the_list_follows()
    {
        var id = await fixture.Host.CollaboratorAsync();

        await fixture.Host.PostOkAsync($"{Url}/{id}/communes", new AssignCommune(1, "bien-hoa.tan-phong"));
        await fixture.Host.PostOkAsync($"{Url}/{id}/communes/bien-hoa.trang-dai/remove", new UnassignCommune(2));

        (await Read(id)).CommuneIds.ShouldBe(["bien-hoa.tan-phong"]);
        (await fixture.Host.GetJsonAsync<List<Collaborator>>($"{Url}?communeId=bien-hoa.tan-phong")).ShouldHaveSingleItem().Id.ShouldBe(id);
        (await fixture.Host.GetJsonAsync<List<Collaborator>>($"{Url}?communeId=bien-hoa.trang-dai")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Commune_changes_are_checked()
    {
        var id = await fixture.Host.CollaboratorAsync();

        (await fixture.Host.PostExpectingProblemAsync($"{Url}/{id}/communes", new AssignCommune(1, "long-thanh.an-phuoc"))).Fields.ShouldBe(["communeId"]);
        (await fixture.Host.PostProblemAsync($"{Url}/{id}/communes", new AssignCommune(1, "bien-hoa.trang-dai"), 409)).Type.ShouldEndWith("already-assigned");
        await fixture.Host.PostProblemAsync($"{Url}/{id}/communes/bien-hoa.tan-phong/remove", new UnassignCommune(1), 404);
        await fixture.Host.PostProblemAsync($"{Url}/{id}/communes", new AssignCommune(9, "bien-hoa.tan-phong"), 409);
        (await Read(id)).Version.ShouldBe(1);
    }

    [Fact]
    public async Task A_collaborator_leaves_for_a_reason_and_then_changes_no_more()
    {
        var id = await fixture.Host.CollaboratorAsync();

        await fixture.Host.PostOkAsync($"{Url}/{id}/leave", new LeaveCollaborator(1, Today, "Chuyển công tác"));

        var left = await Read(id);
        left.LeftOn.ShouldBe(Today);
        left.LeaveReason.ShouldBe("Chuyển công tác");
        (await fixture.Host.GetJsonAsync<List<Collaborator>>(Url)).ShouldBeEmpty();
        (await fixture.Host.PostProblemAsync($"{Url}/{id}/communes", new AssignCommune(2, "bien-hoa.tan-phong"), 409)).Type.ShouldEndWith("collaborator-left");
        (await fixture.Host.PostProblemAsync($"{Url}/{id}/leave", new LeaveCollaborator(2, null, "Lần nữa"), 409)).Type.ShouldEndWith("collaborator-left");
    }

    [Fact]
    public async Task Leaving_needs_a_reason_and_a_date_between_enlistment_and_today()
    {
        var id = await fixture.Host.CollaboratorAsync();

        (await fixture.Host.PostExpectingProblemAsync($"{Url}/{id}/leave", new LeaveCollaborator(1, Today.AddDays(1), "")))
            .Fields.ShouldBe(["reason", "leftOn"], ignoreOrder: true);
        (await fixture.Host.PostExpectingProblemAsync($"{Url}/{id}/leave", new LeaveCollaborator(1, Today.AddYears(-1), "Nghỉ")))
            .Fields.ShouldBe(["leftOn"]);
        (await Read(id)).Version.ShouldBe(1);
    }
}
