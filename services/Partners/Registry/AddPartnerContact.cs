using BhxhPlatform.Partners.PersonalData;
using BhxhPlatform.ServiceDefaults.PersonalData;
using BhxhPlatform.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Partners.Registry;

/// <summary>Add a person to call at a partner organisation.</summary>
public sealed record AddPartnerContact(long Version, string Name, string? Role, string? Phone, string? Email);

/// <summary>The contact added and the partner's new version.</summary>
public sealed record ContactAdded(Guid ContactId, int Version);

public static class AddPartnerContactEndpoint
{
    public const int MaxContacts = 50;

    public static ProblemDetails Validate(AddPartnerContact command, Partner partner) =>
        new Check().Contact(command.Name, command.Role, command.Phone, command.Email).ToProblem()
            .Then(() => PartnerChecks.NotDissolved(partner))
            .Then(() => partner.Contacts.Count < MaxContacts
                ? Wolverine.Http.WolverineContinue.NoProblems
                : ProblemResults.Rejected("too-many-contacts", $"Mỗi đơn vị tối đa {MaxContacts} người liên hệ.",
                    $"A partner has at most {MaxContacts} contacts."));

    [WolverinePost("/api/units/{unit}/partners/{id}/contacts")]
    [Tags("Partners")]
    [ProducesResponseType<ContactAdded>(StatusCodes.Status200OK)]
    public static (IResult, Events) Post(
        AddPartnerContact command, [WriteAggregate] Partner partner, IDocumentSession session, PersonalDataProtector protector, TimeProvider clock)
    {
        // The contact's details are sealed with a new key of their own before the event exists, so the stored event (and
        // its audit hash) only ever holds ciphertext.
        var id = Guid.CreateVersion7();
        var key = PersonalDetails.NewKey(session, protector, id, clock.GetUtcNow());
        var contact = new PartnerContact(
            id,
            protector.Seal(key, command.Name.Trim(), PersonalDetails.ContactName),
            Blank(command.Role),
            protector.Seal(key, Blank(command.Phone), PersonalDetails.ContactPhone),
            protector.Seal(key, Blank(command.Email), PersonalDetails.ContactEmail));
        return (Results.Ok(new ContactAdded(contact.ContactId, partner.Version + 1)), [new PartnerContactAdded(partner.Id, contact)]);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
