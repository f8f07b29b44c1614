using BhxhPlatform.Contracts.Reminders;
using BhxhPlatform.Planning.Organisation;
using BhxhPlatform.ServiceDefaults.Messaging;
using BhxhPlatform.ServiceDefaults.Security;

namespace BhxhPlatform.Planning.DistrictPlans;

/// <summary>
/// Who is told when a plan changes hands: a submitted plan reaches the province's administrators, a
/// returned one the district's officers. Each reminder is named by the plan and the version its event
/// takes, so a resubmission after a return is a new reminder and a redelivery is the same one.
/// </summary>
public static class PlanReminders
{
    /// <summary>The district submitted <paramref name="plan"/> (before the event): the province decides.</summary>
    public static Announce Submitted(DistrictPlan plan, OrganisationTree tree)
    {
        if (tree.ProvinceOf(plan.District) is not { } province)
        {
            return Announce.Nothing;
        }

        var office = tree.FindDistrict(plan.District)?.Office ?? plan.District;
        return new Announce(new ReminderRaised(
            IdOf(ReminderKinds.PlanSubmitted, plan),
            ReminderKinds.PlanSubmitted,
            new ReminderAudience(province.Id, PlatformRoles.ProvincialAdministrator),
            new BilingualText($"{office} trình kế hoạch truyền thông năm {plan.Year}", $"{office} submitted its {plan.Year} communication plan"),
            new BilingualText(
                $"{office} đã trình kế hoạch truyền thông năm {plan.Year} ({plan.Lines.Count} dòng). Xin xem và duyệt hoặc trả lại.",
                $"{office} submitted its {plan.Year} communication plan ({plan.Lines.Count} lines). Please review it and approve or return it."),
            $"/province/approvals/{plan.District}"));
    }

    /// <summary>The province returned <paramref name="plan"/> (before the event) for <paramref name="reason"/>: the district corrects it.</summary>
    public static Announce Returned(DistrictPlan plan, string reason, OrganisationTree tree)
    {
        var office = tree.FindDistrict(plan.District)?.Office ?? plan.District;
        return new Announce(new ReminderRaised(
            IdOf(ReminderKinds.PlanReturned, plan),
            ReminderKinds.PlanReturned,
            new ReminderAudience(plan.District, PlatformRoles.DistrictOfficer),
            new BilingualText($"Kế hoạch năm {plan.Year} của {office} bị trả lại", $"The {plan.Year} plan of {office} was returned"),
            new BilingualText($"Tỉnh trả lại kế hoạch năm {plan.Year}. Lý do: {reason}", $"The province returned the {plan.Year} plan. Reason: {reason}"),
            "/plan"));
    }

    /// <summary>Named by the plan and the version its event takes.</summary>
    private static Guid IdOf(string kind, DistrictPlan plan) =>
        ReminderIds.For(kind, plan.Id.ToString("D"), (plan.Version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
}
