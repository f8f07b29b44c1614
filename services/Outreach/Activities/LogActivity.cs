using BhxhPlatform.Contracts;
using BhxhPlatform.Contracts.Outreach;
using BhxhPlatform.Outreach.Common;
using BhxhPlatform.ServiceDefaults.Messaging;
using BhxhPlatform.ServiceDefaults.Problems;
using BhxhPlatform.ServiceDefaults.Security;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Outreach.Activities;

/// <summary>
/// Log a communication activity against a line of a district plan. The form-specific details are
/// optional sub-records, each required by its form: <see cref="Conference"/> for a conference,
/// <see cref="Post"/> for mass media and social networks, <see cref="Campaign"/> for SMS and calls.
/// </summary>
public sealed record LogActivity(
    Guid DistrictPlanId,
    string PlanLineCode,
    string AudienceCode,
    CommunicationForm? Form,
    string? CommuneId,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    int PeopleReached,
    string Summary,
    IReadOnlyList<string>? TeamMembers = null,
    IReadOnlyList<Guid>? PartnerIds = null,
    IReadOnlyList<MaterialHandedOut>? Materials = null,
    ConferenceDetails? Conference = null,
    PostDetails? Post = null,
    CampaignDetails? Campaign = null,
    Guid? CommandId = null)
{
    public ActivityDetails ToDetails() => new(
        DistrictPlanId,
        PlanLineCode.Trim(),
        AudienceCode.Trim(),
        Form!.Value,
        string.IsNullOrWhiteSpace(CommuneId) ? null : CommuneId.Trim(),
        StartedAt,
        EndedAt,
        PeopleReached,
        Summary.Trim(),
        TeamMembers?.Select(m => m.Trim()).ToList() ?? [],
        PartnerIds?.Distinct().ToList() ?? [],
        Materials?.Select(m => m with { Kind = m.Kind.Trim() }).ToList() ?? [],
        Conference,
        Post is null ? null : Post with { Link = Post.Link!.Trim() },
        Campaign);
}

/// <summary>The rules an activity must meet, whether logged or corrected.</summary>
public static class ActivityRules
{
    /// <summary>The audience code of religious communities, ethnic minorities and mountain areas.</summary>
    public const string EthnicMinorityAudience = "3.9";

    /// <summary>The most partners, or kinds of material, one activity may list.</summary>
    public const int MaxListItems = 50;

