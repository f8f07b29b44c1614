using System.Diagnostics;
using BhxhPlatform.Identity.Credentials;
using BhxhPlatform.ServiceDefaults;
using Marten;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BhxhPlatform.Identity.Accounts;

/// <summary>Who and why, stamped on the events a command appends outside Wolverine's own session.</summary>
public sealed record AuditStamp(string User, string Causation, string? Correlation)
{
    public static AuditStamp Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var commandId = context.Request.Headers[AuditMetadataMiddleware.CommandIdHeader].ToString();
        return new AuditStamp(
            context.User.Identity?.Name ?? "anonymous",
            string.IsNullOrWhiteSpace(commandId) ? context.TraceIdentifier : commandId,
            Activity.Current?.TraceId.ToString());
    }
}

/// <summary>
/// Opens an account: its credentials (ASP.NET Core Identity, EF Core) and its first events (Marten)
/// in one PostgreSQL transaction on one connection, so there is never a user without an account
/// stream or the reverse. EF Core joins the connection and transaction this opens; the Marten session
/// is enlisted in the same transaction and does not commit it; this commits both or neither.
/// </summary>
public sealed class AccountWriter(NpgsqlDataSource dataSource, IdentityStore credentials, UserManager<PlatformUser> users, IDocumentStore events)
{
    public async Task<IdentityResult> OpenAsync(
        PlatformUser user, string password, AccountOpened opened, IReadOnlyList<RoleGranted> grants, AuditStamp stamp, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(opened);
        ArgumentNullException.ThrowIfNull(grants);
        ArgumentNullException.ThrowIfNull(stamp);
        await using var connection = await dataSource.OpenConnectionAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);

        credentials.Database.SetDbConnection(connection);
        await credentials.Database.UseTransactionAsync(transaction, cancellation);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created;
        }

        var options = Marten.Services.SessionOptions.ForTransaction(transaction);
        options.TenantId = opened.Unit;
        await using (var session = events.LightweightSession(options))
        {
            session.LastModifiedBy = stamp.User;
            session.CausationId = stamp.Causation;
            session.CorrelationId = stamp.Correlation;
            session.Events.StartStream<Account>(opened.AccountId, [opened, .. grants]);
            await session.SaveChangesAsync(cancellation);
        }

        await transaction.CommitAsync(cancellation);
        return created;
    }
}
