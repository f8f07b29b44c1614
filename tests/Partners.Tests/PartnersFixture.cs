using BhxhPlatform.TestSupport;

namespace BhxhPlatform.Partners.Tests;

public sealed class PartnersFixture : ServiceFixture<Program>;

[CollectionDefinition(Name)]
public sealed class PartnersCollection : ICollectionFixture<PartnersFixture>
{
    public const string Name = "Partners service";
}
