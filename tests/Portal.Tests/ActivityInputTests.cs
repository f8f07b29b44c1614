using BhxhPlatform.Contracts;
using BhxhPlatform.Portal.Components.Pages.Activities;
using BhxhPlatform.Portal.ServiceClients;

namespace BhxhPlatform.Portal.Tests;

/// <summary>What the form sends: only the parts of its form, the line's plan, line, audience and form, local times at +07:00.</summary>
public sealed class ActivityInputTests
{
    private static readonly Guid Plan = Guid.NewGuid();

    private static ActivityInput Typed() => new()
    {
        Date = "2026-11-20",
        StartTime = "18:30",
        EndTime = "20:00",
        CommuneId = "bien-hoa.trang-dai",
        PeopleReached = 12,
        Summary = "  Tư vấn tại chợ  ",
        TeamMembers = [" Nguyễn Văn A ", "Trần Thị B", "", null],
        Materials = [new MaterialInput { Kind = "Tờ gấp", Count = 40 }, new MaterialInput()],
        Attendance = 80,
        VideoClipShown = true,
        GovernmentRepresentativeInvited = false,
        BeneficiaryTestified = true,
        Platform = MediaPlatform.Zalo,
        Link = "https://zalo.me/p/1",
        Reach = 1500,
        Channel = CampaignChannel.Sms,
        ContactsAttempted = 300,
        ContactsReached = 280,
    };

    [Fact]
    public void A_posted_form_whose_lists_bound_as_null_is_completed_with_empty_slots()
    {
        // What the form binder gives for a report posted without team, materials or partners.
        var posted = new ActivityInput { TeamMembers = null!, Materials = null!, Partners = null! };

        var completed = posted.Complete([]);

        completed.TeamMembers.Count.ShouldBe(FormSections.TeamSlots);
        completed.Materials.Count.ShouldBe(FormSections.MaterialSlots);
        completed.Partners.ShouldBeEmpty();
    }

    [Fact]
    public void Direct_advice_sends_the_team_and_materials_and_no_form_details()
    {
        var (request, errors) = Typed().ToRequest(Plan, "2.04", "2", CommunicationForm.DirectContact, k => k);

        errors.ShouldBeEmpty();
        request!.DistrictPlanId.ShouldBe(Plan);
        request.PlanLineCode.ShouldBe("2.04");
        request.Form.ShouldBe(CommunicationForm.DirectContact);
        request.TeamMembers.ShouldBe(["Nguyễn Văn A", "Trần Thị B"]);
        request.Materials.ShouldBe([new MaterialHandedOut("Tờ gấp", 40)]);
        request.Summary.ShouldBe("Tư vấn tại chợ");
        request.PeopleReached.ShouldBe(12);
        request.StartedAt.ShouldBe(new DateTimeOffset(2026, 11, 20, 18, 30, 0, TimeSpan.FromHours(7)));
        request.EndedAt.ShouldBe(new DateTimeOffset(2026, 11, 20, 20, 0, 0, TimeSpan.FromHours(7)));
        (request.Conference, request.Post, request.Campaign).ShouldBe((null, null, null));
    }

    [Fact]
    public void A_conference_counts_its_attendance_as_people_reached()
    {
        var (request, _) = Typed().ToRequest(Plan, "2.01", "2", CommunicationForm.Conference, k => k);

        request!.Conference.ShouldBe(new ConferenceDetails(80, true, false, true, null));
        request.PeopleReached.ShouldBe(80);
        request.TeamMembers.ShouldBeEmpty();
    }

    [Fact]
    public void A_post_has_no_commune_and_counts_its_reach()
    {
        var (request, _) = Typed().ToRequest(Plan, "2.03", "2", CommunicationForm.MassMedia, k => k);

        request!.CommuneId.ShouldBeNull();
        request.Post.ShouldBe(new PostDetails(MediaPlatform.Zalo, "https://zalo.me/p/1", 1500, null, null));
        request.PeopleReached.ShouldBe(1500);
        request.Materials.ShouldBeEmpty();
    }

    [Fact]
    public void A_campaign_counts_the_contacts_reached()
    {
        var (request, _) = Typed().ToRequest(Plan, "3.5.02", "3.5", CommunicationForm.SmsPhone, k => k);

        request!.Campaign.ShouldBe(new CampaignDetails(CampaignChannel.Sms, 300, 280));
        request.PeopleReached.ShouldBe(280);
        request.PartnerIds.ShouldBeEmpty();
    }

    [Fact]
    public void A_missing_date_or_time_is_reported_on_the_field_and_nothing_is_sent()
    {
        var input = Typed();
        input.Date = "";
        input.EndTime = "8h";

        var (request, errors) = input.ToRequest(Plan, "2.04", "2", CommunicationForm.DirectContact, k => "text:" + k);

        request.ShouldBeNull();
        errors.Select(e => (e.Field, e.Vi)).ShouldBe([("startedAt", "text:DateRequired"), ("endedAt", "text:EndTimeRequired")]);
    }

    [Fact]
    public void Correcting_starts_from_the_activity_as_it_stands()
    {
        var (request, _) = Typed().ToRequest(Plan, "2.04", "2", CommunicationForm.DirectContact, k => k);
        var d = request!;
        var activity = new ActivityView(Guid.NewGuid(), d with { Conference = null, Post = null, Campaign = null }, 0, false, null, 4, true);

        var input = ActivityInput.From(activity);

        (input.Date, input.StartTime, input.EndTime, input.Version).ShouldBe(("2026-11-20", "18:30", "20:00", 4L));
        input.ToRequest(Plan, "2.04", "2", CommunicationForm.DirectContact, k => k).Request.ShouldBe(request, new RequestComparer());
    }

    private sealed class RequestComparer : IEqualityComparer<LogActivityRequest?>
    {
        public bool Equals(LogActivityRequest? x, LogActivityRequest? y) =>
            x is not null && y is not null &&
            x with { TeamMembers = [], PartnerIds = [], Materials = [] } == y with { TeamMembers = [], PartnerIds = [], Materials = [] } &&
            x.TeamMembers.SequenceEqual(y.TeamMembers) && x.PartnerIds.SequenceEqual(y.PartnerIds) && x.Materials.SequenceEqual(y.Materials);

        public int GetHashCode(LogActivityRequest? obj) => 0;
    }
}
