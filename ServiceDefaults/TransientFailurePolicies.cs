using System.Net.Sockets;
using Npgsql;
using Wolverine;
using Wolverine.ErrorHandling;

namespace BhxhPlatform.ServiceDefaults;

/// <summary>
/// A message whose handler failed because the database was briefly unreachable (restart, failover,
/// dropped connection) is retried with growing pauses instead of going straight to the dead-letter
/// table; the fault tests restart PostgreSQL under load and showed such messages dead-lettered.
/// </summary>
public static class TransientFailurePolicies
{
    public static WolverineOptions RetryTransientDatabaseFailures(this WolverineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.OnException(IsTransient)
            .RetryWithCooldown(
                TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2),
                TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15))
            .Then.MoveToErrorQueue();
        return options;
    }

    /// <summary>
    /// Two messages about the same read-model document (or read-model stream) handled at once: the
    /// loser of the optimistic check (or of the insert, or of the stream's start) is retried at once,
    /// and then sees the winner's result.
    /// </summary>
    public static WolverineOptions RetryConcurrentDocumentWrites(this WolverineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.OnException(IsConcurrentDocumentWrite)
            .RetryWithCooldown(
                TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100),
                TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500))
            .Then.MoveToErrorQueue();
        return options;
    }

    /// <summary>
    /// A lost optimistic check or insert. Marten reports several of one unit of work (a batch
    /// message writing many documents) as one <see cref="AggregateException"/>: retried too when
    /// every exception in it is one of these.
    /// </summary>
    public static bool IsConcurrentDocumentWrite(Exception exception) => exception switch
    {
        JasperFx.ConcurrencyException or JasperFx.DocumentAlreadyExistsException => true,
        // A stream another message started meanwhile (a read model kept as events), or appended to past the version this one read.
        JasperFx.Events.ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException
            or JasperFx.Events.EventStreamUnexpectedMaxEventIdException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsConcurrentDocumentWrite),
        _ => false,
    };

    /// <summary>A database or network failure that may pass on its own; walks the inner exceptions.</summary>
    public static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case NpgsqlException npgsql when npgsql.IsTransient:
                case SocketException:
                case IOException:
                case TimeoutException:
                    return true;
                case PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "08000" or "08003" or "08006" }:
                    return true;
            }
        }

        return false;
    }
}
