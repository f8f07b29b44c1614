using BhxhPlatform.TestSupport;

namespace BhxhPlatform.Outreach.Tests;

public sealed class OutreachFixture : ServiceFixture<Program>;

[CollectionDefinition(Name)]
public sealed class OutreachCollection : ICollectionFixture<OutreachFixture>
{
    public const string Name = "Outreach service";
}
