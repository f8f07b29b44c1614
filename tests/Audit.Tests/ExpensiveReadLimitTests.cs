using System.Text.Json;
using Alba;
using BhxhPlatform.ServiceDefaults.Security;
using BhxhPlatform.TestSupport;

namespace BhxhPlatform.Audit.Tests;

[Collection(AuditCollection.Name)]
public sealed class ExpensiveReadLimitTests(AuditFixture fixture) : IAsyncLifetime
{
    private const string Unit = "bien-hoa";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<IScenarioResult> CallAsync(string path, string role, string unit, string user, int status) =>
        fixture.Host.Scenario(s =>
        {
            s.Get.Url($"/api/units/{Unit}/audit/{path}");
            s.WithRequestHeader("Authorization", $"Bearer {TestTokens.For(role, unit, user)}");
            s.StatusCodeShouldBe(status);
        });

    [Fact]
    public async Task One_call_over_the_limit_is_a_429_problem_with_retry_after_for_that_user_only()
    {
        string[] paths = ["verify", "rebuild-check", "export?format=csv"];
        for (var i = 0; i < AuditFixture.ExpensiveReadPermits; i++)
        {
            await CallAsync(paths[i % paths.Length], PlatformRoles.Auditor, TestTokens.Province, "nhieu.lan", 200);
        }

        var refused = await CallAsync("export/manifest", PlatformRoles.Auditor, TestTokens.Province, "nhieu.lan", 429);
        int.Parse(refused.Context.Response.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        using var problem = JsonDocument.Parse(await refused.ReadAsTextAsync());
        problem.RootElement.GetProperty("status").GetInt32().ShouldBe(429);
        problem.RootElement.GetProperty("type").GetString()!.ShouldEndWith("too-many-requests");
        problem.RootElement.GetProperty("title").GetString().ShouldBe("Quá nhiều yêu cầu / Too many requests");
        problem.RootElement.GetProperty("detail").GetString()!.ShouldContain("thử lại sau");

        await CallAsync("verify", PlatformRoles.Auditor, TestTokens.Province, "nguoi.khac", 200);
        await CallAsync("verify", PlatformRoles.ProvincialAdministrator, TestTokens.Province, "quan.tri", 200);
    }

    [Theory]
    [InlineData("verify")]
    [InlineData("rebuild-check")]
    [InlineData("export")]
    [InlineData("export/manifest")]
    public Task A_unit_officer_may_not_run_the_expensive_reads(string path) =>
        CallAsync(path, PlatformRoles.DistrictOfficer, Unit, "can.bo", 403);
}
