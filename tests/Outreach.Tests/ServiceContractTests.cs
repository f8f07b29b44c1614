namespace BhxhPlatform.Outreach.Tests;

[Collection(OutreachCollection.Name)]
public sealed class ServiceContractTests(OutreachFixture fixture) : TestSupport.ServiceContractTests<Program>(fixture)
{
    protected override string Service => Contracts.ServiceNames.Outreach;
}
