using BhxhPlatform.Partners.Plans;
using BhxhPlatform.ServiceDefaults.Security;
using BhxhPlatform.Partners.Agreements;
using BhxhPlatform.Partners.PersonalData;
using BhxhPlatform.Partners.Registry;
using BhxhPlatform.ServiceDefaults.PersonalData;
using BhxhPlatform.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Partners.Collaborators;

/// <summary>
/// Enlist a collaborator or a collection-service agent (who needs the collection-service
/// organisation, a partner, that employs them), with the communes they cover.
/// </summary>
public sealed record EnlistCollaborator(
    string Name, CollaboratorKind? Kind, Guid? OrganisationId, string? Phone, DateOnly? EnlistedOn, IReadOnlyList<string>? CommuneIds);

public static class EnlistCollaboratorEndpoint
{
    public const int MaxCommunes = 50;

    public static Task<CommunesOfUnit> LoadAsync(EnlistCollaborator command, IQuerySession session, OrganisationDirectory directory, CancellationToken cancellation) =>
        CommunesOfUnit.LoadAsync(session, directory, cancellation);

    public static ProblemDetails Validate(EnlistCollaborator command, string unit, TimeProvider clock, CommunesOfUnit unitCommunes)
    {
        var day = command.EnlistedOn ?? AgreementSchedule.Today(clock);
        var communes = command.CommuneIds ?? [];
        var check = new Check()
            .Day("enlistedOn", command.EnlistedOn, "Ngày tham gia", "The day they joined")
            .Text("name", command.Name, "Họ tên", "Name", maxLength: 200)
            .That(command.Kind is not null, "kind", "required", "Loại cộng tác viên không được để trống.", "Kind is required.")
            .That(command.Kind is null || Enum.IsDefined(command.Kind.Value), "kind", "unknown-kind", "Loại không hợp lệ.", "Unknown kind.")
            .That(command.Kind != CollaboratorKind.CollectionAgent || command.OrganisationId is not null, "organisationId", "required",
                "Nhân viên thu phải thuộc một tổ chức dịch vụ thu.", "A collection agent needs their collection-service organisation.")
            .That(command.OrganisationId != Guid.Empty, "organisationId", "empty-id", "Mã tổ chức không hợp lệ.", "The organisation id is empty.")
            .Phone("phone", command.Phone)
            .That(command.EnlistedOn is null || command.EnlistedOn <= AgreementSchedule.Today(clock), "enlistedOn", "in-future",
                "Ngày bắt đầu không được sau hôm nay.", "The enlistment date cannot be in the future.")
            .That(communes.Count <= MaxCommunes, "communeIds", "too-many", $"Tối đa {MaxCommunes} xã.", $"At most {MaxCommunes} communes.")
            .That(communes.Distinct().Count() == communes.Count, "communeIds", "duplicate", "Một xã được nêu hai lần.", "A commune is listed twice.");
        foreach (var (commune, i) in communes.Select((c, i) => (c, i)))
        {
            check.That(unitCommunes.Has(commune, day), $"communeIds[{i}]", "not-in-district",
                $"Xã, phường không thuộc đơn vị vào ngày {day:yyyy-MM-dd}.", $"The commune is not one of the unit's on {day:yyyy-MM-dd}.");
        }

        return check.ToProblem();
    }

    /// <summary>The organisation must be an active partner of the district; for an agent, a collection-service organisation.</summary>
    public static async Task<ProblemDetails> ValidateAsync(EnlistCollaborator command, IQuerySession session, CancellationToken cancellation)
    {
        if (command.OrganisationId is not { } organisationId)
        {
            return WolverineContinue.NoProblems;
        }

        var known = await AgreementChecks.KnownActivePartiesAsync([organisationId], session, cancellation, "organisationId");
        if (known != WolverineContinue.NoProblems || command.Kind != CollaboratorKind.CollectionAgent)
        {
            return known;
        }

        var organisation = await session.LoadAsync<Partner>(organisationId, cancellation);
        return new Check()
            .That(organisation?.Type == PartnerType.CollectionServiceOrganisation, "organisationId", "not-collection-organisation",
                "Đơn vị này không phải tổ chức dịch vụ thu.", "This partner is not a collection-service organisation.")
            .ToProblem();
    }

    [WolverinePost("/api/units/{unit}/collaborators")]
    [Tags("Collaborators")]
    public static (CreationResponse<Guid>, IStartStream) Post(
        EnlistCollaborator command, string unit, TimeProvider clock, IDocumentSession session, PersonalDataProtector protector)
    {
        // Sealed with the collaborator's own new key before the event exists (see PersonalDetails).
        var id = Guid.CreateVersion7();
        var key = PersonalDetails.NewKey(session, protector, id, clock.GetUtcNow());
        var enlisted = new CollaboratorEnlisted(
            id, protector.Seal(key, command.Name.Trim(), PersonalDetails.CollaboratorName)!, command.Kind!.Value, command.OrganisationId,
            protector.Seal(key, string.IsNullOrWhiteSpace(command.Phone) ? null : command.Phone.Trim(), PersonalDetails.CollaboratorPhone),
            command.EnlistedOn ?? AgreementSchedule.Today(clock), command.CommuneIds ?? []);
        return (new CreationResponse<Guid>($"/api/units/{unit}/collaborators/{id}", id), MartenOps.StartStream<Collaborator>(id, enlisted));
    }
}
