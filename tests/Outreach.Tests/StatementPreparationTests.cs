using BhxhPlatform.ServiceDefaults;
using BhxhPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BhxhPlatform.Outreach.Tests;

/// <summary>The services prepare their statements unless the connection string says otherwise.</summary>
[Collection(OutreachCollection.Name)]
public sealed class StatementPreparationTests(OutreachFixture fixture)
{
    [Fact]
    public void The_service_prepares_statements_on_first_use()
    {
        var settings = new NpgsqlConnectionStringBuilder(fixture.Host.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString);

        settings.MaxAutoPrepare.ShouldBe(200);
        settings.AutoPrepareMinUsages.ShouldBe(1);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;MaxAutoPrepare=50", 50)]
    [InlineData("Host=db;max auto prepare=20", 20)]
    public void A_connection_string_that_sets_preparation_is_left_as_it_is(string connectionString, int maxAutoPrepare)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);

        CritterStackExtensions.ApplyStatementPreparation(settings);

        settings.MaxAutoPrepare.ShouldBe(maxAutoPrepare);
    }

    [Fact]
    public void A_connection_string_without_it_gets_it()
    {
        var settings = new NpgsqlConnectionStringBuilder("Host=db;Database=bhxh;Username=app");

        CritterStackExtensions.ApplyStatementPreparation(settings);

        settings.MaxAutoPrepare.ShouldBe(200);
        settings.AutoPrepareMinUsages.ShouldBe(1);
    }
}
