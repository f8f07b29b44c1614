using System.Diagnostics;
using Alba;
using BhxhPlatform.ServiceDefaults.DeadLetters;
using BhxhPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BhxhPlatform.Outreach.Tests;

/// <summary>
/// An envelope whose bytes cannot be read, left in the inbox by the queue listener, is moved to the
/// message dead letters, counted, listed by the admin API and can be discarded there.
/// (tests/Fault.Tests runs the same through the real queue listener, across processes.)
/// </summary>
[Collection(OutreachCollection.Name)]
public sealed class DeadLetterWatchTests(OutreachFixture fixture)
{
    [Fact]
    public async Task An_unreadable_envelope_in_the_inbox_is_dead_lettered_counted_listed_and_discarded()
    {
        using var metrics = new MetricProbe();
        var dataSource = fixture.Host.Services.GetRequiredService<NpgsqlDataSource>();
        var id = Guid.CreateVersion7();
        await using (var insert = dataSource.CreateCommand(
            "insert into outreach.wolverine_incoming_envelopes (body, id, status, owner_id, attempts, message_type, received_at) " +
            "values ($1, $2, 'Incoming', 0, 0, 'BhxhPlatform.Contracts.Partners.PartnerRegistered', 'postgresql://outreach/')"))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = "not an envelope"u8.ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = id });
            await insert.ExecuteNonQueryAsync();
        }

        var clock = Stopwatch.StartNew();
        string? exceptionMessage = null;
        while (exceptionMessage is null && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(200);
            await using var select = dataSource.CreateCommand("select exception_message from outreach.wolverine_dead_letters where id = $1");
            select.Parameters.Add(new NpgsqlParameter { Value = id });
            exceptionMessage = await select.ExecuteScalarAsync() as string;
        }

        exceptionMessage.ShouldNotBeNull().ShouldStartWith("The envelope's bytes could not be read");
        await using (var inbox = dataSource.CreateCommand("select count(*) from outreach.wolverine_incoming_envelopes where id = $1"))
        {
            inbox.Parameters.Add(new NpgsqlParameter { Value = id });
            ((long)(await inbox.ExecuteScalarAsync())!).ShouldBe(0);
        }

        (await metrics.EventuallyAsync(m => m.Counter(DeadLetterMetrics.UnreadableEnvelopes, ("service", "outreach")) == 1))
            .ShouldBeTrue(metrics.ToString());
        (await metrics.EventuallyAsync(m => m.Gauge(DeadLetterMetrics.DeadLetters, ("service", "outreach"), ("store", "messages")) >= 1))
            .ShouldBeTrue(metrics.ToString());

        var listed = await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new { limit = 10 }).ToUrl("/api/admin/dead-letters");
            s.StatusCodeShouldBeOk();
        });
        (await listed.ReadAsTextAsync()).ShouldContain(id.ToString());

        await fixture.Host.Scenario(s =>
        {
            s.Delete.Json(new { ids = new[] { id } }).ToUrl("/api/admin/dead-letters");
            s.StatusCodeShouldBeOk();
        });
        await using var remaining = dataSource.CreateCommand("select count(*) from outreach.wolverine_dead_letters where id = $1");
        remaining.Parameters.Add(new NpgsqlParameter { Value = id });
        ((long)(await remaining.ExecuteScalarAsync())!).ShouldBe(0);
    }
}
