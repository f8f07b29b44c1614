using BhxhPlatform.ServiceDefaults.Audit;
using BhxhPlatform.ServiceDefaults.PersonalData;
using BhxhPlatform.ServiceDefaults.Problems;
using BhxhPlatform.ServiceDefaults.Security;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BhxhPlatform.Outreach.Prospects;

/// <summary>
/// Someone was shown prospects' personal data in clear (Decree 13/2023/NĐ-CP: who processed whose data,
/// when and for which purpose). Each read is its own one-event stream, so logging never contends with
/// the prospect's own writes; the event is hash-chained and checkpointed like every other. It names the
/// prospects only by id: the log holds no personal data itself.
/// </summary>
/// <param name="ReadId">The stream of this one read.</param>
/// <param name="ProspectIds">Whose data was shown.</param>
/// <param name="Purpose">A fixed code of the endpoint that served it (<see cref="PersonalDataPurposes"/>).</param>
/// <param name="Role">The role the caller was allowed it under.</param>
public sealed record PersonalDataRead(Guid ReadId, IReadOnlyList<Guid> ProspectIds, string Purpose, string Role);

/// <summary>
/// The purposes personal data is shown for. Each endpoint serves one purpose and records it itself
/// rather than asking the caller for one: a typed purpose is not checked by anything, while an endpoint's
/// purpose is what the access matrix granted the role.
/// </summary>
public static class PersonalDataPurposes
{
    /// <summary>One prospect opened to contact them, hand them off or follow the hand-off up.</summary>
    public const string CaseWork = "prospect-case-work";

    /// <summary>The unit's (or organisation's) list of prospects, to work through the pipeline.</summary>
    public const string ListWork = "prospect-list-work";

    /// <summary>The cards due for renewal, to call the people who hold them.</summary>
    public const string CardRenewalWork = "card-renewal-work";

    /// <summary>The follow-ups due, to contact the people again.</summary>
    public const string FollowUpWork = "prospect-follow-up-work";
}

public static class PersonalDataReadLog
{
    /// <summary>
    /// Records the read on the request's session (saved with it by Wolverine's transaction), unless it disclosed
    /// nothing (<see cref="DisclosureLog.Discloses"/>).
    /// </summary>
    public static void Record(IDocumentSession session, HttpContext context, IReadOnlyList<Guid> prospects, string purpose)
    {
        DisclosureLog.Record(session, context, prospects, (id, role) => new PersonalDataRead(id, prospects, purpose, role));
    }
}

/// <summary>One entry of the personal-data read log as the auditor lists it.</summary>
public sealed record PersonalDataReadEntry(
    long Sequence, DateTimeOffset At, string? UserName, string Role, IReadOnlyList<Guid> ProspectIds, string Purpose, string? CorrelationId);

/// <summary>One page of the read log; <see cref="NextAfterSequence"/> is null on the last page.</summary>
public sealed record PersonalDataReadPage(IReadOnlyList<PersonalDataReadEntry> Entries, long? NextAfterSequence);

public static class ListPersonalDataReadsEndpoint
{
    public const string EventType = DisclosureLog.EventType;

    public static ProblemDetails Validate(DateTimeOffset? from, DateTimeOffset? to, int? limit, long? afterSequence) =>
        DisclosureLog.Validate(from, to, limit, afterSequence);

    /// <summary>Who was shown whose personal data, when and for which purpose, in a unit and a time range (auditors).</summary>
    [WolverineGet("/api/units/{unit}/personal-data-reads")]
    [Tags("Prospects")]
    public static async Task<PersonalDataReadPage> Get(
        string unit, DateTimeOffset? from, DateTimeOffset? to, int? limit, long? afterSequence, EventLog log, CancellationToken cancellation)
    {
        var (entries, next) = await DisclosureLog.PageAsync(log, unit, from, to, limit, afterSequence, e => new PersonalDataReadEntry(
            e.Sequence, e.Timestamp, e.UserName, e.Data.GetProperty("role").GetString() ?? "",
            [.. e.Data.GetProperty("prospectIds").EnumerateArray().Select(i => i.GetGuid())],
            e.Data.GetProperty("purpose").GetString() ?? "", e.CorrelationId), cancellation);
        return new PersonalDataReadPage(entries, next);
    }
}
