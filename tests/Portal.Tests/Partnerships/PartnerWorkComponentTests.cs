using BhxhPlatform.Portal.Components.Pages.Collaborators;
using BhxhPlatform.Portal.Components.Pages.Commendations;
using BhxhPlatform.Portal.Components.Pages.Employers;
using BhxhPlatform.Portal.Components.Pages.Trainings;
using BhxhPlatform.Portal.ServiceClients;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace BhxhPlatform.Portal.Tests.Partnerships;

/// <summary>The collaborators', trainings', commendations' and employer disclosures' lists and what their forms send.</summary>
public sealed class PartnerWorkComponentTests : IDisposable
{
    private readonly BunitContext _context = new();
    private readonly Culture _culture = Culture.Vietnamese();

    public PartnerWorkComponentTests() => _context.Services.AddLocalization();

    public void Dispose()
    {
        _context.Dispose();
        _culture.Dispose();
    }

    private static readonly PartnerView Union = new(Guid.CreateVersion7(), "Hội Phụ nữ huyện", PartnerType.UnionOrAssociation, null, PartnerStatus.Active, null, [], 1);
    private static readonly PartnerView Farmers = new(Guid.CreateVersion7(), "Hội Nông dân huyện", PartnerType.UnionOrAssociation, null, PartnerStatus.Active, null, [], 1);
    private static readonly PartnerView Agency = new(Guid.CreateVersion7(), "Bưu điện huyện", PartnerType.CollectionServiceOrganisation, null, PartnerStatus.Active, null, [], 1);

    [Fact]
    public void The_collaborators_show_kind_organisation_and_communes_by_name_each_with_a_labelled_leave_link()
    {
        var agent = new CollaboratorView(Guid.CreateVersion7(), "Trần Thị Lan", CollaboratorKind.CollectionAgent, Agency.Id, "0912345678",
            new DateOnly(2026, 3, 2), ["bien-hoa.trang-dai", "bien-hoa.tan-phong"], null, null, 1);

        var table = _context.Render<CollaboratorTable>(p => p
            .Add(c => c.Collaborators, [agent]).Add(c => c.Organisations, [Agency])
            .Add(c => c.Communes, [new CommuneView("bien-hoa.trang-dai", "25993", "Phường Trảng Dài"), new CommuneView("bien-hoa.tan-phong", "25996", "Phường Tân Phong")]));

        var row = table.Find($"tr[data-collaborator='{agent.Id}']");
        row.TextContent.ShouldContain("Nhân viên thu");
        row.TextContent.ShouldContain("Bưu điện huyện");
        row.TextContent.ShouldContain("Phường Trảng Dài, Phường Tân Phong");
        row.TextContent.ShouldContain("02/03/2026");
        row.QuerySelector("a")!.TextContent.ShouldBe("Ghi nhận nghỉ Trần Thị Lan");
    }

    [Fact]
    public void Enlisting_sends_the_ticked_communes_and_leaves_blanks_out()
    {
        var input = new CollaboratorInput { Name = " Lê Văn Hùng ", Kind = CollaboratorKind.Collaborator, Phone = " ", EnlistedOn = "2026-11-30" }
            .Complete([new CommuneView("bien-hoa.a", "1", "Xã A"), new CommuneView("bien-hoa.b", "2", "Xã B")]);
        input.Communes[1].Selected = true;

        var request = input.ToRequest();

        (request.Name, request.Kind, request.Phone, request.EnlistedOn, request.OrganisationId).ShouldBe(
            ("Lê Văn Hùng", CollaboratorKind.Collaborator, null, new DateOnly(2026, 11, 30), null));
        request.CommuneIds.ShouldBe(["bien-hoa.b"]);
    }

