using Marten;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace BhxhPlatform.TestSupport;

/// <summary>
/// What every service owes its callers, checked over every endpoint of its OpenAPI document:
/// bad input is refused with a problem and appends nothing; access follows the access matrix.
/// Each service's test project derives one class from this, in its fixture's collection.
/// </summary>
public abstract class ServiceContractTests<TProgram>(ServiceFixture<TProgram> fixture)
    where TProgram : class
{
    [Fact]
    public async Task Every_write_endpoint_refuses_the_bad_input_corpus_with_a_problem_and_appends_nothing()
    {
        await fixture.ResetAsync();
        var before = await StoredRows.CountAsync(fixture.Postgres.ConnectionString);

        var outcomes = await BadInputCorpus.RunAsync(fixture.Host, AccessContract.District);

        outcomes.Count.ShouldBeGreaterThan(5);
        outcomes.Where(o => !o.Passed)
            .Select(o => $"{o.Case.Method} {o.Case.Url} {o.Case.Name} {o.Case.Field}: got {o.Status}, expected {o.Expectation}: {o.Body[..Math.Min(o.Body.Length, 400)]}")
            .ShouldBeEmpty();
        // Nothing stored anywhere: events and streams of every tenant, documents, outboxes, inboxes and queues.
        StoredRows.Changes(before, await StoredRows.CountAsync(fixture.Postgres.ConnectionString)).ShouldBeEmpty();
        before.Keys.ShouldContain(t => t.EndsWith(".mt_events", StringComparison.Ordinal));
        before.Keys.ShouldContain(t => t.EndsWith(".wolverine_outgoing_envelopes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_operation_has_a_readable_name_a_summary_its_security_and_its_problem_answers()
    {
        var result = await fixture.Host.Scenario(s => s.Get.Url("/openapi/v1.json"));
        var document = System.Text.Json.Nodes.JsonNode.Parse(await result.ReadAsTextAsync())!;
        document["components"]!["securitySchemes"]!.AsObject().Select(p => p.Key).ShouldContain("bearer");
        var faults = new List<string>();
        foreach (var (path, operations) in document["paths"]!.AsObject().Where(p => p.Key.StartsWith("/api/", StringComparison.Ordinal)))
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                var id = operation?["operationId"]?.GetValue<string>() ?? "";
                var responses = operation?["responses"]?.AsObject().Select(r => r.Key).ToList() ?? [];
                var expected = method is "get" ? new[] { "401", "403" } : ["400", "401", "403", "409", "422"];
                if (id.Length == 0 || id.Contains('_', StringComparison.Ordinal) || string.IsNullOrWhiteSpace(operation?["summary"]?.GetValue<string>())
                    || operation?["summary"]?.GetValue<string>() == id || operation?["security"] is not System.Text.Json.Nodes.JsonArray { Count: > 0 }
                    || !expected.All(responses.Contains) || (path.Contains('{', StringComparison.Ordinal) && !responses.Contains("404")))
                {
                    faults.Add($"{method.ToUpperInvariant()} {path}: id '{id}', summary '{operation?["summary"]}', responses {string.Join(",", responses)}");
                }
            }
        }

        faults.ShouldBeEmpty();
    }

    /// <summary>The service's name: its section of the access matrix.</summary>
    protected abstract string Service { get; }

    [Fact]
    public async Task Every_operation_answers_every_role_exactly_as_the_access_matrix_says()
    {
        var attempts = await AccessContract.RunAsync(fixture.Host, Service);

        attempts.Count.ShouldBeGreaterThan(7);
        attempts.Select(a => a.Url).ShouldContain(ServiceDefaults.DeadLetters.DeadLetterCountsEndpoint.Route);
        attempts.Select(a => a.Url).ShouldContain(u => u.StartsWith(ServiceDefaults.DeadLetters.ProjectionDeadLetterEndpoints.Route, StringComparison.Ordinal));
        attempts.Where(a => !a.Passed)
            .Select(a => $"{a.Method} {a.Url} ({a.Operation}) as {a.Caller}: got {a.Status}, expected {a.Expectation}")
            .ShouldBeEmpty();
    }

    [Fact]
    public void The_integration_messages_naming_this_service_are_exactly_those_it_handles()
    {
        // Wolverine's own handler graph of the running service, not a search of its source.
        var handlers = fixture.Host.Services.GetRequiredService<Wolverine.Runtime.Handlers.HandlerGraph>();
        var contracts = ServiceDefaults.IntegrationRouting.MessageTypes.ToList();
        contracts.Count.ShouldBeGreaterThan(10);

        var named = contracts.Where(t => ServiceDefaults.IntegrationRouting.ConsumersOf(t).Contains(Service)).Select(t => t.Name).Order();
        var handled = contracts.Where(handlers.CanHandle).Select(t => t.Name).Order();

        handled.ShouldBe(named, $"[ConsumedBy] of the contracts against the handlers of {Service}");
    }
}
