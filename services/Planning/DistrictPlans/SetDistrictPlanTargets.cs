using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Planning.DistrictPlans;

public sealed record LineTargetInput(string Code, int Activities, int? CadenceMonths, int? Organisations);

public sealed record EnrolmentTargetInput(EnrolmentScheme? Scheme, int People);

/// <summary>Set the plan's targets: activities per line, people reached, enrolments by scheme.</summary>
public sealed record SetDistrictPlanTargets(long Version, IReadOnlyList<LineTargetInput>? Lines, int PeopleReached, IReadOnlyList<EnrolmentTargetInput>? Enrolments);

public static class SetDistrictPlanTargetsEndpoint
{
    public const int MaxActivities = 10_000;
    public const int MaxPeople = 10_000_000;

    public static ProblemDetails Validate(SetDistrictPlanTargets command, DistrictPlan plan)
    {
        var check = new Check()
            .That(command.Lines is not null, "lines", "required", "Danh sách chỉ tiêu theo dòng không được để trống.", "The line targets are required.")
            .Range("peopleReached", command.PeopleReached, 0, MaxPeople, "Số người được truyền thông", "People reached");
        var lines = command.Lines ?? [];
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            check
                .Text($"lines[{i}].code", line.Code, "Mã dòng", "Line code", 20)
                .That(line.Code is null || plan.HasLine(line.Code.Trim()), $"lines[{i}].code", "unknown-line",
                    "Kế hoạch không có dòng này.", "The plan has no such line.")
                .That(lines.Count(l => l.Code == line.Code) == 1, $"lines[{i}].code", "duplicate", "Dòng bị lặp.", "The line is repeated.")
                .Range($"lines[{i}].activities", line.Activities, 0, MaxActivities, "Số hoạt động", "Activities")
                .Range($"lines[{i}].cadenceMonths", line.CadenceMonths ?? 1, 1, 12, "Chu kỳ (tháng)", "Cadence (months)")
                .Range($"lines[{i}].organisations", line.Organisations ?? 1, 1, 1000, "Số tổ chức", "Organisations");
        }

        var enrolments = command.Enrolments ?? [];
        for (var i = 0; i < enrolments.Count; i++)
        {
            var enrolment = enrolments[i];
            check
                .That(enrolment.Scheme is not null && Enum.IsDefined(enrolment.Scheme.Value), $"enrolments[{i}].scheme", "required",
                    "Loại hình tham gia không được để trống.", "The scheme is required.")
                .That(enrolments.Count(e => e.Scheme == enrolment.Scheme) == 1, $"enrolments[{i}].scheme", "duplicate",
                    "Loại hình bị lặp.", "The scheme is repeated.")
                .Range($"enrolments[{i}].people", enrolment.People, 0, MaxPeople, "Số người tham gia", "People enrolled");
        }

        return check.IsValid ? DistrictPlanRules.Refusal(plan, PlanAction.SetTargets) ?? WolverineContinue.NoProblems : check.ToProblem();
    }

    [WolverinePost("/api/units/{unit}/district-plans/{id}/targets")]
    [Tags("District plans")]
    public static (IResult, Events) Post(SetDistrictPlanTargets command, [WriteAggregate] DistrictPlan plan) =>
        (Results.NoContent(),
        [
            new DistrictPlanTargetsSet(
                plan.Id,
                command.Lines!.Select(l => new LineTarget(l.Code.Trim(), l.Activities, l.CadenceMonths, l.Organisations)).ToList(),
                command.PeopleReached,
                (command.Enrolments ?? []).Select(e => new EnrolmentTarget(e.Scheme!.Value, e.People)).ToList()),
        ]);
}
