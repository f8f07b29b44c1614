namespace BhxhPlatform.Identity.Tests;

[Collection(IdentityCollection.Name)]
public sealed class ServiceContractTests(IdentityFixture fixture) : TestSupport.ServiceContractTests<Program>(fixture)
{
    protected override string Service => Contracts.ServiceNames.Identity;
}
