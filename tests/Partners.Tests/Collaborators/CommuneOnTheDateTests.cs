using Alba;
using BhxhPlatform.Contracts.Planning;
using BhxhPlatform.Partners.Collaborators;
using BhxhPlatform.TestSupport;
using Wolverine.Tracking;
using static BhxhPlatform.Partners.Tests.Given;

namespace BhxhPlatform.Partners.Tests.Collaborators;

/// <summary>
/// Partners learns the unit tree from Planning (UnitTreeChanged): a collaborator's commune must belong to the unit on
/// the day they joined (enlistment) or today (a commune assigned later).
/// </summary>
[Collection(PartnersCollection.Name)]
public sealed class CommuneOnTheDateTests(PartnersFixture fixture) : IAsyncLifetime
{
    private const string Province = "dong-nai";
    private const string OtherDistrict = "long-thanh";
    private const string Commune = "bien-hoa.trang-dai";
    private static readonly DateOnly Moved = Today.AddDays(-10);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The tree Planning would announce after moving the commune from bien-hoa to long-thanh ten days ago.</summary>
    private static UnitTreeChanged Tree() =>
        AnnouncedTrees.CommuneMoved(Province, District, OtherDistrict, Commune, Moved, 2, "bien-hoa.tan-phong");

    private static EnlistCollaborator Enlist(DateOnly on, params string[] communes) =>
        new("Lê Thị Mai", CollaboratorKind.Collaborator, null, "0912345678", on, communes);

    [Fact]
    public async Task A_collaborator_in_a_commune_that_did_not_belong_to_the_unit_on_the_day_they_joined_is_refused()
    {
        await fixture.Host.InvokeMessageAndWaitAsync(Tree(), Province);
        var url = $"/api/units/{District}/collaborators";

        var before = await fixture.Host.CreateAsync(url, Enlist(Moved.AddDays(-1), Commune));
        var events = await fixture.Store.EventCountAsync();
        var problem = await fixture.Host.PostExpectingProblemAsync(url, Enlist(Moved, "bien-hoa.tan-phong", Commune));

        var error = problem.FieldErrors.ShouldNotBeNull().ShouldHaveSingleItem();
        (error.Field, error.Code).ShouldBe(("communeIds[1]", "not-in-district"));
        error.En.ShouldContain($"{Moved:yyyy-MM-dd}");
        error.Vi.ShouldContain($"{Moved:yyyy-MM-dd}");
        (await fixture.Store.EventCountAsync()).ShouldBe(events);
        (await fixture.Host.GetJsonAsync<Collaborator>($"{url}/{before}")).CommuneIds.ShouldBe([Commune]);

        // The unit it moved to enlists them.
        await fixture.Host.CreateAsync($"/api/units/{OtherDistrict}/collaborators", Enlist(Moved, Commune));
    }

    [Fact]
    public async Task A_commune_assigned_today_must_belong_to_the_unit_today()
    {
        await fixture.Host.InvokeMessageAndWaitAsync(Tree(), Province);
        var url = $"/api/units/{District}/collaborators";
        var id = await fixture.Host.CreateAsync(url, Enlist(Moved.AddDays(-1)));
        var events = await fixture.Store.EventCountAsync();

        var problem = await fixture.Host.PostExpectingProblemAsync($"{url}/{id}/communes", new AssignCommune(1, Commune));

        (problem.FieldErrors.ShouldNotBeNull().ShouldHaveSingleItem().Field, problem.FieldErrors[0].Code).ShouldBe(("communeId", "not-in-district"));
        (await fixture.Store.EventCountAsync()).ShouldBe(events);
        await fixture.Host.PostOkAsync($"{url}/{id}/communes", new AssignCommune(1, "bien-hoa.tan-phong"));
    }
}
