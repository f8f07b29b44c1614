namespace BhxhPlatform.Planning.Tests;

[Collection(PlanningCollection.Name)]
public sealed class ServiceContractTests(PlanningFixture fixture) : TestSupport.ServiceContractTests<Program>(fixture)
{
    protected override string Service => Contracts.ServiceNames.Planning;
}
