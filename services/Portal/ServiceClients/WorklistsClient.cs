using System.Globalization;

namespace BhxhPlatform.Portal.ServiceClients;

/// <summary>
/// The working lists as the portal calls them: follow-ups due and cards to renew (Outreach), overdue plan lines
/// (Planning), each as JSON for the page and as the service's Excel workbook, passed on to the browser.
/// </summary>
public sealed class WorklistsClient(IHttpClientFactory factory)
{
    /// <summary>The lists, by the name the portal's addresses use: which service keeps it and under which path.</summary>
    public static readonly IReadOnlyDictionary<string, (string Service, string Path)> Lists = new Dictionary<string, (string, string)>
    {
        ["follow-ups"] = ("outreach", "worklists/follow-ups"),
        ["renewals"] = ("outreach", "worklists/renewals"),
        ["overdue-lines"] = ("planning", "worklists/overdue-lines"),
    };

    public const string ClientPrefix = "worklists-";

    private HttpClient Http(string service) => factory.CreateClient(ClientPrefix + service);

    private static string PathOf(string list, string unit, bool workbook, string? query)
    {
        var (_, path) = Lists[list];
        return $"/api/units/{Uri.EscapeDataString(unit)}/{path}{(workbook ? "/xlsx" : string.Empty)}{(string.IsNullOrEmpty(query) ? string.Empty : "?" + query)}";
    }

    /// <summary>The follow-ups due within <paramref name="days"/>: the caller's own (<paramref name="mine"/>), one assignee's, or all.</summary>
    public Task<ServiceResult<FollowUpListView>> FollowUpsAsync(string unit, int days, bool mine, string? assignee = null, CancellationToken cancellation = default) =>
        Http("outreach").GetOrProblemAsync<FollowUpListView>("outreach", PathOf("follow-ups", unit, false, FollowUpQuery(days, mine, assignee)), cancellation);

    public Task<ServiceResult<CardRenewalListView>> RenewalsAsync(string unit, int days, EnrolmentScheme? scheme, CancellationToken cancellation = default) =>
        Http("outreach").GetOrProblemAsync<CardRenewalListView>("outreach", PathOf("renewals", unit, false, RenewalQuery(days, scheme)), cancellation);

    /// <summary>The unit's plan lines behind schedule on a day (today in Vietnam when none), worst first; a province's: all its units'.</summary>
    public Task<ServiceResult<OverdueLinesListView>> OverdueLinesAsync(string unit, string? asOf, string? audience, string? linePrefix, CancellationToken cancellation = default) =>
        Http("planning").GetOrProblemAsync<OverdueLinesListView>("planning", PathOf("overdue-lines", unit, false, OverdueLinesQuery(asOf, audience, linePrefix)), cancellation);

    /// <summary>The catalogue's audiences, for the overdue lines' audience filter.</summary>
    public async Task<IReadOnlyList<AudienceView>> AudiencesAsync(CancellationToken cancellation = default) =>
        await Http("planning").GetAsync<List<AudienceView>>("planning", "/api/catalogue/audiences", cancellation) ?? [];

    public Task<ServiceResult<ScheduledFollowUp>> ScheduleFollowUpAsync(string unit, Guid prospect, long version, DateOnly? nextContactOn, string? assignee, CancellationToken cancellation = default) =>
        Http("outreach").PostAsync<ScheduledFollowUp>("outreach", $"/api/units/{Uri.EscapeDataString(unit)}/prospects/{prospect}/follow-up",
            new { version, nextContactOn, assignee }, cancellation);

    public Task<ProspectView?> ProspectAsync(string unit, Guid prospect, CancellationToken cancellation = default) =>
        Http("outreach").GetAsync<ProspectView>("outreach", $"/api/units/{Uri.EscapeDataString(unit)}/prospects/{prospect}", cancellation);

    /// <summary>A list's workbook as the service streams it; the caller disposes the response.</summary>
    public Task<HttpResponseMessage> DownloadAsync(string list, string unit, string? query, CancellationToken cancellation = default)
    {
        var (service, _) = Lists[list];
        return Http(service).GetStreamAsync(service, PathOf(list, unit, true, query), cancellation);
    }

    /// <summary>The query of the follow-ups; "mine" wins over an assignee, as the service reads it.</summary>
    public static string FollowUpQuery(int days, bool mine, string? assignee = null) =>
        $"days={days.ToString(CultureInfo.InvariantCulture)}" +
        (mine ? "&mine=true" : string.IsNullOrWhiteSpace(assignee) ? string.Empty : "&assignee=" + Uri.EscapeDataString(assignee.Trim()));

    public static string RenewalQuery(int days, EnrolmentScheme? scheme) =>
        $"days={days.ToString(CultureInfo.InvariantCulture)}{(scheme is { } s ? "&scheme=" + s : string.Empty)}";

    /// <summary>The overdue lines' query as the page has it, blank filters left out (empty when none); Planning checks the values.</summary>
    public static string OverdueLinesQuery(string? asOf, string? audience, string? linePrefix) =>
        string.Join('&', new (string Name, string? Value)[] { ("asOf", asOf), ("audience", audience), ("linePrefix", linePrefix) }
            .Where(p => !string.IsNullOrWhiteSpace(p.Value))
            .Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!.Trim())}"));
}

/// <summary>Nothing comes back from planning a follow-up (204); the type only names the call's result.</summary>
public sealed record ScheduledFollowUp;

public sealed record FollowUpView(
    Guid ProspectId, DateOnly NextContactOn, int DaysLate, string Assignee, string? FullName, string? Phone, string? Zalo,
    TargetScheme Scheme, ProspectStatus Status, string? CommuneId, Guid? CollectionOrganisationId, string? CollectionOrganisation, long Version);

public sealed record FollowUpListView(DateOnly AsOf, DateOnly Until, int Overdue, IReadOnlyList<FollowUpView> Items);

public sealed record CardRenewalView(
    Guid EnrolmentId, EnrolmentScheme Scheme, int Count, DateOnly EnrolledOn, DateOnly CoverageEndsOn, int DaysLeft, Guid? ProspectId,
    string? FullName, string? Phone, Guid? CollectionOrganisationId, string? CollectionOrganisation, string? RecordedBy);

public sealed record CardRenewalListView(DateOnly AsOf, DateOnly Until, int Cards, int People, IReadOnlyList<CardRenewalView> Items);

/// <summary>A plan line behind schedule, as Planning lists it (the plan's status and the line's frequency kind by their names).</summary>
public sealed record OverdueLineView(
    string Unit, string UnitName, Guid PlanId, string PlanStatus, string Code, string Subject, string AudienceCode, string Audience, string Form,
    string? FrequencyText, string Frequency, int ExpectedYear, int ExpectedByNow, int Logged, int Behind, DateOnly DueOn);

public sealed record OverdueLinesListView(string Unit, string UnitName, int Year, DateOnly AsOf, IReadOnlyList<OverdueLineView> Lines);
