using BhxhPlatform.Contracts.Planning;
using BhxhPlatform.Planning.Catalogue;
using BhxhPlatform.Planning.Organisation;
using BhxhPlatform.Planning.Schedule;
using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;

namespace BhxhPlatform.Planning.DistrictPlans;

/// <summary>A district adopted a published template version for the template's year; its lines were copied.</summary>
public sealed record DistrictPlanAdopted(Guid PlanId, string District, int Year, Guid TemplateId, int TemplateVersion, IReadOnlyList<PlanLine> Lines);

/// <summary>The district rewrote (or added) one line of its plan; it carries the whole line as it now stands.</summary>
public sealed record DistrictPlanLineCustomised(Guid PlanId, PlanLine Line);

/// <summary>A line was taken out of the district's plan before any activity was logged against it.</summary>
public sealed record DistrictPlanLineRemoved(Guid PlanId, string Code);

/// <summary>Targets were set: per line, people reached and enrolments by scheme (lines not named keep theirs).</summary>
public sealed record DistrictPlanTargetsSet(Guid PlanId, IReadOnlyList<LineTarget> Lines, int PeopleReached, IReadOnlyList<EnrolmentTarget> Enrolments);

public sealed record DistrictPlanSubmitted(Guid PlanId);

/// <summary>The province approved the plan; <paramref name="Revision"/> counts approvals (1, then 2 after an amendment...).</summary>
public sealed record DistrictPlanApprovedByProvince(Guid PlanId, int Revision);

public sealed record DistrictPlanReturned(Guid PlanId, string Reason);

public sealed record DistrictPlanAmendmentOpened(Guid PlanId, string Reason);

public sealed record DistrictPlanClosed(Guid PlanId);

public enum DistrictPlanStatus
{
    Draft,
    Submitted,
    Returned,
    Approved,
    Amending,
    Closed,
}

public enum EnrolmentScheme
{
    VoluntarySocialInsurance,
    HouseholdHealthInsurance,
    StudentHealthInsurance,
    SponsoredCard,
}

/// <summary>What the plan sets for one line: activities for the year, and the cadence or organisations some rules need.</summary>
public sealed record LineTarget(string Code, int Activities, int? CadenceMonths, int? Organisations);

public sealed record EnrolmentTarget(EnrolmentScheme Scheme, int People);

public sealed record DistrictPlanLine(PlanLine Line, LineTarget? Target)
{
    public RuleInputs Inputs(int? agreedActivitiesPerYear = null) => InputsOf(Target, agreedActivitiesPerYear);

    /// <summary>The rule inputs of a line with <paramref name="target"/> (none set: the catalogue's defaults).</summary>
    public static RuleInputs InputsOf(LineTarget? target, int? agreedActivitiesPerYear) => new(
        target?.Activities, target?.CadenceMonths, target?.Organisations ?? 1, agreedActivitiesPerYear);
}

public enum PlanAction
{
    Customise,
    SetTargets,
    Submit,
    Approve,
    Return,
    Amend,
    Close,
}