    [Fact]
    public void The_quarterly_rule_states_one_to_three_and_shows_each_association_quarter_as_Partners_judged_it()
    {
        QuarterlyTrainingView[] rule =
        [
            new(Union.Id, 1, 0, QuarterlyTrainingOutcome.Short), new(Union.Id, 2, 2, QuarterlyTrainingOutcome.Met),
            new(Union.Id, 3, 4, QuarterlyTrainingOutcome.Exceeded), new(Union.Id, 4, 1, QuarterlyTrainingOutcome.Met),
            new(Farmers.Id, 1, 1, QuarterlyTrainingOutcome.Met), new(Farmers.Id, 2, 0, QuarterlyTrainingOutcome.Short),
            new(Farmers.Id, 3, 0, QuarterlyTrainingOutcome.Short), new(Farmers.Id, 4, 0, QuarterlyTrainingOutcome.Short),
        ];

        var table = _context.Render<QuarterlyRuleTable>(p => p.Add(c => c.Assessments, rule).Add(c => c.Associations, [Union, Farmers]));

        table.Find("[data-testid=rule-text]").TextContent.ShouldStartWith("Mỗi hội, đoàn thể tổ chức từ 1 đến 3 buổi tập huấn mỗi quý");
        table.FindAll("tbody th").Select(t => t.TextContent).ShouldBe(["Hội Nông dân huyện", "Hội Phụ nữ huyện"]);
        var union = table.Find($"tr[data-association='{Union.Id}']");
        union.QuerySelectorAll("td").Select(td => td.GetAttribute("data-outcome")).ShouldBe(["Short", "Met", "Exceeded", "Met"]);
        union.QuerySelector("td[data-quarter='3']")!.TextContent.ShouldContain("4");
        union.QuerySelector("td[data-quarter='3']")!.TextContent.ShouldContain("Vượt số buổi");
        union.QuerySelector("td[data-quarter='1']")!.TextContent.ShouldContain("Chưa đủ");
        table.FindAll("thead th").Select(t => t.TextContent).ShouldBe(["Hội, đoàn thể", "Quý 1", "Quý 2", "Quý 3", "Quý 4"]);
    }

    [Fact]
    public void Only_a_scheduled_training_can_be_recorded_as_held()
    {
        TrainingView Training(string topic, TrainingStatus status) => new(
            Guid.CreateVersion7(), new DateOnly(2026, 4, 10), Union.Id, topic, "6.01", status, status == TrainingStatus.Held ? new DateOnly(2026, 4, 10) : null,
            status == TrainingStatus.Held ? 1250 : 0, [], null, 2);
        var scheduled = Training("Chính sách BHXH tự nguyện", TrainingStatus.Scheduled);
        var held = Training("Kỹ năng tư vấn", TrainingStatus.Held);

        var table = _context.Render<TrainingTable>(p => p.Add(c => c.Trainings, [scheduled, held]).Add(c => c.Associations, [Union]));

        table.Find($"tr[data-training='{scheduled.Id}'] a").GetAttribute("href").ShouldBe($"/trainings/{scheduled.Id}/hold");
        table.Find($"tr[data-training='{held.Id}']").QuerySelector("a").ShouldBeNull();
        table.Find($"tr[data-training='{held.Id}']").TextContent.ShouldContain("1.250");
        table.Find($"tr[data-training='{held.Id}']").TextContent.ShouldContain("Đã tổ chức 10/04/2026");
    }

    [Fact]
    public void The_commendations_name_the_partner_or_the_person()
    {
        CommendationView[] items =
        [
            new(Guid.CreateVersion7(), 2026, Union.Id, null, "Phối hợp tốt", new DateOnly(2026, 11, 20), false, null, 1),
            new(Guid.CreateVersion7(), 2026, null, "Nguyễn Văn Tâm", "Vận động 120 người", new DateOnly(2026, 11, 21), false, null, 1),
        ];

        var table = _context.Render<CommendationTable>(p => p.Add(c => c.Commendations, items).Add(c => c.Partners, [Union]));

        table.FindAll("tbody th").Select(t => t.TextContent).ShouldBe(["Hội Phụ nữ huyện", "Nguyễn Văn Tâm"]);
        table.Find("tbody tr").TextContent.ShouldContain("20/11/2026");
    }

