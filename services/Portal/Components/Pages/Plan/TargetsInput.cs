using BhxhPlatform.Portal.ServiceClients;

namespace BhxhPlatform.Portal.Components.Pages.Plan;

/// <summary>
/// The targets form as posted: one row per plan line, people reached, one row per enrolment scheme. A blank number
/// is sent as 0 (activities, people) or left out (cadence, organisations: the rule's default), so Planning judges it.
/// </summary>
public sealed class TargetsInput
{
    public long Version { get; set; }

    public List<LineInput> Lines { get; set => field = value ?? []; } = [];

    public int? PeopleReached { get; set; }

    public List<EnrolmentInput> Enrolments { get; set => field = value ?? []; } = [];

    /// <summary>The plan's targets as they stand; every scheme has a row (0 where none is set).</summary>
    public static TargetsInput From(DistrictPlanView plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new TargetsInput
        {
            Version = plan.Version,
            Lines = plan.Lines.Select(l => new LineInput
            {
                Code = l.Line.Code,
                Activities = l.Target?.Activities,
                CadenceMonths = l.Target?.CadenceMonths,
                Organisations = l.Target?.Organisations,
            }).ToList(),
            PeopleReached = plan.PeopleReachedTarget,
            Enrolments = Enum.GetValues<EnrolmentScheme>()
                .Select(s => new EnrolmentInput { Scheme = s, People = plan.EnrolmentTargets.FirstOrDefault(e => e.Scheme == s)?.People ?? 0 })
                .ToList(),
        };
    }

    public PlanTargetsCommand ToCommand() => new(
        Version,
        Lines.Select(l => new LineTargetView(l.Code, l.Activities ?? 0, l.CadenceMonths, l.Organisations)).ToList(),
        PeopleReached ?? 0,
        Enrolments.Select(e => new EnrolmentTargetView(e.Scheme, e.People ?? 0)).ToList());

    public sealed class LineInput
    {
        public string Code { get; set; } = string.Empty;

        public int? Activities { get; set; }

        public int? CadenceMonths { get; set; }

        public int? Organisations { get; set; }
    }

    public sealed class EnrolmentInput
    {
        public EnrolmentScheme Scheme { get; set; }

        public int? People { get; set; }
    }
}
