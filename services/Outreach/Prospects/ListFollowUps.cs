using BhxhPlatform.ServiceDefaults.PersonalData;
using System.Globalization;
using BhxhPlatform.Outreach.Common;
using BhxhPlatform.Outreach.Directory;
using BhxhPlatform.ServiceDefaults.Problems;
using BhxhPlatform.ServiceDefaults.Security;
using BhxhPlatform.ServiceDefaults.Spreadsheets;
using Marten;
using Wolverine.Http;

namespace BhxhPlatform.Outreach.Prospects;

/// <summary>
/// One prospect to contact again: when (<see cref="DaysLate"/> above 0 when the day has passed), by whom, and how to
/// reach them (opened, the read logged; masked for an auditor).
/// </summary>
public sealed record FollowUp(
    Guid ProspectId,
    DateOnly NextContactOn,
    int DaysLate,
    string Assignee,
    string? FullName,
    string? Phone,
    string? Zalo,
    TargetScheme Scheme,
    ProspectStatus Status,
    string? CommuneId,
    Guid? CollectionOrganisationId,
    string? CollectionOrganisation,
    long Version);

/// <summary>The open prospects whose next contact falls on or before <see cref="Until"/>, the latest overdue first.</summary>
public sealed record FollowUpList(DateOnly AsOf, DateOnly Until, int Overdue, IReadOnlyList<FollowUp> Items);

public static class FollowUpLists
{
    public const int DefaultDays = 7;
    public const int MaxDays = 90;
    public const int MaxItems = 5000;

    public static async Task<(FollowUpList? List, IResult? Problem)> ReadAsync(
        string? asOf, int? days, string? assignee, bool? mine, IDocumentSession session, PersonalDataProtector protector, HttpContext context,
        TimeProvider clock, CancellationToken cancellation)
    {
        var check = new Check();
        var today = Formats.LocalDay(clock.GetUtcNow());
        if (asOf is not null && !DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out today))
        {
            check.Add("asOf", "invalid-date", "Ngày phải theo dạng yyyy-MM-dd.", "The date must be yyyy-MM-dd.");
        }

        check.Range("days", days ?? DefaultDays, 0, MaxDays, "Số ngày tới", "The number of days ahead");
        check.Text("assignee", assignee, "Người phụ trách", "Assignee", maxLength: 100, required: false);
        if (!check.IsValid)
        {
            return (null, Results.Problem(check.ToProblem()));
        }

        var until = today.AddDays(days ?? DefaultDays);
        var query = session.Query<Prospect>().Where(p =>
            p.NextContactOn != null && p.NextContactOn <= until && p.ErasedAt == null
            && (p.Status == ProspectStatus.Contacted || p.Status == ProspectStatus.HandedOff));
        if (context.OrganisationScope() is { } own)
        {
            query = query.Where(p => p.CollectionOrganisationId == own);
        }

        var who = mine == true ? context.User.FindFirst(PlatformClaims.UserName)?.Value ?? "" : assignee;
        if (!string.IsNullOrWhiteSpace(who))
        {
            query = query.Where(p => p.FollowUpAssignee == who);
        }

