using BhxhPlatform.Outreach.Activities;
using BhxhPlatform.Outreach.Common;
using BhxhPlatform.Outreach.Directory;
using BhxhPlatform.Outreach.Prospects;
using BhxhPlatform.ServiceDefaults.Commands;
using BhxhPlatform.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using BhxhPlatform.ServiceDefaults.Messaging;

namespace BhxhPlatform.Outreach.Enrolments;

/// <summary>
/// Record people who enrolled: either one person (<see cref="ProspectId"/>) or a count. The
/// sponsor is required for sponsored cards and books. A health-insurance card names the last day it is valid
/// (<see cref="CoverageEndsOn"/>), so that it is renewed in time.
/// </summary>
public sealed record RecordEnrolment(
    EnrolmentScheme? Scheme,
    DateOnly EnrolledOn,
    int? Count = null,
    Guid? ProspectId = null,
    Guid? ActivityId = null,
    Guid? CollectionOrganisationId = null,
    Guid? SponsorId = null,
    Guid? CommandId = null,
    DateOnly? CoverageEndsOn = null);

/// <summary>
/// An enrolment named by a command id (the body's <c>commandId</c> or the <c>X-Command-Id</c>
/// header): the id it gets and what an earlier send of the same command stored under it.
/// </summary>
public sealed record EnrolmentCommand(Guid? Id, EnrolmentRecorded? StoredBefore, bool HeaderAndBodyDiffer)
{
    public const string Kind = "enrolment";

    public static async Task<EnrolmentCommand> LoadAsync(RecordEnrolment command, string unit, HttpContext http, IQuerySession session, CancellationToken cancellation)
    {
        var commandId = CommandIds.Of(http, command.CommandId, out var differ);
        if (commandId is not { } named)
        {
            return new EnrolmentCommand(null, null, differ);
        }

        var id = CommandIds.StreamId(unit, Kind, named);
        var stream = await session.Events.FetchStreamAsync(id, version: 1, token: cancellation);
        var first = stream.Count > 0 ? stream[0] : null;
        return new EnrolmentCommand(id, first?.Data as EnrolmentRecorded, differ);
    }

    /// <summary>Whether the earlier send stored what <paramref name="command"/> says now.</summary>
    public bool Matches(RecordEnrolment command) =>
        StoredBefore is { } stored &&
        stored.Scheme == command.Scheme &&
        stored.EnrolledOn == command.EnrolledOn &&
        stored.ProspectId == command.ProspectId &&
        stored.Count == (command.ProspectId is null ? command.Count : 1) &&
        stored.ActivityId == command.ActivityId &&
        stored.CollectionOrganisationId == command.CollectionOrganisationId &&
        stored.SponsorId == command.SponsorId &&
        stored.CoverageEndsOn == command.CoverageEndsOn;
}

/// <summary>What an enrolment refers to, loaded once so that the rules stay pure.</summary>
public sealed record EnrolmentReferences(
    IReadOnlyDictionary<Guid, Activity> Activities,
    IReadOnlyDictionary<Guid, Prospect> Prospects,
    IReadOnlyDictionary<Guid, KnownPartner> Partners)
{
    public static async Task<EnrolmentReferences> LoadAsync(IQuerySession session, IReadOnlyCollection<RecordEnrolment> commands, CancellationToken cancellation)
    {
        static Guid[] Ids(IEnumerable<Guid?> ids) => ids.OfType<Guid>().Where(g => g != Guid.Empty).Distinct().ToArray();

        var activities = await session.LoadManyAsync<Activity>(cancellation, Ids(commands.Select(c => c.ActivityId)));
        var prospects = await session.LoadManyAsync<Prospect>(cancellation, Ids(commands.Select(c => c.ProspectId)));
        var partners = await session.LoadManyAsync<KnownPartner>(
            cancellation, Ids(commands.Select(c => c.CollectionOrganisationId).Concat(commands.Select(c => c.SponsorId))));
        return new(activities.ToDictionary(a => a.Id), prospects.ToDictionary(p => p.Id), partners.ToDictionary(p => p.Id));
    }
}

public static class EnrolmentRules
{
    public const int MaxCount = 100_000;

    /// <summary>The longest a card bought at once may run, from the day of enrolment (12 months paid, started up to 6 months ahead).</summary>
    public const int MaxCoverageMonths = 18;

