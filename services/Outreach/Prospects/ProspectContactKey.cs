using BhxhPlatform.Outreach.Common;
using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;

namespace BhxhPlatform.Outreach.Prospects;

/// <summary>A phone number or a citizen id was claimed for one prospect within one district.</summary>
public sealed record ProspectContactClaimed(Guid ClaimId, Guid ProspectId);

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
/// Hashing keeps the phone and id number out of the stream ids, and the district is part of the
/// hash, so the same phone in another district is another claim. The look-up before the append
/// only serves to answer with a pointer to the existing prospect; the append is the guarantee.
/// </remarks>
public sealed record ProspectContactKey(Guid Id, Guid ProspectId)
{
    public static ProspectContactKey Create(ProspectContactClaimed claimed) => new(claimed.ClaimId, claimed.ProspectId);

    public static Guid PhoneKey(string unit, string phone) => Hash(unit, "phone", Formats.NormalisePhone(phone));

    public static Guid CitizenIdKey(string unit, string citizenId) => Hash(unit, "citizen-id", citizenId.Trim());

    /// <summary>The claims a prospect makes: its phone and its citizen id, when it has them.</summary>
    public static IReadOnlyList<Guid> KeysOf(string unit, string? phone, string? citizenId)
    {
        var keys = new List<Guid>();
        if (!string.IsNullOrWhiteSpace(phone))
        {
            keys.Add(PhoneKey(unit, phone));
        }

        if (!string.IsNullOrWhiteSpace(citizenId))
        {
            keys.Add(CitizenIdKey(unit, citizenId));
        }

        return keys;
    }

    public static ProblemDetails Duplicate(string unit, Guid existing)
    {
        var problem = ProblemResults.Conflict("duplicate-prospect",
            "Người này đã có trong danh sách của huyện (trùng số điện thoại hoặc số căn cước).",
            "This person is already a prospect in the district (same phone or citizen id).");
        problem.Extensions["existingProspectId"] = existing;
        problem.Extensions["existing"] = $"/api/units/{unit}/prospects/{existing}";
        return problem;
    }

    private static Guid Hash(string unit, string kind, string value) => Formats.DeterministicGuid($"prospect-claim\n{unit}\n{kind}\n{value}");
}
