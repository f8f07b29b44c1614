using BhxhPlatform.Partners.PersonalData;
using BhxhPlatform.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Partners.Registry;

public static class ErasePartnerContactEndpoint
{
    public static ProblemDetails Validate(ErasePersonalDetails command, Partner partner, Guid contactId) =>
        PersonalDetails.Validate(command)
            .Then(() => partner.HasOrHad(contactId)
                ? WolverineContinue.NoProblems
                : ProblemResults.NotFound("Không có người liên hệ này.", "There is no such contact."));

    /// <summary>
    /// Crypto-shredding of one contact person (current or removed): their key is destroyed and a
    /// <see cref="PartnerContactErased"/> without personal data is appended; the partner itself stays as it was, on any status.
    /// </summary>
    [WolverinePost("/api/units/{unit}/partners/{id}/contacts/{contactId}/erase")]
    [Tags("Partners")]
    public static async Task<(IResult, Events)> Post(
        ErasePersonalDetails command, [WriteAggregate] Partner partner, Guid contactId, IDocumentSession session, TimeProvider clock,
        CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var destroyed = await PersonalDetails.DestroyKeyAsync(session, contactId, now, cancellation);
        var shownUnerased = partner.Contacts.Any(c => c.ContactId == contactId && c.ErasedAt is null);
        return destroyed || shownUnerased
            ? (Results.NoContent(), [new PartnerContactErased(partner.Id, contactId, command.Reason!.Value, now)])
            : (Results.NoContent(), []);
    }
}