    public static Check Activity(this Check check, LogActivity? command, string prefix = "")
    {
        if (command is null)
        {
            return check.Add(prefix.TrimEnd('.'), "required", "Hoạt động không được để trống.", "The activity is required.");
        }

        check
            .Required(prefix + "districtPlanId", (Guid?)command.DistrictPlanId, "Kế hoạch của đơn vị", "The unit's plan")
            .Text(prefix + "planLineCode", command.PlanLineCode, "Mã dòng kế hoạch", "Plan line code", maxLength: 20)
            .Text(prefix + "audienceCode", command.AudienceCode, "Mã đối tượng", "Audience code", maxLength: 10)
            .That(command.Form is not null, prefix + "form", "required", "Hình thức truyền thông không được để trống.", "Form of communication is required.")
            .Text(prefix + "communeId", command.CommuneId, "Xã, phường", "Commune", maxLength: 100, required: false)
            .That(command.StartedAt != default, prefix + "startedAt", "required", "Thời gian bắt đầu không được để trống.", "The start time is required.")
            .Instant(prefix + "startedAt", command.StartedAt == default ? null : command.StartedAt, "Thời gian bắt đầu", "The start time")
            .Instant(prefix + "endedAt", command.EndedAt == default ? null : command.EndedAt, "Thời gian kết thúc", "The end time")
            .That(command.EndedAt != default, prefix + "endedAt", "required", "Thời gian kết thúc không được để trống.", "The end time is required.")
            .That(command.EndedAt >= command.StartedAt, prefix + "endedAt", "before-start",
                "Thời gian kết thúc phải sau thời gian bắt đầu.", "The end must not be before the start.")
            .That(command.EndedAt - command.StartedAt <= TimeSpan.FromDays(31), prefix + "endedAt", "too-long",
                "Một hoạt động không kéo dài quá 31 ngày.", "An activity lasts at most 31 days.")
            .Count(prefix + "peopleReached", command.PeopleReached, "Số người được tiếp cận", "People reached")
            .Text(prefix + "summary", command.Summary, "Nội dung", "Summary", maxLength: 4000);

        var team = command.TeamMembers ?? [];
        if (command.Form == CommunicationForm.DirectContact && team.Count is < 2 or > 4)
        {
            check.Add(prefix + "teamMembers", "team-size",
                "Tổ tư vấn trực tiếp phải có từ 2 đến 4 người.", "A direct-contact advisory team has 2 to 4 people.");
        }

        check.That(team.Count <= 50, prefix + "teamMembers", "too-many", "Tối đa 50 thành viên.", "At most 50 team members.");
        for (var i = 0; i < team.Count; i++)
        {
            check.Text($"{prefix}teamMembers[{i}]", team[i], "Thành viên tổ", "Team member", maxLength: 200);
        }

        var partners = command.PartnerIds ?? [];
        check.That(partners.All(p => p != Guid.Empty), prefix + "partnerIds", "required",
            "Mã đơn vị phối hợp không được để trống.", "A partner id must not be empty.");
        check.That(partners.Count <= MaxListItems, prefix + "partnerIds", "too-many",
            $"Tối đa {MaxListItems} đơn vị phối hợp.", $"At most {MaxListItems} partners.");

        var materials = command.Materials ?? [];
        check.That(materials.Count <= MaxListItems, prefix + "materials", "too-many",
            $"Tối đa {MaxListItems} loại tài liệu.", $"At most {MaxListItems} kinds of material.");
        for (var i = 0; i < materials.Count; i++)
        {
            check
                .Text($"{prefix}materials[{i}].kind", materials[i]?.Kind, "Loại tài liệu", "Kind of material", maxLength: 200)
                .Range($"{prefix}materials[{i}].count", materials[i]?.Count ?? 0, 1, 1_000_000, "Số lượng tài liệu", "Count of material");
        }

        return check.Conference(command, prefix).Post(command, prefix).Campaign(command, prefix);
    }

    private static Check Conference(this Check check, LogActivity command, string prefix)
    {
        var field = prefix + "conference";
        if (command.Form != CommunicationForm.Conference)
        {
            return check.That(command.Conference is null, field, "not-applicable",
                "Chỉ hội nghị mới có thông tin hội nghị.", "Conference details belong to conferences only.");
        }

        if (command.Conference is not { } conference)
        {
            return check.Add(field, "required", "Hội nghị phải có số người dự và danh mục kiểm tra.", "A conference needs its attendance and checklist.");
        }

        check
            .Range(field + ".attendance", conference.Attendance, 1, 100_000, "Số người dự", "Attendance")
            .That(conference.VideoClipShown is not null, field + ".videoClipShown", "required",
                "Cho biết có chiếu video clip trước hội nghị không.", "Say whether a video clip was shown before the start.")
            .That(conference.GovernmentRepresentativeInvited is not null, field + ".governmentRepresentativeInvited", "required",
                "Cho biết có mời đại diện chính quyền không.", "Say whether a government representative was invited.")
            .That(conference.BeneficiaryTestified is not null, field + ".beneficiaryTestified", "required",
                "Cho biết có người thụ hưởng thực tế chia sẻ không.", "Say whether a real beneficiary spoke.");

        if (command.AudienceCode?.Trim() == EthnicMinorityAudience)
        {
            check.That(conference.EthnicLanguageSpeaker == true, field + ".ethnicLanguageSpeaker", "ethnic-language-speaker",
                "Hội nghị cho đồng bào dân tộc thiểu số phải có báo cáo viên biết tiếng dân tộc.",
                "A conference for ethnic minorities needs a speaker who knows the ethnic language.");
        }

        return check;
    }

