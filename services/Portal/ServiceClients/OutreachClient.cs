using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BhxhPlatform.Contracts;

namespace BhxhPlatform.Portal.ServiceClients;

/// <summary>The Outreach service as the portal calls it (see services/Outreach/README.md): the activity log and its writes.</summary>
public sealed class OutreachClient(HttpClient http)
{
    public const string Service = "outreach";

    public Task<ActivityLogPageView?> ActivitiesAsync(string unit, ActivityFilter filter, string? after = null, int limit = 20, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = new List<string> { $"limit={limit}" };
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("districtPlanId", filter.DistrictPlanId?.ToString());
        Add("line", filter.Line);
        Add("audience", filter.Audience);
        Add("commune", filter.Commune);
        Add("form", filter.Form?.ToString());
        Add("from", filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("includeVoided", filter.IncludeVoided ? "true" : null);
        Add("after", after);
        return http.GetAsync<ActivityLogPageView>(Service, $"/api/units/{Uri.EscapeDataString(unit)}/activities?{string.Join('&', query)}", cancellation);
    }

    public Task<ActivityView?> ActivityAsync(string unit, Guid id, CancellationToken cancellation = default) =>
        http.GetAsync<ActivityView>(Service, $"/api/units/{Uri.EscapeDataString(unit)}/activities/{id}", cancellation);

    public async Task<IReadOnlyList<KnownPartnerView>> KnownPartnersAsync(string unit, CancellationToken cancellation = default) =>
        await http.GetAsync<List<KnownPartnerView>>(Service, $"/api/units/{Uri.EscapeDataString(unit)}/known-partners", cancellation) ?? [];

    public Task<ServiceResult<Created>> LogActivityAsync(string unit, LogActivityRequest activity, CancellationToken cancellation = default) =>
        http.PostAsync<Created>(Service, $"/api/units/{Uri.EscapeDataString(unit)}/activities", activity, cancellation);

    /// <summary>
    /// Outreach's <c>POST activities/batch</c> (all or nothing, at most 200): each activity with its own command id,
    /// so a batch sent again after a lost answer stores nothing more and answers the same ids.
    /// </summary>
    public Task<ServiceResult<LoggedActivities>> LogActivityBatchAsync(string unit, IReadOnlyList<(Guid CommandId, LogActivityRequest Activity)> activities, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var body = new JsonObject
        {
            ["activities"] = new JsonArray([.. activities.Select(a =>
            {
                var activity = JsonSerializer.SerializeToNode(a.Activity, ServiceCalls.Json)!.AsObject();
                activity["commandId"] = a.CommandId;
                return (JsonNode)activity;
            })]),
        };
        return http.PostForAnswerAsync<LoggedActivities>(Service, $"/api/units/{Uri.EscapeDataString(unit)}/activities/batch", body, cancellation);
    }

    public Task<ServiceResult<object>> CorrectActivityAsync(string unit, Guid id, long version, string reason, LogActivityRequest activity, CancellationToken cancellation = default) =>
        http.PostAsync<object>(Service, $"/api/units/{Uri.EscapeDataString(unit)}/activities/{id}/corrections", new { version, reason, activity }, cancellation);

    public Task<ServiceResult<object>> VoidActivityAsync(string unit, Guid id, long version, string reason, CancellationToken cancellation = default) =>
        http.PostAsync<object>(Service, $"/api/units/{Uri.EscapeDataString(unit)}/activities/{id}/void", new { version, reason }, cancellation);
}

/// <summary>The filters of the activity log (days are local days, inclusive).</summary>
public sealed record ActivityFilter(
    Guid? DistrictPlanId = null, string? Line = null, string? Audience = null, string? Commune = null,
    CommunicationForm? Form = null, DateOnly? From = null, DateOnly? To = null, bool IncludeVoided = false);

public enum MediaPlatform { Facebook, Zalo, YouTube, Livestream, Zoom, Website, Newspaper, Radio, Television }

public enum CampaignChannel { Sms, Call }

public sealed record ConferenceDetails(int Attendance, bool? VideoClipShown, bool? GovernmentRepresentativeInvited, bool? BeneficiaryTestified, bool? EthnicLanguageSpeaker);

public sealed record PostDetails(MediaPlatform? Platform, string? Link, long Reach, long? Interactions, long? Shares);

public sealed record CampaignDetails(CampaignChannel? Channel, int ContactsAttempted, int ContactsReached);

public sealed record MaterialHandedOut(string Kind, int Count);

/// <summary>The body of <c>POST activities</c> (and the <c>activity</c> of a correction), as Outreach's <c>LogActivity</c>; also an activity's details as Outreach reads them back.</summary>
public sealed record LogActivityRequest(
    Guid DistrictPlanId,
    string PlanLineCode,
    string AudienceCode,
    CommunicationForm Form,
    string? CommuneId,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    int PeopleReached,
    string Summary,
    IReadOnlyList<string> TeamMembers,
    IReadOnlyList<Guid> PartnerIds,
    IReadOnlyList<MaterialHandedOut> Materials,
    ConferenceDetails? Conference,
    PostDetails? Post,
    CampaignDetails? Campaign);

public sealed record ActivityView(Guid Id, LogActivityRequest Details, int Corrections, bool Voided, string? VoidReason, long Version, bool OutsideOfficeHours);

/// <summary>Outreach's answer to a batch: the activities' ids, in the order sent.</summary>
public sealed record LoggedActivities(IReadOnlyList<Guid> Ids);

public sealed record ActivityLogPageView(IReadOnlyList<ActivityView> Items, string? Next);

/// <summary>A partner organisation as Outreach knows it; <paramref name="Status"/> Active, Suspended or Dissolved.</summary>
public sealed record KnownPartnerView(Guid Id, string Name, string PartnerType, string? CommuneId, string Status = "Active")
{
    public bool IsActive => Status == "Active";
}