    [Fact]
    public void An_erased_collaborator_or_commended_person_is_shown_as_erased()
    {
        var erased = new CollaboratorView(Guid.CreateVersion7(), null, CollaboratorKind.Collaborator, null, null,
            new DateOnly(2026, 3, 2), [], null, null, 2, Erased: true);
        var collaborators = _context.Render<CollaboratorTable>(p => p
            .Add(c => c.Collaborators, [erased]).Add(c => c.Organisations, []).Add(c => c.Communes, []));
        collaborators.Find($"tr[data-collaborator='{erased.Id}'] th").TextContent.ShouldBe("(đã xoá thông tin cá nhân)");

        CommendationView[] items = [new(Guid.CreateVersion7(), 2026, null, null, "Vận động 120 người", new DateOnly(2026, 11, 21), false, null, 2, PersonErased: true)];
        var commendations = _context.Render<CommendationTable>(p => p.Add(c => c.Commendations, items).Add(c => c.Partners, [Union]));
        commendations.Find("tbody th").TextContent.ShouldBe("(đã xoá tên)");
    }

    [Fact]
    public void The_disclosures_show_the_amount_in_vi_VN_and_offer_withdrawal_only_while_standing()
    {
        EmployerDisclosureView Disclosure(string name, bool withdrawn) => new(
            Guid.CreateVersion7(), name, "3600123456", 125_000_000, 7, MediaPlatform.Website, "https://baodongnai.vn/cong-khai", new DateOnly(2026, 10, 5),
            withdrawn, withdrawn ? new DateOnly(2026, 11, 1) : null, withdrawn ? "Đã đóng đủ" : null, 1);
        var standing = Disclosure("Công ty TNHH May Đồng Nai", false);
        var paid = Disclosure("Công ty CP Gỗ Biên Hòa", true);

        var table = _context.Render<DisclosureTable>(p => p.Add(c => c.Disclosures, [standing, paid]));

        var row = table.Find($"tr[data-disclosure='{standing.Id}']");
        row.TextContent.ShouldContain("125.000.000");
        row.TextContent.ShouldContain("Trang thông tin điện tử");
        row.QuerySelector("a[href$='/withdraw']")!.TextContent.ShouldBe("Gỡ công khai Công ty TNHH May Đồng Nai");
        table.Find($"tr[data-disclosure='{paid.Id}']").QuerySelector("a[href$='/withdraw']").ShouldBeNull();
        table.Find($"tr[data-disclosure='{paid.Id}']").TextContent.ShouldContain("Đã gỡ (đóng đủ ngày 01/11/2026)");
    }

    [Fact]
    public void A_disclosure_sends_whole_dong_and_leaves_unreadable_values_for_Outreach_to_name()
    {
        var request = new DisclosureInput
        {
            EmployerName = " Công ty TNHH May Đồng Nai ", TaxCode = "3600123456", AmountOwedVnd = "125.000.000", MonthsOverdue = "7",
            Channel = MediaPlatform.Website, Link = "https://baodongnai.vn/a", PublishedOn = "2026-10-05",
        }.ToRequest();

        request.ShouldBe(new DiscloseEmployerRequest("Công ty TNHH May Đồng Nai", "3600123456", 125_000_000, 7, MediaPlatform.Website, "https://baodongnai.vn/a", new DateOnly(2026, 10, 5)));
        new DisclosureInput { AmountOwedVnd = "nhiều", MonthsOverdue = "-2", PublishedOn = "05/10/2026" }.ToRequest()
            .ShouldBe(new DiscloseEmployerRequest(string.Empty, string.Empty, 0, 0, null, string.Empty, default));
    }
}