    public static Check Enrolment(this Check check, RecordEnrolment command, DateOnly today, EnrolmentReferences references, string prefix = "")
    {
        check
            .That(command.Scheme is not null, prefix + "scheme", "required", "Loại hình tham gia không được để trống.", "The scheme is required.")
            .That(command.EnrolledOn != default, prefix + "enrolledOn", "required", "Ngày tham gia không được để trống.", "The enrolment date is required.")
            .That(command.EnrolledOn <= today, prefix + "enrolledOn", "in-future", "Ngày tham gia không được ở tương lai.", "The enrolment date cannot be in the future.");

        if (command.ProspectId is { } prospectId)
        {
            check
                .That(command.Count is null or 1, prefix + "count", "one-person", "Ghi theo người thì số lượng là 1.", "An enrolment of one person counts 1.")
                .That(references.Prospects.ContainsKey(prospectId), prefix + "prospectId", "unknown-prospect",
                    "Không tìm thấy người được vận động này trong đơn vị.", "There is no such prospect in this unit.");
        }
        else
        {
            check.That(command.Count is not null, prefix + "count", "required",
                "Cần số lượng người hoặc mã người được vận động.", "Either a count or a prospect is required.");
            if (command.Count is { } count)
            {
                check.Range(prefix + "count", count, 1, MaxCount, "Số người tham gia", "Number enrolled");
            }
        }

        if (command.ActivityId is { } activityId)
        {
            check.That(references.Activities.TryGetValue(activityId, out var activity) && !activity.Voided, prefix + "activityId", "unknown-activity",
                "Không tìm thấy hoạt động này (hoặc hoạt động đã bị hủy).", "There is no such activity (or it was voided).");
        }

        if (command.CollectionOrganisationId is { } organisationId)
        {
            check.That(references.Partners.TryGetValue(organisationId, out var organisation) && organisation.IsCollectionServiceOrganisation,
                prefix + "collectionOrganisationId", "not-a-collection-organisation",
                "Đơn vị này không phải tổ chức dịch vụ thu đã đăng ký.", "This is not a registered collection-service organisation.");
        }

        if (command.Scheme == EnrolmentScheme.SponsoredCard)
        {
            check.That(command.SponsorId is not null, prefix + "sponsorId", "required",
                "Thẻ, sổ được tài trợ phải ghi nhà tài trợ.", "A sponsored card or book needs its sponsor.");
        }

        if (command.CoverageEndsOn is { } ends)
        {
            check
                .That(command.Scheme is null || Enrolments.Enrolment.IsCard(command.Scheme.Value), prefix + "coverageEndsOn", "not-a-card",
                    "Chỉ thẻ BHYT mới có hạn thẻ; BHXH tự nguyện không ghi hạn thẻ.", "Only a health-insurance card has an end date; voluntary social insurance has none.")
                .That(ends > command.EnrolledOn, prefix + "coverageEndsOn", "before-enrolment",
                    "Hạn thẻ phải sau ngày tham gia.", "The card must end after the day of enrolment.")
                .That(ends <= command.EnrolledOn.AddMonths(MaxCoverageMonths), prefix + "coverageEndsOn", "too-long",
                    $"Hạn thẻ không quá {MaxCoverageMonths} tháng kể từ ngày tham gia.", $"A card runs at most {MaxCoverageMonths} months from the day of enrolment.");
        }

        if (command.SponsorId is { } sponsorId)
        {
            check.That(references.Partners.ContainsKey(sponsorId), prefix + "sponsorId", "unknown-sponsor",
                "Nhà tài trợ chưa được đăng ký là đối tác.", "The sponsor is not a registered partner.");
        }

        return check;
    }

    public static EnrolmentRecorded Recorded(Guid id, RecordEnrolment command, EnrolmentReferences references, string? importRowKey)
    {
        var activity = command.ActivityId is { } a ? references.Activities[a] : null;
        return new EnrolmentRecorded(
            id,
            command.Scheme!.Value,
            command.ProspectId is null ? command.Count!.Value : 1,
            command.EnrolledOn,
            command.ProspectId,
            command.ActivityId,
            activity?.Details.DistrictPlanId,
            activity?.Details.PlanLineCode,
            command.CollectionOrganisationId,
            command.SponsorId,
            importRowKey,
            command.CoverageEndsOn);
    }
}

public static class RecordEnrolmentEndpoint
{
    public static async Task<(EnrolmentReferences, EnrolmentCommand)> LoadAsync(
        RecordEnrolment command, string unit, HttpContext http, IQuerySession session, CancellationToken cancellation) =>
        (await EnrolmentReferences.LoadAsync(session, [command], cancellation),
         await EnrolmentCommand.LoadAsync(command, unit, http, session, cancellation));

    public static ProblemDetails Validate(RecordEnrolment command, EnrolmentReferences references, EnrolmentCommand named, TimeProvider clock)
    {
        if (named.HeaderAndBodyDiffer)
        {
            return ProblemResults.Validation([CommandIds.HeaderAndBodyDiffer("commandId")]);
        }

        if (named.StoredBefore is not null)
        {
            // A retry is answered as the first send was; the same command id cannot store another enrolment.
            return named.Matches(command)
                ? WolverineContinue.NoProblems
                : ProblemResults.Validation([new FieldError("commandId", "command-id-reused",
                    "Mã lệnh này đã được dùng để ghi một lượt tham gia khác. Dùng mã lệnh mới cho lượt mới.",
                    "This command id already stored another enrolment. Use a new command id for a new one.")]);
        }

        return new Check().Enrolment(command, Formats.LocalDay(clock.GetUtcNow()), references).ToProblem();
    }

    [WolverinePost("/api/units/{unit}/enrolments")]
    [Tags("Enrolments")]
    public static (CreationResponse<Guid>, Announce, OutgoingMessages) Post(
        RecordEnrolment command, EnrolmentReferences references, EnrolmentCommand named, string unit, IDocumentSession session, HttpContext context,
        TimeProvider clock)
    {
        var id = named.Id ?? Guid.CreateVersion7();
        var response = new CreationResponse<Guid>($"/api/units/{unit}/enrolments/{id}", id);
        var renewals = new OutgoingMessages();
        if (named.StoredBefore is not null)
        {
            return (response, Announce.Nothing, renewals);
        }

        var recorded = EnrolmentRules.Recorded(id, command, references, importRowKey: null);
        session.Events.StartStream<Enrolment>(id, recorded);
        CardRenewals.Schedule(renewals, [recorded], CardRenewals.AudienceOf(unit, context, recorded.CollectionOrganisationId), clock.GetUtcNow());
        return (response, new Announce(Enrolment.Announce(recorded)), renewals);
    }
}

public static class GetEnrolmentEndpoint
{
    [WolverineGet("/api/units/{unit}/enrolments/{id}")]
    [Tags("Enrolments")]
    public static Enrolment Get([ReadAggregate] Enrolment enrolment) => enrolment;
}
