using BhxhPlatform.Contracts.Partners;
using BhxhPlatform.Outreach.Directory;
using BhxhPlatform.TestSupport;
using Wolverine.Tracking;

namespace BhxhPlatform.Outreach.Tests.Directory;

[Collection(OutreachCollection.Name)]
public sealed class PartnerDirectoryTests(OutreachFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Partners_registered_in_a_district_are_listed_there_only_and_once()
    {
        var message = new PartnerRegistered(Guid.CreateVersion7(), "Hội Nông dân huyện", "UnionOrAssociation", null);

        await fixture.Host.InvokeMessageAndWaitAsync(message, "bien-hoa");
        await fixture.Host.InvokeMessageAndWaitAsync(message, "bien-hoa");

        var known = await fixture.Host.GetJsonAsync<List<KnownPartner>>("/api/units/bien-hoa/known-partners");
        known.ShouldBe([new KnownPartner(message.PartnerId, "Hội Nông dân huyện", "UnionOrAssociation", null)]);
        (await fixture.Host.GetJsonAsync<List<KnownPartner>>("/api/units/long-thanh/known-partners")).ShouldBeEmpty();
    }
}
