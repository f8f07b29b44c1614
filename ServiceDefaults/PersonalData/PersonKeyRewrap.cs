using System.Linq.Expressions;
using BhxhPlatform.ServiceDefaults.Problems;
using BhxhPlatform.ServiceDefaults.Security;
using Marten;
using Marten.Patching;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BhxhPlatform.ServiceDefaults.PersonalData;

/// <summary>
/// What a re-wrapping did over a province's units: keys wrapped again with the current master key, keys no key of the
/// ring opens (counted as unreadable, left as they are), and the keys still not wrapped with the current master key
/// when it ended (the unreadable ones, and any a person was recorded with by an instance still on the old key).
/// </summary>
public sealed record RewrapReport(string KeyId, IReadOnlyList<string> Units, int Rewrapped, int Unreadable, int Remaining);

/// <summary>
/// After a rotation of the personal-data master key (see <see cref="PersonalDataProtector"/>): wrap every living person's
/// key of the province's units again with the current master key, so the previous one can be retired. Each service that
/// seals personal data serves it on its own <c>POST /api/units/{unit}/personal-data/rewrap</c>, over its own keys.
/// </summary>
/// <remarks>
/// Each key is replaced by a patch conditional on the wrapped value read (Marten's patch with a filter, one statement per
/// key): an erasure that commits meanwhile (the wrapped key set to null) is never undone by the re-wrapping, which then
/// changes nothing. The data keys themselves do not change, so no personal value is re-encrypted and no event touched.
/// Repeating it is harmless: keys already wrapped with the current master key are not read.
/// </remarks>
public static class PersonKeyRewrap
{
    private const int Page = 500;

    /// <summary>Keys are re-wrapped for a whole province (its own unit and every unit under it), never one unit alone.</summary>
    public static ProblemDetails ValidateProvince(string unit, OrganisationDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return directory.Exists(unit) && directory.ProvinceOf(unit) is null
            ? WolverineContinue.NoProblems
            : new Check().Add("unit", "not-a-province", "Chỉ bao lại khóa được cho cả một tỉnh.", "Keys are re-wrapped for a whole province.").ToProblem();
    }

    public static async Task<RewrapReport> RewrapAsync(
        string unit, IDocumentStore store, OrganisationDirectory directory, PersonalDataProtector protector, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(protector);
        var current = protector.KeyId;
        Expression<Func<PersonKey, bool>> notWrappedWithCurrent = k => k.WrappedKey != null && (k.KeyId == null || k.KeyId != current);
        string[] units = [unit, .. directory.DistrictsOf(unit).Order(StringComparer.Ordinal)];
        int rewrapped = 0, unreadable = 0, left = 0;
        foreach (var tenant in units)
        {
            // Re-wrapped keys leave the query; those no key opens stay, first in the order, and are skipped.
            // Bounded by the keys there were to begin with, so a key whose patch finds nothing to change cannot hold the loop.
            int skipped = 0, toDo;
            await using (var count = store.QuerySession(tenant))
            {
                toDo = await count.Query<PersonKey>().CountAsync(notWrappedWithCurrent, cancellation);
            }

            for (var pages = toDo / Page + 1; pages > 0; pages--)
            {
                await using var session = store.LightweightSession(tenant);
                var keys = await session.Query<PersonKey>()
                    .Where(notWrappedWithCurrent)
                    .OrderBy(k => k.Id).Skip(skipped).Take(Page).ToListAsync(cancellation);
                if (keys.Count == 0)
                {
                    break;
                }

                foreach (var key in keys)
                {
                    var (outcome, again) = protector.Rewrap(key);
                    if (outcome == RewrapOutcome.Rewrapped)
                    {
                        var read = key.WrappedKey;
                        session.Patch<PersonKey>(k => k.Id == key.Id && k.WrappedKey == read)
                            .Set(k => k.WrappedKey, again.WrappedKey)
                            .Set(k => k.KeyId, again.KeyId);
                        rewrapped++;
                    }
                    else if (outcome == RewrapOutcome.Unreadable)
                    {
                        unreadable++;
                        skipped++;
                    }
                }

                await session.SaveChangesAsync(cancellation);
            }

            await using var check = store.QuerySession(tenant);
            left += await check.Query<PersonKey>().CountAsync(notWrappedWithCurrent, cancellation);
        }

        return new RewrapReport(current, units, rewrapped, unreadable, left);
    }
}
