using BhxhPlatform.Contracts;
using BhxhPlatform.Contracts.Outreach;
using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Outreach.Activities;

/// <summary>Log a communication activity against a line of a district plan.</summary>
public sealed record LogActivity(
    Guid DistrictPlanId,
    string PlanLineCode,
    string AudienceCode,
    CommunicationForm? Form,
    string? CommuneId,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    int PeopleReached,
    string Summary,
    IReadOnlyList<string>? TeamMembers = null,
    IReadOnlyList<Guid>? PartnerIds = null);

public static class LogActivityEndpoint
{
    public static ProblemDetails Validate(LogActivity command)
    {
        var check = new Check()
            .Required("districtPlanId", (Guid?)command.DistrictPlanId, "Kế hoạch của huyện", "District plan")
            .Text("planLineCode", command.PlanLineCode, "Mã dòng kế hoạch", "Plan line code", maxLength: 20)
            .Text("audienceCode", command.AudienceCode, "Mã đối tượng", "Audience code", maxLength: 10)
            .That(command.Form is not null, "form", "required", "Hình thức truyền thông không được để trống.", "Form of communication is required.")
            .Text("communeId", command.CommuneId, "Xã, phường", "Commune", maxLength: 100, required: false)
            .That(command.EndedAt >= command.StartedAt, "endedAt", "before-start",
                "Thời gian kết thúc phải sau thời gian bắt đầu.", "The end must not be before the start.")
            .NotNegative("peopleReached", command.PeopleReached, "Số người được tiếp cận", "People reached")
            .Text("summary", command.Summary, "Nội dung", "Summary", maxLength: 4000);

        var team = command.TeamMembers ?? [];
        if (command.Form == CommunicationForm.DirectContact && team.Count is < 2 or > 4)
        {
            check.Add("teamMembers", "team-size",
                "Tổ tư vấn trực tiếp phải có từ 2 đến 4 người.", "A direct-contact advisory team has 2 to 4 people.");
        }

        for (var i = 0; i < team.Count; i++)
        {
            check.Text($"teamMembers[{i}]", team[i], "Thành viên tổ", "Team member", maxLength: 200);
        }

        return check.ToProblem();
    }

    [WolverinePost("/api/units/{unit}/activities")]
    [Tags("Activities")]
    public static (CreationResponse<Guid>, IStartStream, OutgoingMessages) Post(LogActivity command, string unit)
    {
        var id = Guid.CreateVersion7();
        var logged = new ActivityLogged(
            id,
            command.DistrictPlanId,
            command.PlanLineCode.Trim(),
            command.AudienceCode.Trim(),
            command.Form!.Value,
            command.CommuneId,
            command.StartedAt,
            command.EndedAt,
            command.PeopleReached,
            command.Summary.Trim(),
            command.TeamMembers ?? [],
            command.PartnerIds ?? []);

        var recorded = new ActivityRecorded(
            id,
            logged.DistrictPlanId,
            logged.PlanLineCode,
            logged.AudienceCode,
            logged.Form.ToString(),
            logged.CommuneId,
            DateOnly.FromDateTime(logged.StartedAt.ToOffset(TimeSpan.FromHours(7)).DateTime),
            logged.PeopleReached,
            logged.PartnerIds);

        return (
            new CreationResponse<Guid>($"/api/units/{unit}/activities/{id}", id),
            MartenOps.StartStream<Activity>(id, logged),
            [recorded]);
    }
}
