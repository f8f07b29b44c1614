using BhxhPlatform.Outreach.Directory;
using BhxhPlatform.Outreach.Common;
using BhxhPlatform.ServiceDefaults.Problems;
using BhxhPlatform.ServiceDefaults.Security;
using Marten;

namespace BhxhPlatform.Outreach.Activities;

/// <summary>The approved plans that the activities of one request name, as Outreach knows them (see <see cref="KnownPlan"/>).</summary>
/// <param name="Tree">The unit's province tree as Planning announced it; null when none was (then the plan's communes decide).</param>
public sealed record KnownPlans(IReadOnlyDictionary<Guid, KnownPlan> Plans, string? Unit = null, KnownUnitTree? Tree = null)
{
    public KnownPlan? Of(Guid planId) => Plans.GetValueOrDefault(planId);

    /// <summary>Whether the commune belonged to the unit on the day: by the tree valid that day when one is known.</summary>
    public bool CommuneFits(KnownPlan plan, string commune, DateOnly day) =>
        Tree is not null && Unit is not null ? Tree.CommuneBelongsTo(commune.Trim(), Unit, day) : plan.HasCommune(commune);

    /// <summary>The unit's known plans among <paramref name="planIds"/> (the session is the unit's), and its province's tree.</summary>
    public static async Task<KnownPlans> LoadAsync(
        IQuerySession session, OrganisationDirectory directory, IEnumerable<Guid> planIds, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        var ids = planIds.Where(id => id != Guid.Empty).Distinct().ToArray();
        var plans = ids.Length == 0 ? [] : await session.LoadManyAsync<KnownPlan>(cancellation, ids);
        var tree = await KnownUnitTree.OfUnitAsync(session, directory, session.TenantId, cancellation);
        return new KnownPlans(plans.ToDictionary(p => p.Id), session.TenantId, tree);
    }
}

/// <summary>
/// An activity is logged (or corrected) only against a line of its unit's approved plan, with the
/// line's audience and form, in one of the unit's communes, and not before it started: otherwise
/// Planning would count what the plan never asked for.
/// </summary>
public static class PlanFit
{
    /// <summary>How far ahead of the service's clock a start may be (a phone's clock running a little fast).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static Check FitsPlan(this Check check, LogActivity? command, KnownPlans plans, DateTimeOffset now, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(plans);
        if (command is null)
        {
            return check;
        }

        if (command.StartedAt != default)
        {
            check.That(command.StartedAt <= now + ClockSkew, prefix + "startedAt", "in-future",
                "Thời gian bắt đầu không được ở tương lai.", "The start cannot be in the future.");
        }

        if (command.DistrictPlanId == Guid.Empty)
        {
            return check;
        }

        if (plans.Of(command.DistrictPlanId) is not { } plan)
        {
            return check.Add(prefix + "districtPlanId", "unknown-plan",
                "Đơn vị không có kế hoạch đã duyệt với mã này.", "The unit has no approved plan with this id.");
        }

        if (!string.IsNullOrWhiteSpace(command.CommuneId))
        {
            var day = command.StartedAt == default ? DateOnly.FromDateTime(now.UtcDateTime) : Formats.LocalDay(command.StartedAt);
            check.That(plans.CommuneFits(plan, command.CommuneId, day), prefix + "communeId", "not-in-unit",
                $"Xã, phường này không thuộc đơn vị vào ngày {day:yyyy-MM-dd}.", $"This commune is not one of the unit's on {day:yyyy-MM-dd}.");
        }

        if (string.IsNullOrWhiteSpace(command.PlanLineCode))
        {
            return check;
        }

        if (plan.Line(command.PlanLineCode) is not { } line)
        {
            return check.Add(prefix + "planLineCode", "not-in-plan",
                "Kế hoạch đã duyệt của đơn vị không có dòng này.", "The unit's approved plan has no such line.");
        }

        if (!string.IsNullOrWhiteSpace(command.AudienceCode))
        {
            check.That(command.AudienceCode.Trim() == line.AudienceCode, prefix + "audienceCode", "not-the-line-audience",
                $"Dòng {line.Code} của kế hoạch dành cho đối tượng {line.AudienceCode}.",
                $"Line {line.Code} of the plan is for audience {line.AudienceCode}.");
        }

        if (command.Form is { } form)
        {
            check.That(form.ToString() == line.FormKind, prefix + "form", "not-the-line-form",
                $"Dòng {line.Code} của kế hoạch có hình thức {line.FormKind}.",
                $"Line {line.Code} of the plan has the form {line.FormKind}.");
        }

        return check;
    }
}
