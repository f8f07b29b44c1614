using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Partners.Registry;

/// <summary>Remove a contact from a partner.</summary>
public sealed record RemovePartnerContact(long Version);

public static class RemovePartnerContactEndpoint
{
    public static ProblemDetails Validate(Partner partner, Guid contactId) =>
        PartnerChecks.NotDissolved(partner)
            .Then(() => partner.Contacts.Any(c => c.ContactId == contactId)
                ? WolverineContinue.NoProblems
                : ProblemResults.NotFound("Không có người liên hệ này.", "There is no such contact."));

    [WolverinePost("/api/units/{unit}/partners/{id}/contacts/{contactId}/remove")]
    [Tags("Partners")]
    [ProducesResponseType<Written>(StatusCodes.Status200OK)]
    public static (IResult, Events) Post(RemovePartnerContact command, [WriteAggregate] Partner partner, Guid contactId) =>
        (Results.Ok(new Written(partner.Id, partner.Version + 1)), [new PartnerContactRemoved(partner.Id, contactId)]);
}
