using BhxhPlatform.ServiceDefaults.PersonalData;
using System.Globalization;
using BhxhPlatform.Outreach.Common;
using BhxhPlatform.Outreach.Directory;
using BhxhPlatform.Outreach.Prospects;
using BhxhPlatform.ServiceDefaults.Problems;
using BhxhPlatform.ServiceDefaults.Security;
using BhxhPlatform.ServiceDefaults.Spreadsheets;
using Marten;
using Wolverine.Http;

namespace BhxhPlatform.Outreach.Enrolments;

/// <summary>
/// One card due for renewal. <see cref="FullName"/> and <see cref="Phone"/> are the person's, when the enrolment names
/// one (opened, and the read logged; masked for an auditor; null once erased or for a counted group).
/// </summary>
public sealed record CardRenewal(
    Guid EnrolmentId,
    EnrolmentScheme Scheme,
    int Count,
    DateOnly EnrolledOn,
    DateOnly CoverageEndsOn,
    int DaysLeft,
    Guid? ProspectId,
    string? FullName,
    string? Phone,
    Guid? CollectionOrganisationId,
    string? CollectionOrganisation,
    string? RecordedBy);

/// <summary>The cards of a unit that end from <see cref="AsOf"/> to <see cref="Until"/>, the soonest first.</summary>
public sealed record CardRenewalList(DateOnly AsOf, DateOnly Until, int Cards, int People, IReadOnlyList<CardRenewal> Items);

/// <summary>Reads the renewal list for the JSON and the Excel endpoint alike (each is its own operation of the access matrix).</summary>
public static class CardRenewalLists
{
    public const int MaxDays = 90;
    public const int MaxItems = 5000;

    public static async Task<(CardRenewalList? List, IResult? Problem)> ReadAsync(
        string? asOf, int? days, EnrolmentScheme? scheme, IDocumentSession session, PersonalDataProtector protector, HttpContext context,
        TimeProvider clock, CancellationToken cancellation)
    {
        var check = new Check();
        var from = Formats.LocalDay(clock.GetUtcNow());
        if (asOf is not null && !DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out from))
        {
            check.Add("asOf", "invalid-date", "Ngày phải theo dạng yyyy-MM-dd.", "The date must be yyyy-MM-dd.");
        }

        check.Range("days", days ?? CardRenewals.DaysAhead, 1, MaxDays, "Số ngày tới", "The number of days ahead");
        if (scheme is { } s)
        {
            check.That(Enrolment.IsCard(s), "scheme", "not-a-card", "Loại hình này không có thẻ BHYT để gia hạn.", "This scheme has no health-insurance card to renew.");
        }

        if (!check.IsValid)
        {
            return (null, Results.Problem(check.ToProblem()));
        }

        var until = from.AddDays(days ?? CardRenewals.DaysAhead);
        var query = session.Query<Enrolment>().Where(e => e.CoverageEndsOn >= from && e.CoverageEndsOn <= until);
        if (context.OrganisationScope() is { } own)
        {
            // A collection agent: the cards of its organisation and those it recorded itself.
            var me = context.User.FindFirst(PlatformClaims.UserName)?.Value ?? "";
            query = query.Where(e => e.CollectionOrganisationId == own || e.RecordedBy == me);
        }

        if (scheme is { } only)
        {
            query = query.Where(e => e.Scheme == only);
        }

        var cards = await query.OrderBy(e => e.CoverageEndsOn).ThenBy(e => e.Id).Take(MaxItems).ToListAsync(cancellation);
        var prospects = await session.LoadManyAsync<Prospect>(cancellation, cards.Select(c => c.ProspectId).OfType<Guid>().Distinct());
        var people = (await ProspectPersonalData.OpenAsync(protector, session, prospects, cancellation)).ToDictionary(v => v.Id);
        var masked = context.MasksPersonalData();
        var organisations = (await session.LoadManyAsync<KnownPartner>(cancellation, cards.Select(c => c.CollectionOrganisationId).OfType<Guid>().Distinct()))
            .ToDictionary(p => p.Id, p => p.Name);
        PersonalDataReadLog.Record(session, context, [.. people.Values.Where(v => !v.Erased).Select(v => v.Id)], PersonalDataPurposes.CardRenewalWork);

