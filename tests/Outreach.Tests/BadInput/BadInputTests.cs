using BhxhPlatform.TestSupport;
using Marten;

namespace BhxhPlatform.Outreach.Tests.BadInput;

[Collection(OutreachCollection.Name)]
public sealed class BadInputTests(OutreachFixture fixture)
{
    [Fact]
    public async Task Every_write_endpoint_refuses_the_bad_input_corpus_with_a_problem_and_appends_nothing()
    {
        await fixture.ResetAsync();

        var outcomes = await BadInputCorpus.RunAsync(fixture.Host, "bien-hoa");

        outcomes.Count.ShouldBeGreaterThan(5);
        outcomes.Where(o => !o.Passed)
            .Select(o => $"{o.Case.Method} {o.Case.Url} {o.Case.Name} {o.Case.Field}: got {o.Status}, expected {o.Expectation}")
            .ShouldBeEmpty();
        await using var session = fixture.Store.QuerySession("bien-hoa");
        (await session.Events.QueryAllRawEvents().CountAsync()).ShouldBe(0);
    }
}
