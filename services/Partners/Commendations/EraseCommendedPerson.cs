using BhxhPlatform.Partners.PersonalData;
using BhxhPlatform.Partners.Registry;
using BhxhPlatform.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Partners.Commendations;

public static class EraseCommendedPersonEndpoint
{
    public static ProblemDetails Validate(ErasePersonalDetails command, Commendation commendation) =>
        PersonalDetails.Validate(command)
            .Then(() => commendation.OfPerson
                ? WolverineContinue.NoProblems
                : ProblemResults.Rejected("not-a-person", "Khen thưởng này dành cho một đơn vị, không phải một cá nhân.",
                    "This commendation is of a partner, not of a person: there is no personal data to erase."));

    /// <summary>
    /// Crypto-shredding of a commended person's name (withdrawn or not): their key is destroyed and a
    /// <see cref="CommendedPersonErased"/> without personal data is appended; the commendation still counts.
    /// </summary>
    [WolverinePost("/api/units/{unit}/commendations/{id}/person/erase")]
    [Tags("Commendations")]
    public static async Task<(IResult, Events)> Post(
        ErasePersonalDetails command, [WriteAggregate] Commendation commendation, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var destroyed = await PersonalDetails.DestroyKeyAsync(session, commendation.Id, now, cancellation);
        return destroyed || commendation.PersonErasedAt is null
            ? (Results.NoContent(), [new CommendedPersonErased(commendation.Id, command.Reason!.Value, now)])
            : (Results.NoContent(), []);
    }
}