        var items = cards.Select(c =>
        {
            var person = c.ProspectId is { } p && people.TryGetValue(p, out var view) ? (masked ? view.Masked() : view) : null;
            return new CardRenewal(
                c.Id, c.Scheme, c.Count, c.EnrolledOn, c.CoverageEndsOn!.Value, c.CoverageEndsOn.Value.DayNumber - from.DayNumber,
                c.ProspectId, person?.FullName, person?.Contact?.Phone,
                c.CollectionOrganisationId, c.CollectionOrganisationId is { } o ? organisations.GetValueOrDefault(o) : null, c.RecordedBy);
        }).ToList();
        return (new CardRenewalList(from, until, items.Count, items.Sum(i => i.Count), items), null);
    }

    public static WorkingList Sheet(CardRenewalList list, string unit)
    {
        ArgumentNullException.ThrowIfNull(list);
        static string Day(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        return new WorkingList(
            "Thẻ cần gia hạn",
            "Danh sách thẻ BHYT cần gia hạn",
            [$"Đơn vị: {unit}", $"Thẻ hết hạn từ ngày {Day(list.AsOf)} đến ngày {Day(list.Until)}: {list.Cards} thẻ, {list.People} người"],
            ["Hạn thẻ đến", "Còn (ngày)", "Loại hình", "Số người", "Họ và tên", "Điện thoại", "Ngày tham gia", "Tổ chức dịch vụ thu", "Người ghi nhận", "Mã lượt tham gia"],
            [.. list.Items.Select(i => (IReadOnlyList<ListCell>)
            [
                i.CoverageEndsOn, i.DaysLeft, SchemeName(i.Scheme), i.Count, i.FullName, i.Phone, i.EnrolledOn,
                i.CollectionOrganisation, i.RecordedBy, i.EnrolmentId.ToString("D"),
            ])]);
    }

    public static string SchemeName(EnrolmentScheme scheme) => scheme switch
    {
        EnrolmentScheme.VoluntarySocialInsurance => "BHXH tự nguyện",
        EnrolmentScheme.HouseholdHealthInsurance => "BHYT hộ gia đình",
        EnrolmentScheme.StudentHealthInsurance => "BHYT học sinh, sinh viên",
        _ => "Thẻ BHYT, sổ BHXH được tài trợ",
    };
}

public static class ListCardRenewalsEndpoint
{
    /// <summary>
    /// The unit's health-insurance cards that end within <c>days</c> (30 unless given, at most 90) of <c>asOf</c> (today in
    /// Vietnam unless given), the soonest first: who to call to renew. A collection agent sees its organisation's cards and
    /// those it recorded.
    /// </summary>
    [WolverineGet("/api/units/{unit}/worklists/renewals")]
    [Tags("Working lists")]
    [FiltersByOrganisation]
    public static async Task<IResult> Get(
        string unit, string? asOf, int? days, EnrolmentScheme? scheme, IDocumentSession session, PersonalDataProtector protector, HttpContext context,
        TimeProvider clock, CancellationToken cancellation)
    {
        var (list, problem) = await CardRenewalLists.ReadAsync(asOf, days, scheme, session, protector, context, clock, cancellation);
        return problem ?? Results.Ok(list);
    }
}

public static class DownloadCardRenewalsEndpoint
{
    /// <summary>The same list as an Excel workbook, one row per card.</summary>
    [WolverineGet("/api/units/{unit}/worklists/renewals/xlsx")]
    [Tags("Working lists")]
    [FiltersByOrganisation]
    public static async Task<IResult> Get(
        string unit, string? asOf, int? days, EnrolmentScheme? scheme, IDocumentSession session, PersonalDataProtector protector, HttpContext context,
        TimeProvider clock, CancellationToken cancellation)
    {
        var (list, problem) = await CardRenewalLists.ReadAsync(asOf, days, scheme, session, protector, context, clock, cancellation);
        return problem ?? Results.File(ListWorkbook.Write(CardRenewalLists.Sheet(list!, unit)), ListWorkbook.ContentType,
            $"the-can-gia-han-{unit}-{list!.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.xlsx");
    }
}
