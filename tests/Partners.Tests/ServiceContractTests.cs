namespace BhxhPlatform.Partners.Tests;

[Collection(PartnersCollection.Name)]
public sealed class ServiceContractTests(PartnersFixture fixture) : TestSupport.ServiceContractTests<Program>(fixture)
{
    protected override string Service => Contracts.ServiceNames.Partners;
}
