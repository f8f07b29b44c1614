using System.Text.Json;
using BhxhPlatform.ServiceDefaults.Commands;
using BhxhPlatform.ServiceDefaults.Problems;
using Marten;

namespace BhxhPlatform.Outreach.Activities;

/// <summary>
/// A create named by a command id (see <see cref="CommandIds"/>): the ids its activities get and,
/// when an earlier send of the same command stored them, what it stored. A retry is answered as the
/// first send was and appends nothing; the same command id sent with another activity is refused.
/// </summary>
public sealed class StoredBefore
{
    public const string Kind = "activity";

    private readonly IReadOnlyDictionary<Guid, ActivityDetails> _stored;

    private StoredBefore(IReadOnlyList<Guid?> ids, IReadOnlyDictionary<Guid, ActivityDetails> stored, IReadOnlyList<FieldError> problems)
    {
        Ids = ids;
        _stored = stored;
        Problems = problems;
    }

    /// <summary>The id of each activity of the request: derived from its command id, or null for a fresh one.</summary>
    public IReadOnlyList<Guid?> Ids { get; }

    /// <summary>Command ids that cannot be used (header and body differ).</summary>
    public IReadOnlyList<FieldError> Problems { get; }

    /// <summary>True when every activity of the request was stored by an earlier send.</summary>
    public bool IsRetry => Ids.Count > 0 && Ids.All(id => id is { } known && _stored.ContainsKey(known));

    public bool WasStored(Guid? id) => id is { } known && _stored.ContainsKey(known);

    /// <summary>Whether what was stored under <paramref name="id"/> is what <paramref name="command"/> says now.</summary>
    public bool Matches(Guid id, LogActivity command) =>
        command.Form is not null &&
        JsonSerializer.Serialize(_stored[id]) == JsonSerializer.Serialize(command.ToDetails());

    /// <summary>One activity: the command id of the header or of the body (which must agree).</summary>
    public static Task<StoredBefore> LoadAsync(LogActivity command, string unit, HttpContext http, IQuerySession session, CancellationToken cancellation)
    {
        var commandId = CommandIds.Of(http, command.CommandId, out var conflict);
        IReadOnlyList<FieldError> problems = conflict ? [CommandIds.HeaderAndBodyDiffer("commandId")] : [];
        return LoadAsync([commandId is { } c ? CommandIds.StreamId(unit, Kind, c) : null], problems, session, cancellation);
    }

    /// <summary>
    /// A batch: each activity's own <c>commandId</c>, else the batch's <c>X-Command-Id</c> and the
    /// activity's place in the batch, else none.
    /// </summary>
    public static Task<StoredBefore> LoadAsync(IReadOnlyList<LogActivity?> activities, string unit, HttpContext http, IQuerySession session, CancellationToken cancellation)
    {
        var batchId = CommandIds.FromHeader(http);
        var ids = activities
            .Select((activity, index) => activity?.CommandId is { } own
                ? CommandIds.StreamId(unit, Kind, own)
                : batchId is { } batch ? CommandIds.StreamId(unit, Kind, batch, index) : (Guid?)null)
            .ToList();
        var problems = ids.Where(id => id is not null).GroupBy(id => id).Any(g => g.Count() > 1)
            ? new[] { new FieldError("activities", "command-id-repeated",
                "Hai hoạt động trong cùng một lần gửi có cùng mã lệnh.", "Two activities of one batch have the same command id.") }
            : [];
        return LoadAsync(ids, problems, session, cancellation);
    }

    private static async Task<StoredBefore> LoadAsync(IReadOnlyList<Guid?> ids, IReadOnlyList<FieldError> problems, IQuerySession session, CancellationToken cancellation)
    {
        var named = ids.OfType<Guid>().Distinct().ToArray();
        var stored = new Dictionary<Guid, ActivityDetails>();
        if (named.Length > 0)
        {
            var events = await session.Events.QueryRawEventDataOnly<ActivityLogged>()
                .Where(e => e.ActivityId.IsOneOf(named))
                .ToListAsync(cancellation);
            foreach (var logged in events)
            {
                stored[logged.ActivityId] = logged.Details;
            }
        }

        return new StoredBefore(ids, stored, problems);
    }

    /// <summary>The same command id sent again with another activity than the one it stored.</summary>
    public static FieldError Reused(string field) => new(
        field, "command-id-reused",
        "Mã lệnh này đã được dùng để ghi một hoạt động khác. Dùng mã lệnh mới cho hoạt động mới.",
        "This command id already stored another activity. Use a new command id for a new activity.");
}
