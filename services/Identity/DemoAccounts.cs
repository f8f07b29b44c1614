using BhxhPlatform.Identity.Accounts;
using BhxhPlatform.Identity.Credentials;
using BhxhPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Identity;

namespace BhxhPlatform.Identity;

/// <summary>
/// The demo accounts of a Development database, opened at the first start (idempotent: an existing
/// user name is left as it is), through the same atomic writer as the account API, authored by
/// <see cref="Author"/>. The partner and collection-agent accounts need organisation ids that exist
/// only once Partners has registered them: the demo-data loader opens those through the account API.
/// </summary>
public static class DemoAccounts
{
    public const string Password = "Demo@2026";
    public const string Author = "identity-demo-seed";

    public sealed record Demo(string UserName, string DisplayName, string Unit, string Role);

    public static readonly IReadOnlyList<Demo> All =
    [
        new("admin.dong-nai", "Quản trị viên BHXH tỉnh Đồng Nai", "dong-nai", PlatformRoles.ProvincialAdministrator),
        new("officer.bien-hoa", "Cán bộ truyền thông BHXH Biên Hòa", "bien-hoa", PlatformRoles.DistrictOfficer),
        new("officer.long-thanh", "Cán bộ truyền thông BHXH Long Thành", "long-thanh", PlatformRoles.DistrictOfficer),
        new("auditor.dong-nai", "Kiểm toán viên BHXH tỉnh Đồng Nai", "dong-nai", PlatformRoles.Auditor),
    ];

    /// <summary>The demo accounts, and those the demo-data loader opens (partner.*, agent.*), whose code the development banner may show.</summary>
    public static bool IsDemo(string? userName) =>
        userName is not null && (All.Any(d => d.UserName == userName) || userName.StartsWith("partner.", StringComparison.Ordinal) || userName.StartsWith("agent.", StringComparison.Ordinal));

    public static async Task EnsureAsync(IServiceProvider services, CancellationToken cancellation)
    {
        foreach (var demo in All)
        {
            await using var scope = services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            if (await users.FindByNameAsync(demo.UserName) is not null)
            {
                continue;
            }

            var id = Guid.CreateVersion7();
            var user = new PlatformUser { Id = id, UserName = demo.UserName, DisplayName = demo.DisplayName, Unit = demo.Unit };
            var result = await scope.ServiceProvider.GetRequiredService<AccountWriter>().OpenAsync(
                user, Password, new AccountOpened(id, demo.UserName, demo.DisplayName, demo.Unit, null),
                [new RoleGranted(id, Guid.CreateVersion7(), demo.Role, null, "Tài khoản mẫu cho môi trường phát triển / Development demo account")],
                new AuditStamp(Author, "demo-accounts", null), cancellation);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {demo.UserName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }

            if (demo.Role == PlatformRoles.ProvincialAdministrator)
            {
                // The second factor a provincial administrator needs; its current code shows on the development banner.
                await using var again = services.CreateAsyncScope();
                var fresh = again.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
                var created = await fresh.FindByIdAsync(id.ToString()) ?? throw new InvalidOperationException($"{demo.UserName} vanished.");
                await fresh.ResetAuthenticatorKeyAsync(created);
                await fresh.SetTwoFactorEnabledAsync(created, true);
            }
        }
    }
}