    private static Check Post(this Check check, LogActivity command, string prefix)
    {
        var field = prefix + "post";
        if (command.Form != CommunicationForm.MassMedia)
        {
            return check.That(command.Post is null, field, "not-applicable",
                "Chỉ truyền thông đại chúng, mạng xã hội mới có thông tin bài đăng.", "Post details belong to mass media and social networks only.");
        }

        if (command.Post is not { } post)
        {
            return check.Add(field, "required", "Bài đăng phải có kênh, đường dẫn và số lượt tiếp cận.", "A post needs its platform, link and reach.");
        }

        return check
            .That(post.Platform is not null, field + ".platform", "required", "Kênh đăng không được để trống.", "The platform is required.")
            .Link(field + ".link", post.Link, "Đường dẫn bài đăng", "Link to the post")
            .Count(field + ".reach", post.Reach, "Số lượt tiếp cận", "Reach")
            .Count(field + ".interactions", post.Interactions ?? 0, "Số lượt tương tác", "Interactions")
            .Count(field + ".shares", post.Shares ?? 0, "Số lượt chia sẻ", "Shares");
    }

    private static Check Campaign(this Check check, LogActivity command, string prefix)
    {
        var field = prefix + "campaign";
        if (command.Form != CommunicationForm.SmsPhone)
        {
            return check.That(command.Campaign is null, field, "not-applicable",
                "Chỉ tin nhắn, điện thoại mới có thông tin chiến dịch.", "Campaign details belong to SMS and phone campaigns only.");
        }

        if (command.Campaign is not { } campaign)
        {
            return check.Add(field, "required", "Chiến dịch phải có kênh và số liên hệ.", "A campaign needs its channel and contact counts.");
        }

        return check
            .That(campaign.Channel is not null, field + ".channel", "required", "Kênh (SMS hay gọi) không được để trống.", "The channel (SMS or call) is required.")
            .Count(field + ".contactsAttempted", campaign.ContactsAttempted, "Số liên hệ đã thử", "Contacts attempted")
            .Count(field + ".contactsReached", campaign.ContactsReached, "Số liên hệ đã tiếp cận", "Contacts reached")
            .That(campaign.ContactsReached <= campaign.ContactsAttempted, field + ".contactsReached", "more-than-attempted",
                "Số liên hệ tiếp cận được không vượt quá số đã thử.", "Contacts reached cannot exceed contacts attempted.");
    }

    /// <summary>The integration view of an activity: plan line, form, place and counts; no people.</summary>
    public static ActivityRecorded Recorded(Guid id, ActivityDetails d) => new(
        id, d.DistrictPlanId, d.PlanLineCode, d.AudienceCode, d.Form.ToString(), d.CommuneId, Formats.LocalDay(d.StartedAt), d.PeopleReached, d.PartnerIds);
}

public static class LogActivityEndpoint
{
    public static async Task<(KnownPlans, StoredBefore)> LoadAsync(
        LogActivity command, string unit, HttpContext http, IQuerySession session, OrganisationDirectory directory, CancellationToken cancellation) =>
        (await KnownPlans.LoadAsync(session, directory, [command.DistrictPlanId], cancellation),
         await StoredBefore.LoadAsync(command, unit, http, session, cancellation));

    public static ProblemDetails Validate(LogActivity command, KnownPlans plans, StoredBefore before, TimeProvider clock)
    {
        if (before.Problems.Count > 0)
        {
            return ProblemResults.Validation(before.Problems);
        }

        // A retry is answered as the first send was, even if the plan has changed since.
        if (before.IsRetry)
        {
            return before.Matches(before.Ids[0]!.Value, command)
                ? WolverineContinue.NoProblems
                : ProblemResults.Validation([StoredBefore.Reused("commandId")]);
        }

        return new Check().Activity(command).FitsPlan(command, plans, clock.GetUtcNow()).ToProblem();
    }

    [WolverinePost("/api/units/{unit}/activities")]
    [Tags("Activities")]
    public static (CreationResponse<Guid>, Announce) Post(LogActivity command, StoredBefore before, string unit, IDocumentSession session)
    {
        var id = before.Ids[0] ?? Guid.CreateVersion7();
        var response = new CreationResponse<Guid>($"/api/units/{unit}/activities/{id}", id);
        if (before.IsRetry)
        {
            return (response, Announce.Nothing);
        }

        var details = command.ToDetails();
        session.Events.StartStream<Activity>(id, new ActivityLogged(id, details));
        return (response, new Announce(ActivityRules.Recorded(id, details)));
    }
}
