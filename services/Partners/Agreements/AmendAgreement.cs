using BhxhPlatform.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using BhxhPlatform.ServiceDefaults.Messaging;

namespace BhxhPlatform.Partners.Agreements;

/// <summary>Amend a signed agreement: its parties, scope and value as they now stand, and what changed.</summary>
public sealed record AmendAgreement(
    long Version,
    IReadOnlyList<Guid>? PartnerIds,
    IReadOnlyList<string>? AudienceCodes,
    IReadOnlyList<string>? FormKinds,
    IReadOnlyList<string>? PlanLineCodes,
    int? ActivitiesPerYear,
    decimal? ValueVnd,
    string Note);

public static class AmendAgreementEndpoint
{
    public static ProblemDetails Validate(AmendAgreement command, Agreement agreement)
    {
        var problem = new Check()
            .Parties(command.PartnerIds)
            .Scope(command.AudienceCodes, command.FormKinds, command.PlanLineCodes, command.ActivitiesPerYear)
            .Value(agreement.Kind, command.ValueVnd)
            .Text("note", command.Note, "Nội dung sửa đổi", "Note", maxLength: 1000)
            .ToProblem();
        if (problem != WolverineContinue.NoProblems)
        {
            return problem;
        }

        return agreement.Status == AgreementStatus.Signed
            ? WolverineContinue.NoProblems
            : ProblemResults.Conflict("agreement-not-signed", "Chỉ sửa đổi được thỏa thuận đã ký và còn hiệu lực.",
                "Only a signed agreement in force can be amended.");
    }

    public static Task<ProblemDetails> ValidateAsync(AmendAgreement command, IQuerySession session, CancellationToken cancellation) =>
        AgreementChecks.KnownActivePartiesAsync(command.PartnerIds, session, cancellation);

    [WolverinePost("/api/units/{unit}/agreements/{id}/amend")]
    [Tags("Agreements")]
    [ProducesResponseType<Written>(StatusCodes.Status200OK)]
    public static (IResult, Events, Announce) Post(AmendAgreement command, [WriteAggregate] Agreement agreement)
    {
        var amended = new AgreementAmended(
            agreement.Id, command.PartnerIds!,
            new AgreementScope(command.AudienceCodes ?? [], command.FormKinds ?? [], command.PlanLineCodes ?? [], command.ActivitiesPerYear),
            command.ValueVnd, command.Note.Trim());
        return (Results.Ok(new Written(agreement.Id, agreement.Version + 1)), [amended], new Announce(agreement.Apply(amended).ToSigned()));
    }
}
