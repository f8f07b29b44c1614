using System.Net;
using System.Text;
using System.Text.Json;
using BhxhPlatform.Contracts;

namespace BhxhPlatform.DemoData;

/// <summary>Outreach's part: three months of activities, prospects, the hand-off and its outcomes, enrolments.</summary>
public sealed partial class DemoLoader
{
    public const int ProspectsPerUnit = 6;
    public const int HandedOff = 4;

    /// <summary>
    /// The unit's activities in one batch (one transaction in Outreach), so the unit's activity log is
    /// empty or complete: an activity in it means the step is done.
    /// </summary>
    private async Task LogActivitiesAsync(DemoUnit unit, CancellationToken cancellation)
    {
        var log1 = await api.GetAsync(unit.Actor, Outreach, $"/api/units/{unit.Id}/activities?limit=1", cancellation);
        if (log1.GetProperty("items").GetArrayLength() > 0)
        {
            return;
        }

        var officerName = unit.Actor == Admin ? $"Cán bộ truyền thông BHXH {unit.InSentence}" : await DisplayNameAsync(unit, cancellation);
        var activities = ActivitySchedule.For(unit.Id, unit.InSentence, unit.PlanId, unit.Lines, unit.Communes,
            [unit.Partners[WomenUnion], unit.Partners[CommuneCommittee]], officerName, Now);
        if (activities.Count > 200)
        {
            throw new DemoDataException($"{unit.Id}: {activities.Count} activities do not fit one batch of 200.");
        }

        // Outreach learns the approved plan by message (DistrictPlanApproved): until it has, it may refuse the plan's lines.
        ApiAnswer? answer = null;
        await DemoApi.UntilAsync($"Outreach to take {unit.Id}'s activities", async () =>
        {
            answer = await api.TryPostAsync(unit.Actor, Outreach, $"/api/units/{unit.Id}/activities/batch", new { Activities = activities }, cancellation);
            return answer.Succeeded || (answer.Status != HttpStatusCode.BadRequest && answer.Status != HttpStatusCode.Conflict
                && answer.Status != HttpStatusCode.UnprocessableEntity);
        }, cancellation, TimeSpan.FromMinutes(1)).ConfigureAwait(false);
        if (answer is not { Succeeded: true })
        {
            throw new DemoDataException($"{unit.Id}: the activities were refused: {answer?.Status} {answer?.Body}");
        }

        await log.WriteLineAsync($"{unit.Id}: {activities.Count} activities logged by {unit.Actor}");
    }

    private async Task<string> DisplayNameAsync(DemoUnit unit, CancellationToken cancellation)
    {
        var accounts = await api.FindAsync(Admin, Identity, $"/api/units/{unit.Id}/accounts", cancellation);
        var account = accounts?.EnumerateArray().FirstOrDefault(a => a.TryGetProperty("userName", out var u) && u.GetString() == unit.Actor);
        return account is { ValueKind: JsonValueKind.Object } found && found.TryGetProperty("displayName", out var name) ? name.GetString()! : unit.Actor;
    }

