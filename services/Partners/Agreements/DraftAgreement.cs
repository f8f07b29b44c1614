using BhxhPlatform.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Partners.Agreements;

/// <summary>Draft a coordination programme or a contract with one or more partners of the district.</summary>
public sealed record DraftAgreement(
    AgreementKind? Kind,
    string Title,
    IReadOnlyList<Guid>? PartnerIds,
    IReadOnlyList<string>? AudienceCodes,
    IReadOnlyList<string>? FormKinds,
    IReadOnlyList<string>? PlanLineCodes,
    int? ActivitiesPerYear,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    decimal? ValueVnd);

public static class DraftAgreementEndpoint
{
    public static ProblemDetails Validate(DraftAgreement command) =>
        new Check()
            .Day("startsOn", command.StartsOn, "Ngày bắt đầu", "The start date")
            .Day("endsOn", command.EndsOn, "Ngày kết thúc", "The end date")
            .That(command.Kind is not null, "kind", "required", "Loại thỏa thuận không được để trống.", "Kind is required.")
            .Text("title", command.Title, "Tên thỏa thuận", "Title", maxLength: 300)
            .Parties(command.PartnerIds)
            .Scope(command.AudienceCodes, command.FormKinds, command.PlanLineCodes, command.ActivitiesPerYear)
            .That(command.StartsOn is not null, "startsOn", "required", "Ngày bắt đầu không được để trống.", "Start date is required.")
            .That(command.EndsOn is not null, "endsOn", "required", "Ngày kết thúc không được để trống.", "End date is required.")
            .That(command.StartsOn is null || command.EndsOn is null || command.EndsOn > command.StartsOn, "endsOn", "before-start",
                "Ngày kết thúc phải sau ngày bắt đầu.", "The end date must be after the start date.")
            .Value(command.Kind, command.ValueVnd)
            .ToProblem();

    public static Task<ProblemDetails> ValidateAsync(DraftAgreement command, IQuerySession session, CancellationToken cancellation) =>
        AgreementChecks.KnownActivePartiesAsync(command.PartnerIds, session, cancellation);

    [WolverinePost("/api/units/{unit}/agreements")]
    [Tags("Agreements")]
    public static (CreationResponse<Guid>, IStartStream) Post(DraftAgreement command, string unit)
    {
        var id = Guid.CreateVersion7();
        var drafted = new AgreementDrafted(
            id, command.Kind!.Value, command.Title.Trim(), command.PartnerIds!,
            new AgreementScope(command.AudienceCodes ?? [], command.FormKinds ?? [], command.PlanLineCodes ?? [], command.ActivitiesPerYear),
            command.StartsOn!.Value, command.EndsOn!.Value, command.ValueVnd);
        return (new CreationResponse<Guid>($"/api/units/{unit}/agreements/{id}", id), MartenOps.StartStream<Agreement>(id, drafted));
    }
}
