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

    public sealed record Demo(string UserName, string DisplayName, string Unit, string Role, string? Email = null);

    /// <summary>The demo people's addresses: their reminder mail stays on the machine (the Development mail sink).</summary>
    public static string EmailOf(string userName) => $"{userName}@demo.bhxh.local";

    public static readonly IReadOnlyList<Demo> All =
    [
        new("admin.dong-nai", "Quản trị viên BHXH tỉnh Đồng Nai", "dong-nai", PlatformRoles.ProvincialAdministrator, EmailOf("admin.dong-nai")),
        new("officer.bien-hoa", "Cán bộ truyền thông BHXH Biên Hòa", "bien-hoa", PlatformRoles.DistrictOfficer, EmailOf("officer.bien-hoa")),
        new("officer.long-thanh", "Cán bộ truyền thông BHXH Long Thành", "long-thanh", PlatformRoles.DistrictOfficer, EmailOf("officer.long-thanh")),
        new("auditor.dong-nai", "Kiểm toán viên BHXH tỉnh Đồng Nai", "dong-nai", PlatformRoles.Auditor, EmailOf("auditor.dong-nai")),
    ];

    /// <summary>The demo accounts, and those the demo-data loader opens (partner.*, agent.*), whose code the development banner may show.</summary>
    public static bool IsDemo(string? userName) =>
        userName is not null && (All.Any(d => d.UserName == userName) || userName.StartsWith("partner.", StringComparison.Ordinal) || userName.StartsWith("agent.", StringComparison.Ordinal));

    public static Task EnsureAsync(IServiceProvider services, CancellationToken cancellation) =>
        OpenMissingAsync(services, All, Password, mustChangePassword: false, Author, cancellation);

    /// <summary>
    /// Opens the accounts whose user names do not exist yet (existing ones are left as they are), each with its
    /// one grant; a provincial administrator's with its authenticator key set and the second factor on.
    /// </summary>
    public static async Task OpenMissingAsync(
        IServiceProvider services, IEnumerable<Demo> accounts, string password, bool mustChangePassword, string author, CancellationToken cancellation)
    {
        foreach (var demo in accounts)
        {
            await using var scope = services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            if (await users.FindByNameAsync(demo.UserName) is not null)
            {
                continue;
            }

            var id = Guid.CreateVersion7();
            var user = new PlatformUser { Id = id, UserName = demo.UserName, Email = demo.Email, DisplayName = demo.DisplayName, Unit = demo.Unit, MustChangePassword = mustChangePassword };
            var result = await scope.ServiceProvider.GetRequiredService<AccountWriter>().OpenAsync(
                user, password, new AccountOpened(id, demo.UserName, demo.DisplayName, demo.Unit, demo.Email),
                [new RoleGranted(id, Guid.CreateVersion7(), demo.Role, null, $"Mở bởi {author} / Opened by {author}")],
                new AuditStamp(author, author, null), cancellation);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Account {demo.UserName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }

            if (demo.Role == PlatformRoles.ProvincialAdministrator && !mustChangePassword)
            {
                // The second factor a provincial administrator needs; the demo account's current code shows on the development banner.
                await using var again = services.CreateAsyncScope();
                var fresh = again.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
                var created = await fresh.FindByIdAsync(id.ToString()) ?? throw new InvalidOperationException($"{demo.UserName} vanished.");
                await fresh.ResetAuthenticatorKeyAsync(created);
                await fresh.SetTwoFactorEnabledAsync(created, true);
            }
        }
    }
}

/// <summary>
/// A deployment's first provincial administrator, from configuration (<c>Identity:FirstAdministrator:UserName</c>,
/// <c>:Province</c>, <c>:Password</c>, <c>:DisplayName</c>), opened at start when that user name does not exist:
/// the person changes the password and sets up the second factor at the first sign-in. Remove the settings after.
/// </summary>
public static class FirstAdministrator
{
    public const string Section = "Identity:FirstAdministrator";
    public const string Author = "identity-bootstrap";

    public static async Task EnsureAsync(IServiceProvider services, IConfiguration configuration, CancellationToken cancellation)
    {
        var section = configuration.GetSection(Section);
        if (section["UserName"] is not { Length: > 0 } userName)
        {
            return;
        }

        var province = section["Province"] ?? throw new InvalidOperationException($"'{Section}:Province' is required with '{Section}:UserName'.");
        var password = section["Password"] ?? throw new InvalidOperationException($"'{Section}:Password' is required with '{Section}:UserName'.");
        if (services.GetRequiredService<OrganisationDirectory>().ProvinceOf(province) is not null || !services.GetRequiredService<OrganisationDirectory>().Exists(province))
        {
            throw new InvalidOperationException($"'{Section}:Province' must be a province ('{province}' is not).");
        }

        await DemoAccounts.OpenMissingAsync(services,
            [new DemoAccounts.Demo(userName, section["DisplayName"] ?? userName, province, PlatformRoles.ProvincialAdministrator, section["Email"])],
            password, mustChangePassword: true, Author, cancellation);
    }
}
