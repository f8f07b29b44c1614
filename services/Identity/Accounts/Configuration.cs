using JasperFx.Events.Projections;
using Marten;

namespace BhxhPlatform.Identity.Accounts;

public static class Configuration
{
    public static StoreOptions AddAccounts(this StoreOptions options)
    {
        // Inline: the token endpoint reads the account its command just changed.
        options.Projections.Snapshot<Account>(SnapshotLifecycle.Inline);
        return options;
    }

    public static IServiceCollection AddAccountServices(this IServiceCollection services) =>
        services.AddScoped<AccountWriter>().AddSingleton<AccountDirectory>();
}

/// <summary>Reads an account's status and grants (its unit is the tenant of its stream, kept beside the credentials).</summary>
public sealed class AccountDirectory(IDocumentStore store)
{
    public async Task<Account?> FindAsync(Guid id, string unit, CancellationToken cancellation)
    {
        await using var session = store.QuerySession(unit);
        return await session.LoadAsync<Account>(id, cancellation);
    }
}

/// <summary>The answer to a change of an account: its id and the version to send with the next change.</summary>
public sealed record Written(Guid Id, int Version);
