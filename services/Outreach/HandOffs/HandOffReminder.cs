using System.Globalization;
using BhxhPlatform.Contracts.Reminders;
using BhxhPlatform.Outreach.Directory;
using BhxhPlatform.ServiceDefaults.Security;

namespace BhxhPlatform.Outreach.HandOffs;

/// <summary>A hand-off reaches the collection agents of the organisation that received it, in the unit that handed it off.</summary>
public static class HandOffReminder
{
    public static ReminderRaised For(Guid batchId, string unit, KnownPartner organisation, int prospectCount, DateOnly handedOffOn)
    {
        var day = handedOffOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        return new ReminderRaised(
            ReminderIds.For(ReminderKinds.HandOffReceived, batchId.ToString("D")),
            ReminderKinds.HandOffReceived,
            new ReminderAudience(unit, PlatformRoles.CollectionAgent, organisation.Id),
            new BilingualText($"{organisation.Name} nhận bàn giao {prospectCount} người", $"{organisation.Name} received {prospectCount} prospects"),
            new BilingualText(
                $"Ngày {day}, BHXH đã bàn giao {prospectCount} người cần tiếp tục vận động cho {organisation.Name}. Xin liên hệ và báo kết quả.",
                $"On {day} the office handed {prospectCount} prospects to {organisation.Name} to follow up. Please contact them and report the outcomes."),
            $"/collection/hand-offs/{batchId:D}");
    }
}