        var prospects = await query.OrderBy(p => p.NextContactOn).ThenBy(p => p.Id).Take(MaxItems).ToListAsync(cancellation);
        var views = await ProspectPersonalData.OpenAsync(protector, session, prospects, cancellation);
        PersonalDataReadLog.Record(session, context, [.. views.Where(v => !v.Erased).Select(v => v.Id)], PersonalDataPurposes.FollowUpWork);
        var masked = context.MasksPersonalData();
        var organisations = (await session.LoadManyAsync<KnownPartner>(cancellation, prospects.Select(p => p.CollectionOrganisationId).OfType<Guid>().Distinct()))
            .ToDictionary(p => p.Id, p => p.Name);
        var items = views.Select(v => masked ? v.Masked() : v).Select(v => new FollowUp(
            v.Id, v.NextContactOn!.Value, today.DayNumber - v.NextContactOn.Value.DayNumber, v.FollowUpAssignee ?? "",
            v.FullName, v.Contact?.Phone, v.Contact?.Zalo, v.Scheme, v.Status, v.CommuneId,
            v.CollectionOrganisationId, v.CollectionOrganisationId is { } o ? organisations.GetValueOrDefault(o) : null, v.Version)).ToList();
        return (new FollowUpList(today, until, items.Count(i => i.DaysLate > 0), items), null);
    }

    public static WorkingList Sheet(FollowUpList list, string unit)
    {
        ArgumentNullException.ThrowIfNull(list);
        static string Day(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        return new WorkingList(
            "Cần liên hệ lại",
            "Danh sách người cần liên hệ lại",
            [$"Đơn vị: {unit}", $"Hẹn liên hệ đến ngày {Day(list.Until)}, tính đến ngày {Day(list.AsOf)}: {list.Items.Count} người, {list.Overdue} người đã quá hẹn"],
            ["Ngày hẹn liên hệ", "Quá hẹn (ngày)", "Người phụ trách", "Họ và tên", "Điện thoại", "Zalo", "Vận động tham gia", "Trạng thái", "Xã, phường", "Tổ chức dịch vụ thu", "Mã người được vận động"],
            [.. list.Items.Select(i => (IReadOnlyList<ListCell>)
            [
                i.NextContactOn, Math.Max(i.DaysLate, 0), i.Assignee, i.FullName, i.Phone, i.Zalo, SchemeName(i.Scheme), StatusName(i.Status),
                i.CommuneId, i.CollectionOrganisation, i.ProspectId.ToString("D"),
            ])]);
    }

    public static string SchemeName(TargetScheme scheme) => scheme switch
    {
        TargetScheme.VoluntarySocialInsurance => "BHXH tự nguyện",
        TargetScheme.HouseholdHealthInsurance => "BHYT hộ gia đình",
        _ => "Bảo lưu thời gian đóng (không nhận BHXH một lần)",
    };

    public static string StatusName(ProspectStatus status) => status switch
    {
        ProspectStatus.Contacted => "Đã tiếp xúc",
        ProspectStatus.HandedOff => "Đã bàn giao cho tổ chức dịch vụ thu",
        ProspectStatus.Enrolled => "Đã tham gia",
        ProspectStatus.Declined => "Từ chối",
        _ => "Không liên lạc được",
    };
}

public static class ListFollowUpsEndpoint
{
    /// <summary>
    /// Whom to contact again: the unit's open prospects whose next contact is due by <c>days</c> (7 unless given) after
    /// <c>asOf</c> (today in Vietnam unless given), the most overdue first; by one <c>assignee</c>, or <c>mine=true</c>.
    /// A collection agent sees those handed to its organisation.
    /// </summary>
    [WolverineGet("/api/units/{unit}/worklists/follow-ups")]
    [Tags("Working lists")]
    [FiltersByOrganisation]
    public static async Task<IResult> Get(
        string unit, string? asOf, int? days, string? assignee, bool? mine, IDocumentSession session, PersonalDataProtector protector, HttpContext context,
        TimeProvider clock, CancellationToken cancellation)
    {
        var (list, problem) = await FollowUpLists.ReadAsync(asOf, days, assignee, mine, session, protector, context, clock, cancellation);
        return problem ?? Results.Ok(list);
    }
}

public static class DownloadFollowUpsEndpoint
{
    /// <summary>The same list as an Excel workbook, one row per person.</summary>
    [WolverineGet("/api/units/{unit}/worklists/follow-ups/xlsx")]
    [Tags("Working lists")]
    [FiltersByOrganisation]
    public static async Task<IResult> Get(
        string unit, string? asOf, int? days, string? assignee, bool? mine, IDocumentSession session, PersonalDataProtector protector, HttpContext context,
        TimeProvider clock, CancellationToken cancellation)
    {
        var (list, problem) = await FollowUpLists.ReadAsync(asOf, days, assignee, mine, session, protector, context, clock, cancellation);
        return problem ?? Results.File(ListWorkbook.Write(FollowUpLists.Sheet(list!, unit)), ListWorkbook.ContentType,
            $"lien-he-lai-{unit}-{list!.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.xlsx");
    }
}
