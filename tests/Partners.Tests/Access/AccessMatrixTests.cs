using BhxhPlatform.TestSupport;

namespace BhxhPlatform.Partners.Tests.Access;

[Collection(PartnersCollection.Name)]
public sealed class AccessMatrixTests(PartnersFixture fixture)
{
    [Fact]
    public async Task Every_endpoint_answers_every_role_and_a_foreign_district_as_the_access_rule_says()
    {
        var attempts = await AccessMatrix.RunAsync(fixture.Host);

        attempts.Count.ShouldBeGreaterThan(7);
        attempts.Where(a => !a.Passed)
            .Select(a => $"{a.Method} {a.Url} as {a.Caller}: got {a.Status}, expected {a.Expectation}")
            .ShouldBeEmpty();
    }
}
