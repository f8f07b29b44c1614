using BhxhPlatform.Outreach.Common;
using System.Globalization;
using BhxhPlatform.ServiceDefaults.PersonalData;
using BhxhPlatform.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace BhxhPlatform.Outreach.Prospects;

/// <summary>A phone number or a citizen id was claimed for one prospect within one district.</summary>
public sealed record ProspectContactClaimed(Guid ClaimId, Guid ProspectId);

/// <summary>The prospect holding the claim was erased: the phone or citizen id may be claimed again.</summary>
public sealed record ProspectContactReleased(Guid ClaimId, Guid ProspectId);

/// <summary>
/// Claims a phone number or a citizen id for one prospect within one district.
/// </summary>
/// <remarks>
/// Why a claim stream with a deterministic id, and not a query over prospects: a query-then-append
/// can race (two officers record the same person at the same moment, both queries see nothing,
/// both append). Here each claim STARTS a stream whose id is a hash of the district, the kind of
/// key and the normalised value, in the same transaction as the prospect's first event. Starting
/// a stream that exists violates mt_streams' primary key, PostgreSQL rolls the whole transaction
/// back, and the second prospect is never stored, whatever the timing. (A Marten document insert
/// was tried first: Marten 9 inserts documents with ON CONFLICT DO NOTHING and reports the
/// conflict only after the batch, so the losing prospect's events were committed anyway.)
/// The hash is a keyed HMAC (key derived from the personal-data master key, see
/// <see cref="ProspectClaims.ClaimId"/>), not a plain hash: Vietnamese phone numbers and
/// citizen ids are few enough to be hashed exhaustively, so a plain hash would give them away.
/// The district is part of the hash, so the same phone in another district is another claim.
/// The look-up before the append only serves to answer with a pointer to the existing prospect;
/// the append is the guarantee.
/// Erasure releases the prospect's claims (<see cref="ProspectContactReleased"/>): the person may
/// be recorded again later. A released claim is never claimed again: the next prospect with the
/// same phone or citizen id claims the value's next generation, a stream of its own whose id is the
/// HMAC of the value and the generation number, so no stream names both the erased prospect and the
/// new one (without the key, the two streams look unrelated). Starting it is the same guarantee as
/// above: a race between two officers still ends in one 409. Streams released and claimed again
/// before generations existed stay as they are: their holder is live, and they are found as the
/// first generation.
/// </remarks>
public sealed record ProspectContactKey(Guid Id, Guid? ProspectId, long Version = 1)
{
    public static ProspectContactKey Create(ProspectContactClaimed claimed) => new(claimed.ClaimId, claimed.ProspectId);

    public ProspectContactKey Apply(ProspectContactClaimed claimed) => this with { ProspectId = claimed.ProspectId, Version = Version + 1 };

    public ProspectContactKey Apply(ProspectContactReleased released) => this with { ProspectId = null, Version = Version + 1 };

    /// <summary>
    /// The claims a prospect with this phone and citizen id makes (each when given): for each value, the
    /// generation that is held by a prospect (<see cref="ContactClaim.Holder"/>: a duplicate), or else the first
    /// one never claimed, to be started. Generations are read in order; each erasure of the value adds one.
    /// </summary>
    public static async Task<IReadOnlyList<ContactClaim>> ClaimsOfAsync(
        IQuerySession session, PersonalDataProtector protector, string unit, string? phone, string? citizenId, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(protector);
        var values = new List<(string Kind, string Value)>();
        if (!string.IsNullOrWhiteSpace(phone))
        {
            values.Add(("phone", Formats.NormalisePhone(phone)));
        }

        if (!string.IsNullOrWhiteSpace(citizenId))
        {
            values.Add(("citizen-id", citizenId.Trim()));
        }

        var claims = new List<ContactClaim>();
        foreach (var (kind, value) in values)
        {
            for (var generation = 1; ; generation++)
            {
                var id = protector.ClaimId(unit, kind, value, generation);
                var held = await session.LoadAsync<ProspectContactKey>(id, cancellation);
                if (held is null || held.ProspectId is not null)
                {
                    claims.Add(new ContactClaim(id, held?.ProspectId));
                    break;
                }
            }
        }

        return claims;
    }

    public static ProblemDetails Duplicate(string unit, Guid existing)
    {
        var problem = ProblemResults.Conflict("duplicate-prospect",
            "Người này đã có trong danh sách của đơn vị (trùng số điện thoại hoặc số căn cước).",
            "This person is already a prospect in the unit (same phone or citizen id).");
        problem.Extensions["existingProspectId"] = existing;
        problem.Extensions["existing"] = $"/api/units/{unit}/prospects/{existing}";
        return problem;
    }
}

/// <summary>A claim on one value: the stream's id, and the prospect holding it (null: not yet claimed, to be started).</summary>
public sealed record ContactClaim(Guid Id, Guid? Holder);

public static class ProspectClaims
{
    /// <summary>The label of the claims' key (derived from the oldest master key: see <see cref="PersonalDataProtector.StableId"/>).</summary>
    public const string KeyLabel = "bhxh-outreach/prospect-claims/v1";

    /// <summary>
    /// A claim id: a keyed HMAC of district, kind, normalised value and, from the second on, the claim's generation
    /// (see <see cref="ProspectContactKey"/>): generations look unrelated without the key.
    /// </summary>
    public static Guid ClaimId(this PersonalDataProtector protector, string unit, string kind, string value, int generation = 1)
    {
        ArgumentNullException.ThrowIfNull(protector);
        ArgumentOutOfRangeException.ThrowIfLessThan(generation, 1);
        var text = generation == 1
            ? $"prospect-claim\n{unit}\n{kind}\n{value}"
            : $"prospect-claim\n{unit}\n{kind}\n{value}\n{generation.ToString(CultureInfo.InvariantCulture)}";
        return protector.StableId(KeyLabel, text);
    }
}
