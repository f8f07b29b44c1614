using Alba;
using BhxhPlatform.Contracts;
using BhxhPlatform.ServiceDefaults.Messaging;
using BhxhPlatform.TestSupport;
using Npgsql;
using static BhxhPlatform.Outreach.Tests.Samples;

namespace BhxhPlatform.Outreach.Tests;

/// <summary>
/// After a command's queue rows commit, the consumers' listeners are woken by a NOTIFY naming their
/// queue tables; a rejected command wakes nobody. Observed by listening on the channel, as Wolverine does.
/// </summary>
[Collection(OutreachCollection.Name)]
public sealed class QueueWakeUpTests(OutreachFixture fixture) : IAsyncLifetime
{
    private static readonly string[] ConsumerQueues =
        [IntegrationOutbox.QueueTable(ServiceNames.Planning), IntegrationOutbox.QueueTable(ServiceNames.Partners)];

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await fixture.Host.GivenApprovedPlanAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_committed_activity_wakes_the_queue_of_each_consumer()
    {
        await using var listener = await ListenAsync();
        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(DirectContact(), JsonStyle.MinimalApi).ToUrl($"/api/units/{District}/activities");
            s.StatusCodeShouldBe(201);
        });

        var heard = await HeardAsync(listener, TimeSpan.FromSeconds(10), stopWhen: h => ConsumerQueues.All(h.Contains));
        heard.ShouldContain(ConsumerQueues[0]);
        heard.ShouldContain(ConsumerQueues[1]);
    }

    [Fact]
    public async Task A_rejected_activity_wakes_nobody()
    {
        await using var listener = await ListenAsync();
        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(DirectContact() with { PeopleReached = -1 }, JsonStyle.MinimalApi).ToUrl($"/api/units/{District}/activities");
            s.StatusCodeShouldBe(400);
        });

        // A wake-up follows a commit within milliseconds; give a wrong one ample time to show up.
        var heard = await HeardAsync(listener, TimeSpan.FromSeconds(1), stopWhen: _ => false);
        heard.ShouldNotContain(ConsumerQueues[0]);
        heard.ShouldNotContain(ConsumerQueues[1]);
    }

    [Fact]
    public async Task A_wake_up_still_arrives_after_the_server_closed_the_connection_it_was_sent_on()
    {
        await using (var first = await ListenAsync())
        {
            await LogAsync();
            (await HeardAsync(first, TimeSpan.FromSeconds(10), stopWhen: h => ConsumerQueues.All(h.Contains))).ShouldContain(ConsumerQueues[0]);
        }

        // The connection the wake-ups go out on is held between them; the server ends it.
        await using (var admin = new NpgsqlConnection(fixture.Postgres.ConnectionString))
        {
            await admin.OpenAsync();
            await using var terminate = new NpgsqlCommand(
                $"select count(pg_terminate_backend(pid)) from pg_stat_activity where pid <> pg_backend_pid() and query like 'notify {IntegrationOutbox.WakeUpChannel}%'",
                admin);
            ((long)(await terminate.ExecuteScalarAsync())!).ShouldBeGreaterThan(0);
        }

        await using var second = await ListenAsync();
        await LogAsync();
        var heard = await HeardAsync(second, TimeSpan.FromSeconds(10), stopWhen: h => ConsumerQueues.All(h.Contains));
        heard.ShouldContain(ConsumerQueues[0]);
        heard.ShouldContain(ConsumerQueues[1]);
    }

    private async Task LogAsync() => await fixture.Host.Scenario(s =>
    {
        s.Post.Json(DirectContact(), JsonStyle.MinimalApi).ToUrl($"/api/units/{District}/activities");
        s.StatusCodeShouldBe(201);
    });

    private async Task<NpgsqlConnection> ListenAsync()
    {
        var connection = new NpgsqlConnection(fixture.Postgres.ConnectionString);
        await connection.OpenAsync();
        await using var listen = new NpgsqlCommand($"listen {IntegrationOutbox.WakeUpChannel}", connection);
        await listen.ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary>The payloads heard on the wake-up channel until <paramref name="stopWhen"/> holds or <paramref name="patience"/> runs out.</summary>
    private static async Task<List<string>> HeardAsync(NpgsqlConnection connection, TimeSpan patience, Func<List<string>, bool> stopWhen)
    {
        var heard = new List<string>();
        void OnNotification(object sender, NpgsqlNotificationEventArgs e) => heard.Add(e.Payload);
        connection.Notification += OnNotification;
        try
        {
            var deadline = DateTime.UtcNow + patience;
            while (!stopWhen(heard) && DateTime.UtcNow < deadline)
            {
                await connection.WaitAsync((int)Math.Max(1, (deadline - DateTime.UtcNow).TotalMilliseconds));
            }
        }
        finally
        {
            connection.Notification -= OnNotification;
        }

        return heard;
    }
}
