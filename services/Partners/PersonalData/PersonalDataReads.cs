using BhxhPlatform.ServiceDefaults.Audit;
using BhxhPlatform.ServiceDefaults.PersonalData;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BhxhPlatform.Partners.PersonalData;

/// <summary>
/// Someone was shown Partners' people in clear: contact persons, collaborators or commended persons (Decree 13/2023/NĐ-CP).
/// One stream per read, hash-chained and checkpointed like every other event; it names the people only by id (the
/// contact's, the collaborator's, the commendation's: the ids their keys have), so the log holds no personal data itself.
/// </summary>
/// <param name="ReadId">The stream of this one read.</param>
/// <param name="PersonIds">Whose details were shown.</param>
/// <param name="Purpose">A fixed code of the endpoint that served it (<see cref="PersonalDataPurposes"/>).</param>
/// <param name="Role">The role the caller was allowed it under.</param>
public sealed record PersonalDataRead(Guid ReadId, IReadOnlyList<Guid> PersonIds, string Purpose, string Role);

/// <summary>The purposes Partners shows people's details for: each endpoint serves one and records it itself.</summary>
public static class PersonalDataPurposes
{
    /// <summary>A partner's contact persons, to reach the organisation.</summary>
    public const string PartnerContactWork = "partner-contact-work";

    /// <summary>Collaborators and collection agents, to assign and reach them.</summary>
    public const string CollaboratorWork = "collaborator-work";

    /// <summary>Commended persons, for the commendation lists and reports.</summary>
    public const string CommendationWork = "commendation-work";
}

public static class PersonalDataReadLog
{
    /// <summary>Records the read on the request's session (saved with it by Wolverine's transaction), unless it disclosed nothing.</summary>
    public static void Record(IDocumentSession session, HttpContext context, IReadOnlyList<Guid> people, string purpose)
    {
        DisclosureLog.Record(session, context, people, (id, role) => new PersonalDataRead(id, people, purpose, role));
    }
}

/// <summary>One entry of Partners' personal-data read log as the auditor lists it.</summary>
public sealed record PersonalDataReadEntry(
    long Sequence, DateTimeOffset At, string? UserName, string Role, IReadOnlyList<Guid> PersonIds, string Purpose, string? CorrelationId);

/// <summary>One page of the read log; <see cref="NextAfterSequence"/> is null on the last page.</summary>
public sealed record PersonalDataReadPage(IReadOnlyList<PersonalDataReadEntry> Entries, long? NextAfterSequence);

public static class ListPersonalDataReadsEndpoint
{
    public static ProblemDetails Validate(DateTimeOffset? from, DateTimeOffset? to, int? limit, long? afterSequence) =>
        DisclosureLog.Validate(from, to, limit, afterSequence);

    /// <summary>Who was shown which contact persons, collaborators and commended persons, when and why, in a unit (auditors).</summary>
    [WolverineGet("/api/units/{unit}/personal-data-reads")]
    [Tags("Personal data")]
    public static async Task<PersonalDataReadPage> Get(
        string unit, DateTimeOffset? from, DateTimeOffset? to, int? limit, long? afterSequence, EventLog log, CancellationToken cancellation)
    {
        var (entries, next) = await DisclosureLog.PageAsync(log, unit, from, to, limit, afterSequence, e => new PersonalDataReadEntry(
            e.Sequence, e.Timestamp, e.UserName, e.Data.GetProperty("role").GetString() ?? "",
            [.. e.Data.GetProperty("personIds").EnumerateArray().Select(i => i.GetGuid())],
            e.Data.GetProperty("purpose").GetString() ?? "", e.CorrelationId), cancellation);
        return new PersonalDataReadPage(entries, next);
    }
}
