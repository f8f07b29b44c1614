using BhxhPlatform.Partners.Agreements;
using BhxhPlatform.Partners.PersonalData;
using BhxhPlatform.Partners.Registry;
using BhxhPlatform.ServiceDefaults.PersonalData;
using BhxhPlatform.ServiceDefaults.Messaging;
using BhxhPlatform.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Partners.Commendations;

/// <summary>Commend a partner (by id) or a person (by name) for a year's work.</summary>
public sealed record AwardCommendation(int? Year, Guid? PartnerId, string? PersonName, string Reason, DateOnly? AwardedOn);

public static class AwardCommendationEndpoint
{
    public static ProblemDetails Validate(AwardCommendation command, TimeProvider clock)
    {
        var today = AgreementSchedule.Today(clock);
        var check = new Check()
            .Day("awardedOn", command.AwardedOn, "Ngày khen thưởng", "The award date")
            .That((command.PartnerId is null) != string.IsNullOrWhiteSpace(command.PersonName), "partnerId", "partner-or-person",
                "Nêu một đơn vị hoặc một cá nhân (không cả hai).", "Name either a partner or a person, not both.")
            .That(command.PartnerId != Guid.Empty, "partnerId", "empty-id", "Mã đơn vị không hợp lệ.", "The partner id is empty.")
            .Text("personName", command.PersonName, "Họ tên", "Person's name", maxLength: 200, required: false)
            .Text("reason", command.Reason, "Thành tích", "Reason", maxLength: 1000)
            .That(command.Year is not null, "year", "required", "Năm không được để trống.", "The year is required.")
            .That(command.AwardedOn is not null, "awardedOn", "required", "Ngày khen thưởng không được để trống.", "The award date is required.")
            .That(command.AwardedOn is null || command.AwardedOn <= today, "awardedOn", "in-future",
                "Ngày khen thưởng không được sau hôm nay.", "The award date cannot be in the future.");
        if (command.Year is { } year)
        {
            check.Range("year", year, 2000, today.Year, "Năm", "Year")
                .That(command.AwardedOn is null || command.AwardedOn.Value.Year >= year, "awardedOn", "before-year",
                    "Ngày khen thưởng không được trước năm được khen.", "The award date cannot be before the year commended.");
        }

        return check.ToProblem();
    }

    /// <summary>A commended unit must be a partner of this district (of any status: it may have dissolved since).</summary>
    public static async Task<ProblemDetails> ValidateAsync(AwardCommendation command, IQuerySession session, CancellationToken cancellation) =>
        command.PartnerId is not { } id || id == Guid.Empty || await session.LoadAsync<Partner>(id, cancellation) is not null
            ? WolverineContinue.NoProblems
            : new Check().Add("partnerId", "unknown-partner", "Đối tác này không có trong danh bạ đối tác của đơn vị.",
                "The partner is not in this unit's registry.").ToProblem();

    [WolverinePost("/api/units/{unit}/commendations")]
    [Tags("Commendations")]
    public static (CreationResponse<Guid>, IStartStream, Announce) Post(
        AwardCommendation command, string unit, IDocumentSession session, PersonalDataProtector protector, TimeProvider clock)
    {
        var id = Guid.CreateVersion7();

        // A commended person's name is sealed with a key of their own (the commendation's id) before the event exists.
        var name = string.IsNullOrWhiteSpace(command.PersonName)
            ? null
            : protector.Seal(PersonalDetails.NewKey(session, protector, id, clock.GetUtcNow()), command.PersonName.Trim(), PersonalDetails.CommendedName);
        var awarded = new CommendationAwarded(
            id, command.Year!.Value, command.PartnerId, name,
            command.Reason.Trim(), command.AwardedOn!.Value);
        return (new CreationResponse<Guid>($"/api/units/{unit}/commendations/{id}", id), MartenOps.StartStream<Commendation>(id, awarded),
            new Announce(new Contracts.Partners.CommendationConferred(id, awarded.Year, awarded.PartnerId, awarded.AwardedOn)));
    }
}
