using BhxhPlatform.ServiceDefaults.PersonalData;
using BhxhPlatform.ServiceDefaults.Problems;
using BhxhPlatform.ServiceDefaults.Security;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace BhxhPlatform.Partners.PersonalData;

/// <summary>
/// Erase one person's details (right to erasure, or recorded in error): a contact person, a collaborator, a commended
/// person. No expected version: erasure must win over any concurrent change, and a second erasure of the same person is
/// harmless (204, nothing appended).
/// </summary>
public sealed record ErasePersonalDetails(ErasureReason? Reason);

/// <summary>
/// The sealing of Partners' people (contact persons, collaborators, commended persons): each gets a key of their own
/// (<see cref="PersonKey"/>, with the id of the contact, the collaborator or the commendation), their name, phone and
/// e-mail are sealed with it before any event exists, and erasure destroys it.
/// </summary>
public static class PersonalDetails
{
    public const string ContactName = "contact-name";
    public const string ContactPhone = "contact-phone";
    public const string ContactEmail = "contact-email";
    public const string CollaboratorName = "collaborator-name";
    public const string CollaboratorPhone = "collaborator-phone";
    public const string CommendedName = "commended-name";

    public static ProblemDetails Validate(ErasePersonalDetails command) => new Check()
        .That(command.Reason is not null, "reason", "required", "Lý do xoá không được để trống.", "The reason for erasure is required.")
        .That(command.Reason is null || Enum.IsDefined(command.Reason.Value), "reason", "unknown-reason", "Lý do xoá không hợp lệ.", "Unknown reason for erasure.")
        .ToProblem();

    /// <summary>A new key for the person, stored on the session (saved with the person's first event).</summary>
    public static PersonKey NewKey(IDocumentSession session, PersonalDataProtector protector, Guid personId, DateTimeOffset now)
    {
        var key = protector.NewPersonKey(personId, now);
        session.Store(key);
        return key;
    }

    /// <summary>
    /// Destroys the person's key (the wrapped value set to null, the row kept as the record of when); false when there was
    /// none left to destroy.
    /// </summary>
    public static async Task<bool> DestroyKeyAsync(IDocumentSession session, Guid personId, DateTimeOffset now, CancellationToken cancellation)
    {
        var key = await session.LoadAsync<PersonKey>(personId, cancellation);
        if (key is { WrappedKey: null })
        {
            return false;
        }

        session.Store(new PersonKey(personId, null, key?.CreatedAt ?? now, now, key?.KeyId));
        return true;
    }

    /// <summary>The keys of these people, loaded in one query.</summary>
    public static async Task<IReadOnlyDictionary<Guid, PersonKey>> KeysAsync(IQuerySession session, IEnumerable<Guid> personIds, CancellationToken cancellation)
    {
        var ids = personIds.Distinct().ToArray();
        return ids.Length == 0
            ? new Dictionary<Guid, PersonKey>()
            : (await session.LoadManyAsync<PersonKey>(cancellation, ids)).ToDictionary(k => k.Id);
    }

    /// <summary>Opens a value; masked for a role that sees personal data masked (the auditor), see <see cref="PersonalDataMask"/>.</summary>
    public static string? OpenName(this PersonalDataProtector protector, PersonKey? key, string? value, string purpose, bool masked)
    {
        var plain = protector.Open(key, value, purpose);
        return masked ? PersonalDataMask.Name(plain) : plain;
    }

    public static string? OpenPhone(this PersonalDataProtector protector, PersonKey? key, string? value, string purpose, bool masked)
    {
        var plain = protector.Open(key, value, purpose);
        return masked ? PersonalDataMask.Digits(plain) : plain;
    }

    public static string? OpenEmail(this PersonalDataProtector protector, PersonKey? key, string? value, string purpose, bool masked)
    {
        var plain = protector.Open(key, value, purpose);
        return masked ? PersonalDataMask.Email(plain) : plain;
    }

    /// <summary>Whether this request sees personal data masked.</summary>
    public static bool Masked(HttpContext context) => context.MasksPersonalData();
}
