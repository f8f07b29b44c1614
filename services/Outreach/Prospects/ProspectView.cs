using BhxhPlatform.ServiceDefaults.PersonalData;
using Marten;

namespace BhxhPlatform.Outreach.Prospects;

/// <summary>
/// A prospect as read: personal fields opened with the person's key. Once erased,
/// <see cref="Erased"/> is true and every personal field is null, while status, scheme,
/// activity and organisation are intact.
/// </summary>
public sealed record ProspectView(
    Guid Id,
    bool Erased,
    string? FullName,
    ContactDetails? Contact,
    string? CitizenId,
    TargetScheme Scheme,
    Guid? ActivityId,
    string? CommuneId,
    ConsentMethod ConsentMethod,
    DateTimeOffset ConsentRecordedAt,
    ProspectStatus Status,
    Guid? HandOffBatchId,
    Guid? CollectionOrganisationId,
    long Version,
    DateTimeOffset? ErasedAt,
    DateOnly? NextContactOn = null,
    string? FollowUpAssignee = null);

/// <summary>Sealing and opening a prospect's personal fields; the purposes bind each ciphertext to its field.</summary>
public static class ProspectPersonalData
{
    public static (string FullName, ContactDetails Contact, string? CitizenId) Seal(
        PersonalDataProtector protector, PersonKey key, string fullName, ContactDetails contact, string? citizenId) =>
        (protector.Seal(key, fullName, "full-name")!,
            new ContactDetails(
                protector.Seal(key, contact.Address, "address"),
                protector.Seal(key, contact.Phone, "phone"),
                protector.Seal(key, contact.Zalo, "zalo"),
                protector.Seal(key, contact.Email, "email")),
            protector.Seal(key, citizenId, "citizen-id"));

    public static ProspectView Open(PersonalDataProtector protector, Prospect p, PersonKey? key)
    {
        var erased = p.ErasedAt is not null || key?.WrappedKey is null;
        return new ProspectView(
            p.Id,
            erased,
            erased ? null : protector.Open(key, p.FullName, "full-name"),
            erased || p.Contact is null
                ? null
                : new ContactDetails(
                    protector.Open(key, p.Contact.Address, "address"),
                    protector.Open(key, p.Contact.Phone, "phone"),
                    protector.Open(key, p.Contact.Zalo, "zalo"),
                    protector.Open(key, p.Contact.Email, "email")),
            erased ? null : protector.Open(key, p.CitizenId, "citizen-id"),
            p.Scheme,
            p.ActivityId,
            p.CommuneId,
            p.ConsentMethod,
            p.ConsentRecordedAt,
            p.Status,
            p.HandOffBatchId,
            p.CollectionOrganisationId,
            p.Version,
            p.ErasedAt,
            p.NextContactOn,
            p.FollowUpAssignee);
    }

    /// <summary>Opens many prospects, loading their keys in one query.</summary>
    public static async Task<IReadOnlyList<ProspectView>> OpenAsync(
        PersonalDataProtector protector, IQuerySession session, IReadOnlyList<Prospect> prospects, CancellationToken cancellation)
    {
        var keys = prospects.Count == 0
            ? new Dictionary<Guid, PersonKey>()
            : (await session.LoadManyAsync<PersonKey>(cancellation, prospects.Select(p => p.Id))).ToDictionary(k => k.Id);
        return prospects.Select(p => Open(protector, p, keys.GetValueOrDefault(p.Id))).ToList();
    }
}
