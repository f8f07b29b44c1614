using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BhxhPlatform.Identity.Credentials;

/// <summary>
/// A person's credentials, kept by ASP.NET Core Identity: the password hash, lockout counters,
/// security stamp and authenticator key. Secrets are not events. What the person may do (status
/// and grants) is the event-sourced <see cref="Accounts.Account"/> of the same id.
/// </summary>
public sealed class PlatformUser : IdentityUser<Guid>
{
    /// <summary>The person's name as shown ("Nguyễn Thị Lan").</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The organisation unit the account belongs to: the tenant of its event stream, fixed at opening.</summary>
    public string Unit { get; set; } = "";

    /// <summary>The password was set by an administrator: the person chooses their own before any token is issued.</summary>
    public bool MustChangePassword { get; set; }
}

/// <summary>
/// The identity service's relational store, in schema <c>identity</c> of the shared database: ASP.NET
/// Core Identity's user tables and OpenIddict's applications, authorizations, scopes and tokens. Its
/// tables are created by EF Core migrations at start-up (Migrations/).
/// </summary>
public sealed class IdentityStore(DbContextOptions<IdentityStore> options) : IdentityUserContext<PlatformUser, Guid>(options)
{
    public const string Schema = "identity";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.HasDefaultSchema(Schema);
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.Entity<PlatformUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.Property(u => u.Unit).HasMaxLength(100);
        });
    }
}

/// <summary>For <c>dotnet ef migrations add</c> only: no database is reached.</summary>
public sealed class IdentityStoreDesignTimeFactory : IDesignTimeDbContextFactory<IdentityStore>
{
    public IdentityStore CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IdentityStore>().UseNpgsql("Host=design-time", CredentialsConfiguration.Npgsql).Options);
}
