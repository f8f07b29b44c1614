using BhxhPlatform.Contracts;
using BhxhPlatform.Contracts.Partners;
using BhxhPlatform.Partners.Registry;
using BhxhPlatform.TestSupport;
using Wolverine.Tracking;

namespace BhxhPlatform.Partners.Tests.Registry;

[Collection(PartnersCollection.Name)]
public sealed class RegisterPartnerTests(PartnersFixture fixture) : IAsyncLifetime
{
    private const string District = "bien-hoa";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_registered_partner_reads_back_and_is_announced_to_planning_and_outreach()
    {
        Guid id = default;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () =>
            id = await fixture.Host.CreateAsync(
                $"/api/units/{District}/partners", new RegisterPartner("Trung tâm VHTT-TT huyện", PartnerType.CultureMediaCentre, null)));

        var partner = await fixture.Host.GetJsonAsync<Partner>($"/api/units/{District}/partners/{id}");
        partner.ShouldBe(new Partner(id, "Trung tâm VHTT-TT huyện", PartnerType.CultureMediaCentre, null, PartnerStatus.Active));

        var envelopes = tracked.Sent.Envelopes().Where(e => e.Message is PartnerRegistered).ToList();
        envelopes.Select(e => e.Destination!.ToString()).ShouldBe(
            [$"postgresql://{ServiceNames.Planning}/", $"postgresql://{ServiceNames.Outreach}/"], ignoreOrder: true);
        envelopes.ShouldAllBe(e => e.TenantId == District);
        envelopes[0].Message.ShouldBe(new PartnerRegistered(id, "Trung tâm VHTT-TT huyện", "CultureMediaCentre", null));
    }

    [Fact]
    public async Task A_partner_without_name_or_type_is_refused()
    {
        var problem = await fixture.Host.PostExpectingProblemAsync($"/api/units/{District}/partners", new RegisterPartner("", null, null));

        problem.Fields.ShouldBe(["name", "type"], ignoreOrder: true);
    }
}