    private async Task<Guid> FirstActivityAsync(DemoUnit unit, CommunicationForm form, CancellationToken cancellation)
    {
        var page = await api.GetAsync(unit.Actor, Outreach, $"/api/units/{unit.Id}/activities?form={form}&limit=1", cancellation);
        return page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).First();
    }

    /// <summary>People met at the unit's first advisory visit; a phone already recorded in the unit answers 409 with the prospect's id.</summary>
    private async Task<IReadOnlyList<Guid>> RecordProspectsAsync(DemoUnit unit, CancellationToken cancellation)
    {
        var activity = await api.GetAsync(unit.Actor, Outreach, $"/api/units/{unit.Id}/activities/{await FirstActivityAsync(unit, CommunicationForm.DirectContact, cancellation)}", cancellation);
        var details = activity.GetProperty("details");
        var met = details.GetProperty("endedAt").GetDateTimeOffset();
        var random = new Random(DemoNames.Seed(unit.Id, "prospects"));
        var schemes = new[] { "VoluntarySocialInsurance", "HouseholdHealthInsurance", "KeepContributionTime" };
        var ids = new List<Guid>();
        for (var i = 0; i < ProspectsPerUnit; i++)
        {
            var commune = DemoNames.Pick(random, unit.Communes);
            var phone = DemoNames.Phone(random);
            var prospect = new
            {
                FullName = DemoNames.Person(random),
                ConsentGiven = true,
                ConsentMethod = i % 3 == 0 ? "Written" : "Verbal",
                ConsentRecordedAt = met,
                TargetScheme = schemes[i % schemes.Length],
                Address = $"Tổ {1 + random.Next(20)}, khu phố {1 + random.Next(8)}, {commune.Name}, {unit.InSentence}, tỉnh Đồng Nai",
                Phone = phone,
                Zalo = i % 2 == 0 ? phone : null,
                ActivityId = activity.GetProperty("id").GetGuid(),
                CommuneId = commune.Id,
                // Every other person is to be called back within the week: the officer's follow-up list has people on it.
                NextContactOn = i % 2 == 1 ? Today.AddDays(i % 7) : (DateOnly?)null,
            };
            var answer = await api.TryPostAsync(unit.Actor, Outreach, $"/api/units/{unit.Id}/prospects", prospect, cancellation);
            ids.Add(answer.Succeeded ? answer.Id
                : answer.Status == HttpStatusCode.Conflict && answer.ProblemCode == "duplicate-prospect"
                    ? answer.Body.GetProperty("existingProspectId").GetGuid()
                    : throw new DemoDataException($"{unit.Id}: a prospect was refused: {(int)answer.Status} {answer.Body}"));
        }

        return ids;
    }

    /// <summary>The officer hands prospects to the post office; its agent acknowledges and reports what became of them.</summary>
    private async Task HandOffAsync(DemoUnit unit, IReadOnlyList<Guid> prospects, CancellationToken cancellation)
    {
        var organisation = unit.Partners[CollectionOrganisation];
        var batches = await api.GetAsync(unit.Actor, Outreach, $"/api/units/{unit.Id}/hand-offs?organisationId={organisation}", cancellation);
        var handedOffOn = Today.AddDays(-7);
        var batchId = batches.GetArrayLength() > 0
            ? batches[0].GetProperty("id").GetGuid()
            : (await api.PostAsync(unit.Actor, Outreach, $"/api/units/{unit.Id}/hand-offs",
                new { CollectionOrganisationId = organisation, ProspectIds = prospects.Take(HandedOff).ToList(), HandedOffOn = handedOffOn }, cancellation)).Id;

        var path = $"/api/units/{unit.Id}/hand-offs/{batchId}";
        var batch = await api.GetAsync(AgentAccount, Outreach, path, cancellation);
        if (batch.GetProperty("acknowledgedOn").ValueKind == JsonValueKind.Null)
        {
            await api.PostAsync(AgentAccount, Outreach, $"{path}/acknowledgement",
                new { Version = batch.GetProperty("version").GetInt64(), AcknowledgedOn = handedOffOn.AddDays(1) }, cancellation);
            batch = await api.GetAsync(AgentAccount, Outreach, path, cancellation);
        }

        if (batch.GetProperty("outcomes").GetArrayLength() == 0)
        {
            var outcomes = new[] { "Enrolled", "Enrolled", "Declined", "Unreachable" };
            var ids = batch.GetProperty("prospectIds").EnumerateArray().Select(p => p.GetGuid()).ToList();
            await api.PostAsync(AgentAccount, Outreach, $"{path}/outcomes", new
            {
                Version = batch.GetProperty("version").GetInt64(),
                ReportedOn = Today.AddDays(-2),
                Outcomes = ids.Select((id, i) => new { ProspectId = id, Outcome = outcomes[i % outcomes.Length] }).ToList(),
            }, cancellation);
            await log.WriteLineAsync($"{unit.Id}: hand-off outcomes reported by {AgentAccount}");
        }
    }

    /// <summary>
    /// A card bought for a paid period: the first few end within the month (the renewal list has cards on it), the rest
    /// later; never before the day after enrolment.
    /// </summary>
    private DateOnly CardEnd(DateOnly enrolledOn, Random random)
    {
        var end = Today.AddDays(3 + random.Next(45));
        return end > enrolledOn ? end : enrolledOn.AddMonths(3);
    }

    /// <summary>An enrolment list as the post office (the collection-service organisation) sends it; Outreach records each row id once.</summary>
    private async Task ImportEnrolmentsAsync(DemoUnit unit, CancellationToken cancellation)
    {
        var conference = await FirstActivityAsync(unit, CommunicationForm.Conference, cancellation);
        var visit = await FirstActivityAsync(unit, CommunicationForm.DirectContact, cancellation);
        var random = new Random(DemoNames.Seed(unit.Id, "enrolments"));
        var (from, _) = ActivitySchedule.Window(Now);
        var days = Math.Max(1, Today.DayNumber - DateOnly.FromDateTime(from.DateTime).DayNumber);
        var csv = new StringBuilder("rowId,scheme,count,prospectId,enrolledOn,activityId,sponsorId,coverageEndsOn\n");
        var schemes = new[] { "VoluntarySocialInsurance", "HouseholdHealthInsurance", "StudentHealthInsurance" };
        for (var i = 0; i < 9; i++)
        {
            var on = Today.AddDays(-random.Next(days));
            csv.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"demo-{unit.Id}-{i + 1:D2},{schemes[i % schemes.Length]},{1 + random.Next(12)},,{Day(on)},{(i % 2 == 0 ? conference : visit)},,{(i % 3 == 0 ? string.Empty : Day(CardEnd(on, random)))}\n");
        }

        await api.PostCsvAsync(unit.Actor, Outreach, $"/api/units/{unit.Id}/enrolment-imports?organisationId={unit.Partners[CollectionOrganisation]}", csv.ToString(), cancellation);
    }
}
