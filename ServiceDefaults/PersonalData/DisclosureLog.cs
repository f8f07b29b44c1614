using BhxhPlatform.ServiceDefaults.Audit;
using BhxhPlatform.ServiceDefaults.Problems;
using BhxhPlatform.ServiceDefaults.Security;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace BhxhPlatform.ServiceDefaults.PersonalData;

/// <summary>
/// What the services' personal-data read logs share (Decree 13/2023/NĐ-CP: who processed whose data, when and for which
/// purpose). Each service logs its reads as its own event, named <see cref="EventType"/> in its store, one stream per read
/// so logging never contends with the people's own writes; this reads them back a page at a time for the auditor.
/// </summary>
public static class DisclosureLog
{
    /// <summary>The stored name of each service's read event (Marten's name of a type called <c>PersonalDataRead</c>).</summary>
    public const string EventType = "personal_data_read";

    /// <summary>
    /// Whether a read is a disclosure to log: a masked read (the auditor) and a read that showed nobody are not, no
    /// personal data was shown.
    /// </summary>
    public static bool Discloses(HttpContext context, IReadOnlyCollection<Guid> people)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(people);
        return !context.MasksPersonalData() && people.Count > 0;
    }

    /// <summary>
    /// Records a read on the request's session (saved with it by Wolverine's transaction) as its own one-event stream,
    /// unless it disclosed nothing (<see cref="Discloses"/>). <paramref name="read"/> makes the service's event from the
    /// new stream's id and the caller's role.
    /// </summary>
    public static void Record(IDocumentSession session, HttpContext context, IReadOnlyCollection<Guid> people, Func<Guid, string, object> read)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(read);
        if (!Discloses(context, people))
        {
            return;
        }

        var id = Guid.CreateVersion7();
        session.Events.StartStream(id, read(id, RoleOf(context)));
    }

    /// <summary>The role the caller was shown the data under, as the log names it.</summary>
    public static string RoleOf(HttpContext context) => context.Access()?.Role ?? "unknown";

    /// <summary>The problems of a page request of the log, field by field.</summary>
    public static ProblemDetails Validate(DateTimeOffset? from, DateTimeOffset? to, int? limit, long? afterSequence)
    {
        var check = new Check().Period(from, to);
        check.Range("limit", limit ?? Timeline.DefaultLimit, 1, Timeline.MaxLimit, "Số mục mỗi trang", "The page size");
        check.NotNegative("afterSequence", afterSequence ?? 0, "Số thứ tự bắt đầu", "afterSequence");
        return check.ToProblem();
    }

    /// <summary>
    /// One page of the unit's read events in a time range, each made into an entry by <paramref name="entry"/>, and the
    /// sequence to continue after (null on the last page).
    /// </summary>
    public static async Task<(IReadOnlyList<T> Entries, long? NextAfterSequence)> PageAsync<T>(
        EventLog log, string unit, DateTimeOffset? from, DateTimeOffset? to, int? limit, long? afterSequence,
        Func<AuditEvent, T> entry, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(entry);
        var size = limit ?? Timeline.DefaultLimit;
        var entries = new List<T>();
        long last = 0;
        await foreach (var e in log.ReadAsync(new EventQuery(unit, null, from, to, EventType, null, afterSequence, size + 1), cancellation))
        {
            if (entries.Count == size)
            {
                return (entries, last);
            }

            entries.Add(entry(e));
            last = e.Sequence;
        }

        return (entries, null);
    }
}
