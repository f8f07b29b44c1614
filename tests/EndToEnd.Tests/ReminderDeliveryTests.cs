using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using BhxhPlatform.Contracts;
using BhxhPlatform.LocalPostgres;
using BhxhPlatform.ServiceDefaults.Security;
using BhxhPlatform.TestSupport;

namespace BhxhPlatform.EndToEnd.Tests;

/// <summary>
/// A reminder from one service reaches people through the identity service: Planning and Identity as real
/// processes, the reminder through Wolverine's PostgreSQL queue, the mail through a real SMTP server inside the
/// test. The mail server asks to try later while Identity is killed (SIGKILL) and started again; once it takes
/// mail, each person gets exactly one.
/// </summary>
public sealed class ReminderDeliveryTests
{
    private const string Province = "dong-nai";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private static Dictionary<string, string> IdentitySettings(Uri address, TestMailSink mail) => new(mail.Settings)
    {
        ["Identity__Issuer"] = address.AbsoluteUri,
        ["Identity__SigningKey"] = TestSigningKey.Rsa().PrivatePem(),
        ["Identity__EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Identity__PortalUrl"] = "http://portal.test",
        ["Identity__Clients__Portal__Secret"] = "portal-secret-of-the-reminder-test",
        ["Identity__Clients__DemoData__Secret"] = "demo-data-secret-of-the-reminder-test",
        ["Identity__ApiDocsUrls__0"] = "http://planning.test/api-docs",
    };

    private static async Task<(Guid Id, string Email)> OpenAdministratorAsync(HttpClient identity)
    {
        var userName = $"admin.{Guid.CreateVersion7():N}";
        var email = $"{userName}@bhxh.test";
        using var response = await identity.PostAsJsonAsync(new Uri($"/api/units/{Province}/accounts", UriKind.Relative), new
        {
            userName, displayName = "Lê Thị Mai", email, initialPassword = "Demo@2026", mustChangePassword = false,
            grants = new[] { new { role = PlatformRoles.ProvincialAdministrator, reason = "Phụ trách duyệt kế hoạch" } },
        });
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        return (JsonDocument.Parse(body).RootElement.GetProperty("value").GetGuid(), email);
    }

    private static async Task<JsonElement> InboxAsync(ServiceProcess identity, Guid account)
    {
        using var client = identity.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", TestTokens.For(PlatformRoles.ProvincialAdministrator, Province, account.ToString()));
        return await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/units/{Province}/inbox", UriKind.Relative));
    }

    [Fact]
    public async Task A_submitted_plan_is_mailed_once_to_each_administrator_across_a_killed_identity_service_and_a_mail_server_that_said_later()
    {
        await using var postgres = await ThrowawayPostgres.StartAsync();
        await using var mail = TestMailSink.Start();
        mail.Refusing = true;
        await using var identity = await ServiceProcess.StartAsync(ServiceNames.Identity, postgres.ConnectionString, address => IdentitySettings(address, mail));
        await using var planning = await ServiceProcess.StartAsync(ServiceNames.Planning, postgres.ConnectionString);

        using var admin = Tokens.Authorise(identity.Client());
        var first = await OpenAdministratorAsync(admin);
        var second = await OpenAdministratorAsync(admin);

        using var planner = Tokens.Authorise(planning.Client());
        await ApprovedPlans.GivenApprovedPlanAsync(planner, null, "tan-phu");

        // Both inboxes have it, through Planning's announcement and the identity queue; the mail server said "later".
        foreach (var person in new[] { first, second })
        {
            await EventuallyAsync(async () => (await InboxAsync(identity, person.Id)).GetProperty("items").GetArrayLength() == 1, identity);
            var item = (await InboxAsync(identity, person.Id)).GetProperty("items")[0];
            item.GetProperty("kind").GetString().ShouldBe("plan-submitted");
            item.GetProperty("portalPath").GetString().ShouldBe("/province/approvals/tan-phu");
        }

        await EventuallyAsync(() => Task.FromResult(mail.Refused > 0), identity);
        mail.Accepted.ShouldBeEmpty();

        // Killed with the mails waiting for their retry, started again; then the mail server takes mail.
        await identity.RestartAsync();
        mail.Refusing = false;

        await mail.WaitForAsync(_ => mail.To(first.Email).Count > 0 && mail.To(second.Email).Count > 0, Patience);
        await Task.Delay(TimeSpan.FromSeconds(5));
        mail.To(first.Email).Count.ShouldBe(1, identity.Output);
        mail.To(second.Email).Count.ShouldBe(1, identity.Output);
        mail.To(first.Email)[0].Subject.ShouldBe("BHXH huyện Tân Phú trình kế hoạch truyền thông năm 2026");
        (await InboxAsync(identity, first.Id)).GetProperty("items")[0].GetProperty("mailedAt").ValueKind.ShouldNotBe(JsonValueKind.Null);
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, ServiceProcess service)
    {
        var until = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(until, service.Output);
            await Task.Delay(200);
        }
    }
}
