using BhxhPlatform.ServiceDefaults.PersonalData;
using BhxhPlatform.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Outreach.Prospects;

/// <summary>Erase a prospect's personal data (right to erasure, or consent withdrawn).</summary>
/// <remarks>
/// No expected version: erasure must win over any concurrent change of the pipeline, and a
/// second erasure of the same person is harmless (204, nothing appended).
/// </remarks>
public sealed record EraseProspect(ErasureReason? Reason);

public static class EraseProspectEndpoint
{
    public static ProblemDetails Validate(EraseProspect command) => new Check()
        .That(command.Reason is not null, "reason", "required", "Lý do xoá không được để trống.", "The reason for erasure is required.")
        .ToProblem();

    /// <summary>
    /// Crypto-shredding: the person's key is destroyed (its wrapped value set to null, the row
    /// kept as the record of when), and a <see cref="ProspectErased"/> event without personal
    /// data is appended. Earlier events are never touched, so the audit chain stays intact; their
    /// sealed values simply cannot be opened any more. The claims on the phone and citizen id are
    /// released, so the person can be recorded again if they come back with new consent.
    /// </summary>
    [WolverinePost("/api/units/{unit}/prospects/{id}/erase")]
    [Tags("Prospects")]
    public static async Task<(IResult, Events)> Post(
        EraseProspect command, [WriteAggregate] Prospect prospect, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var key = await session.LoadAsync<PersonKey>(prospect.Id, cancellation);
        if (prospect.ErasedAt is not null && key?.WrappedKey is null)
        {
            return (Results.NoContent(), []);
        }

        var now = clock.GetUtcNow();
        session.Store(new PersonKey(prospect.Id, null, key?.CreatedAt ?? now, now));
        if (prospect.ErasedAt is not null)
        {
            return (Results.NoContent(), []);
        }

        var claims = await session.Query<ProspectContactKey>().Where(c => c.ProspectId == prospect.Id).ToListAsync(cancellation);
        foreach (var claim in claims)
        {
            session.Events.Append(claim.Id, claim.Version + 1, new ProspectContactReleased(claim.Id, prospect.Id));
        }

        return (Results.NoContent(), [new ProspectErased(prospect.Id, command.Reason!.Value, now)]);
    }
}
