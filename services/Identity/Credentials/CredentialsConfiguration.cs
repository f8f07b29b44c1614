using BhxhPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace BhxhPlatform.Identity.Credentials;

public static class CredentialsConfiguration
{
    /// <summary>Failed sign-ins before an account is locked, and for how long.</summary>
    public const int MaxFailedAttempts = 5;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public const string SignInPath = "/signin";

    public static void Npgsql(NpgsqlDbContextOptionsBuilder npgsql) =>
        npgsql.MigrationsHistoryTable("__ef_migrations_history", IdentityStore.Schema);

    /// <summary>
    /// ASP.NET Core Identity for credentials (hashing, lockout, TOTP), its cookie for the sign-in pages
    /// only (the APIs take bearer tokens), and the EF Core store in schema <c>identity</c>.
    /// </summary>
    public static IHostApplicationBuilder AddCredentials(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(CritterStackExtensions.ConnectionName)
            ?? throw new InvalidOperationException(
                $"The connection string '{CritterStackExtensions.ConnectionName}' is not configured (ConnectionStrings__{CritterStackExtensions.ConnectionName}).");
        builder.Services.AddDbContext<IdentityStore>(options =>
        {
            options.UseNpgsql(connectionString, Npgsql);
            options.UseOpenIddict();
        });

        builder.Services.AddIdentityCore<PlatformUser>(options =>
            {
                options.User.RequireUniqueEmail = false;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyz0123456789.-_";
                options.Password.RequiredLength = 8;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                options.Lockout.AllowedForNewUsers = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.ClaimsIdentity.UserNameClaimType = "preferred_username";
                options.ClaimsIdentity.UserIdClaimType = "sub";
            })
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddEntityFrameworkStores<IdentityStore>();

        // Named schemes only: the default scheme stays the platform's bearer tokens.
        builder.Services.AddAuthentication().AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "bhxh-identity";
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.LoginPath = SignInPath;
            options.LogoutPath = "/signout";
            options.AccessDeniedPath = SignInPath;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(5));
        return builder;
    }

    /// <summary>Brings the store's tables up to date (EF Core migrations; concurrent starts wait on PostgreSQL's lock).</summary>
    public static Task MigrateAsync(IServiceProvider services, CancellationToken cancellation) =>
        services.GetRequiredService<IdentityStore>().Database.MigrateAsync(cancellation);
}
