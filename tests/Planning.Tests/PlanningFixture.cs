using BhxhPlatform.TestSupport;

namespace BhxhPlatform.Planning.Tests;

public sealed class PlanningFixture : ServiceFixture<Program>;

[CollectionDefinition(Name)]
public sealed class PlanningCollection : ICollectionFixture<PlanningFixture>
{
    public const string Name = "Planning service";
}