/// <summary>A district's communication plan for one year. Immutable; <see cref="Version"/> is the stream version.</summary>
public sealed record DistrictPlan(
    Guid Id,
    string District,
    int Year,
    Guid TemplateId,
    int TemplateVersion,
    DistrictPlanStatus Status,
    int Revision,
    string? LastReason,
    int PeopleReachedTarget,
    IReadOnlyList<EnrolmentTarget> EnrolmentTargets,
    IReadOnlyList<DistrictPlanLine> Lines,
    int Version)
{
    public static DistrictPlan Create(DistrictPlanAdopted e) =>
        new(e.PlanId, e.District, e.Year, e.TemplateId, e.TemplateVersion, DistrictPlanStatus.Draft, 0, null, 0, [],
            e.Lines.Select(l => new DistrictPlanLine(l, null)).ToList(), 1);

    public DistrictPlan Apply(DistrictPlanLineCustomised e) => Next() with
    {
        Lines = HasLine(e.Line.Code)
            ? Lines.Select(l => l.Line.Code == e.Line.Code ? l with { Line = e.Line } : l).ToList()
            : [.. Lines, new DistrictPlanLine(e.Line, null)],
    };

    public DistrictPlan Apply(DistrictPlanLineRemoved e) => Next() with
    {
        Lines = Lines.Where(l => l.Line.Code != e.Code).ToList(),
    };

    public DistrictPlan Apply(DistrictPlanTargetsSet e) => Next() with
    {
        Lines = Lines.Select(l => e.Lines.FirstOrDefault(t => t.Code == l.Line.Code) is { } t ? l with { Target = t } : l).ToList(),
        PeopleReachedTarget = e.PeopleReached,
        EnrolmentTargets = e.Enrolments,
    };

    public DistrictPlan Apply(DistrictPlanSubmitted e) => Next() with { Status = DistrictPlanStatus.Submitted };

    public DistrictPlan Apply(DistrictPlanApprovedByProvince e) => Next() with { Status = DistrictPlanStatus.Approved, Revision = e.Revision, LastReason = null };

    public DistrictPlan Apply(DistrictPlanReturned e) => Next() with { Status = DistrictPlanStatus.Returned, LastReason = e.Reason };

    public DistrictPlan Apply(DistrictPlanAmendmentOpened e) => Next() with { Status = DistrictPlanStatus.Amending, LastReason = e.Reason };

    public DistrictPlan Apply(DistrictPlanClosed e) => Next() with { Status = DistrictPlanStatus.Closed };

    public bool HasLine(string code) => Lines.Any(l => l.Line.Code == code);

    /// <summary>
    /// The integration message for an approval: the lines as they stand with their yearly targets,
    /// and the district's communes in <paramref name="tree"/> (where its activities may take place).
    /// </summary>
    public DistrictPlanApproved ApprovedMessage(int revision, OrganisationTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return new(
            Id, Year, revision,
            Lines.Select(l => new ApprovedPlanLine(
                l.Line.Code, l.Line.AudienceCode, l.Line.FormKind.ToString(), FrequencyRules.Expect(l.Line.Frequency, l.Inputs()).Year)).ToList(),
            tree.FindDistrict(District)?.Communes.Select(c => c.Id).ToList() ?? []);
    }

    private DistrictPlan Next() => this with { Version = Version + 1 };
}

/// <summary>The plan's state machine: which step is allowed in which status (pure).</summary>
public static class DistrictPlanRules
{
    private static readonly DistrictPlanStatus[] Editable = [DistrictPlanStatus.Draft, DistrictPlanStatus.Returned, DistrictPlanStatus.Amending];

    /// <summary>Null when <paramref name="action"/> is allowed, else the 409 problem to answer.</summary>
    public static ProblemDetails? Refusal(DistrictPlan plan, PlanAction action)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Status == DistrictPlanStatus.Closed)
        {
            return ProblemResults.Conflict("plan-closed", "Kế hoạch đã đóng, không thể thay đổi.", "The plan is closed and cannot change.");
        }

        return action switch
        {
            PlanAction.Customise or PlanAction.SetTargets or PlanAction.Submit when !Editable.Contains(plan.Status) =>
                ProblemResults.Conflict("plan-not-editable",
                    "Kế hoạch đang chờ duyệt hoặc đã duyệt; hãy mở điều chỉnh trước.", "The plan is submitted or approved; open an amendment first."),
            PlanAction.Approve or PlanAction.Return when plan.Status != DistrictPlanStatus.Submitted =>
                ProblemResults.Conflict("plan-not-submitted", "Kế hoạch chưa được trình duyệt.", "The plan has not been submitted."),
            PlanAction.Amend or PlanAction.Close when plan.Status != DistrictPlanStatus.Approved =>
                ProblemResults.Conflict("plan-not-approved", "Kế hoạch chưa được duyệt.", "The plan is not approved."),
            _ => null,
        };
    }
}
