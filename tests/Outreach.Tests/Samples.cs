using BhxhPlatform.Contracts;
using Alba;
using BhxhPlatform.Contracts.Partners;
using BhxhPlatform.Contracts.Planning;
using BhxhPlatform.Outreach.Activities;
using BhxhPlatform.Outreach.Prospects;

namespace BhxhPlatform.Outreach.Tests;

/// <summary>Valid commands to start from; tests change one thing with <c>with</c>.</summary>
public static class Samples
{
    public const string District = "bien-hoa";
    public const string OtherDistrict = "long-thanh";

    public static readonly Guid DistrictPlan = Guid.Parse("0196b2a0-0000-7000-8000-000000000001");
    public static readonly Guid Partner = Guid.Parse("0196b2a0-0000-7000-8000-000000000002");

    /// <summary>The other district's plan (a plan is one district's, so its id is its own).</summary>
    public static readonly Guid OtherDistrictPlan = Guid.Parse("0196b2a0-0000-7000-8000-000000000006");

    /// <summary>The lines of the approved plan the samples log against (codes, audiences and forms of the catalogue).</summary>
    public static readonly IReadOnlyList<ApprovedPlanLine> PlanLines =
    [
        new("3.1.01", "3.1", "DirectContact", 12),
        new("3.1.02", "3.1", "Conference", 4),
        new("3.2.02", "3.2", "MassMedia", 24),
        new("3.5.02", "3.5", "SmsPhone", 6),
        new("3.9.02", "3.9", "Conference", 2),
    ];

    /// <summary>The approval Planning announces for the district's plan (revision 1) with the communes the samples use.</summary>
    public static DistrictPlanApproved Approval(int revision = 1, IReadOnlyList<ApprovedPlanLine>? lines = null) =>
        new(DistrictPlan, 2026, revision, lines ?? PlanLines, ["bien-hoa.trang-dai", "bien-hoa.tan-hanh", "bien-hoa.tan-phong"]);

    /// <summary>The approval of the other district's plan: the same lines, its own id and communes.</summary>
    public static DistrictPlanApproved OtherDistrictApproval() =>
        new(OtherDistrictPlan, 2026, 1, PlanLines, ["long-thanh.long-thanh", "long-thanh.an-phuoc"]);

    /// <summary>A sample activity logged in the other district, against that district's plan.</summary>
    public static LogActivity InOtherDistrict(LogActivity activity) =>
        activity with { DistrictPlanId = OtherDistrictPlan, CommuneId = activity.CommuneId is null ? null : "long-thanh.an-phuoc" };

    /// <summary>Planning approved the district's plan (and the other district's): Outreach now knows what activities may be logged against.</summary>
    public static async Task GivenApprovedPlanAsync(this IAlbaHost host)
    {
        await Wolverine.Tracking.WolverineHostMessageTrackingExtensions.InvokeMessageAndWaitAsync(host, Approval(), District);
        await Wolverine.Tracking.WolverineHostMessageTrackingExtensions.InvokeMessageAndWaitAsync(host, OtherDistrictApproval(), OtherDistrict);
    }

    public static DateTimeOffset Local(int month, int day, int hour, int minute = 0) =>
        new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    public static LogActivity DirectContact(params string[] team) => new(
        DistrictPlan,
        "3.1.01",
        "3.1",
        CommunicationForm.DirectContact,
        "bien-hoa.trang-dai",
        Local(11, 20, 18, 30),
        Local(11, 20, 20),
        PeopleReached: 12,
        Summary: "Tư vấn trực tiếp cho các hộ nông dân ấp 3 sau mùa thu hoạch",
        TeamMembers: team.Length == 0 ? ["Nguyễn Văn An", "Trần Thị Bình"] : team,
        PartnerIds: [Partner]);

    public static LogActivity Conference(string audience = "3.1") => new(
        DistrictPlan,
        audience == "3.9" ? "3.9.02" : "3.1.02",
        audience,
        CommunicationForm.Conference,
        "bien-hoa.trang-dai",
        Local(11, 18, 8),
        Local(11, 18, 11),
        PeopleReached: 80,
        Summary: "Hội nghị đối thoại chính sách BHXH tự nguyện",
        Materials: [new MaterialHandedOut("Tờ gấp", 80)],
        Conference: new ConferenceDetails(80, true, true, true, audience == "3.9" ? true : null));

    public static LogActivity Post(MediaPlatform platform = MediaPlatform.Facebook, string link = "https://facebook.com/bhxhbienhoa/posts/1") => new(
        DistrictPlan,
        "3.2.02",
        "3.2",
        CommunicationForm.MassMedia,
        null,
        Local(11, 19, 9),
        Local(11, 19, 9, 30),
        PeopleReached: 1500,
        Summary: "Bài đăng về BHYT hộ gia đình",
        Post: new PostDetails(platform, link, 1500, 120, 14));

    public static LogActivity Sms() => new(
        DistrictPlan,
        "3.5.02",
        "3.5",
        CommunicationForm.SmsPhone,
        null,
        Local(11, 19, 9),
        Local(11, 19, 16),
        PeopleReached: 300,
        Summary: "Nhắn tin khuyên người lao động bảo lưu thời gian đóng",
        Campaign: new CampaignDetails(CampaignChannel.Sms, 400, 300));

    public static RecordProspect Prospect(string phone = "0912345678", string? citizenId = null) => new(
        "Lê Thị Hoa",
        ConsentGiven: true,
        ConsentMethod.Verbal,
        Local(11, 20, 19),
        TargetScheme.VoluntarySocialInsurance,
        Address: "Ấp 3, xã Trảng Dài",
        Phone: phone,
        Zalo: phone,
        Email: "hoa.le@example.vn",
        CitizenId: citizenId,
        CommuneId: "bien-hoa.trang-dai");

    public static readonly Guid CollectionOrganisation = Guid.Parse("0196b2a0-0000-7000-8000-000000000003");
    public static readonly Guid Sponsor = Guid.Parse("0196b2a0-0000-7000-8000-000000000004");
    public static readonly Guid Union = Guid.Parse("0196b2a0-0000-7000-8000-000000000005");

    /// <summary>The partners Outreach knows from Partners: a collection-service organisation, a sponsor and a union.</summary>
    public static async Task GivenPartnersAsync(this IAlbaHost host, string unit = District)
    {
        await Wolverine.Tracking.WolverineHostMessageTrackingExtensions.InvokeMessageAndWaitAsync(host,
            new PartnerRegistered(CollectionOrganisation, "Điểm thu Bưu điện Hố Nai", "CollectionServiceOrganisation", null), unit);
        await Wolverine.Tracking.WolverineHostMessageTrackingExtensions.InvokeMessageAndWaitAsync(host,
            new PartnerRegistered(Sponsor, "Ngân hàng Chính sách xã hội huyện", "Enterprise", null), unit);
        await Wolverine.Tracking.WolverineHostMessageTrackingExtensions.InvokeMessageAndWaitAsync(host,
            new PartnerRegistered(Union, "Hội Nông dân huyện", "UnionOrAssociation", null), unit);
    }
}
