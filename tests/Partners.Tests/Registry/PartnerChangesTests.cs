using Alba;
using BhxhPlatform.Contracts.Partners;
using BhxhPlatform.Partners.Registry;
using BhxhPlatform.TestSupport;
using Wolverine.Tracking;
using static BhxhPlatform.Partners.Tests.Given;

namespace BhxhPlatform.Partners.Tests.Registry;

[Collection(PartnersCollection.Name)]
public sealed class PartnerChangesTests(PartnersFixture fixture) : IAsyncLifetime
{
    private static readonly string Url = $"/api/units/{District}/partners";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<Partner> Read(Guid id) => fixture.Host.GetJsonAsync<Partner>($"{Url}/{id}");

    [Fact]
    public async Task Renaming_changes_name_type_and_jurisdiction()
    {
        var id = await fixture.Host.PartnerAsync();

        Written? written = null;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => written = await fixture.Host.PostOkAsync($"{Url}/{id}/details",
            new ChangePartnerDetails(1, "Hội Nông dân thành phố", PartnerType.UnionOrAssociation, "bien-hoa.tan-phong")));

        written.ShouldBe(new Written(id, 2));
        var announced = tracked.Sent.Envelopes().Where(e => e.Message is PartnerRegistered).ToList();
        announced.Count.ShouldBe(2);
        announced.ShouldAllBe(e => e.TenantId == District);
        announced[0].Message.ShouldBe(new PartnerRegistered(id, "Hội Nông dân thành phố", "UnionOrAssociation", "bien-hoa.tan-phong"));
        var partner = await Read(id);
        partner.Name.ShouldBe("Hội Nông dân thành phố");
        partner.CommuneId.ShouldBe("bien-hoa.tan-phong");
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_appends_nothing()
    {
        var id = await fixture.Host.PartnerAsync();
        await fixture.Host.PostOkAsync($"{Url}/{id}/details", new ChangePartnerDetails(1, "Tên mới", PartnerType.UnionOrAssociation, null));
        var before = await fixture.Store.EventCountAsync();

        await fixture.Host.PostProblemAsync($"{Url}/{id}/details", new ChangePartnerDetails(1, "Tên khác", PartnerType.UnionOrAssociation, null), 409);
        await fixture.Host.PostProblemAsync($"{Url}/{id}/suspend", new SuspendPartner(1, "Lý do"), 409);

        (await fixture.Store.EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Changed_details_are_validated()
    {
        var id = await fixture.Host.PartnerAsync();

        var problem = await fixture.Host.PostExpectingProblemAsync($"{Url}/{id}/details", new ChangePartnerDetails(1, " ", null, "dong-nai.x"));

        problem.Fields.ShouldBe(["name", "type", "communeId"], ignoreOrder: true);
        (await fixture.Store.EventCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Contacts_are_added_and_removed()
    {
        var id = await fixture.Host.PartnerAsync();

        var result = await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new AddPartnerContact(1, "Nguyễn Thị Lan", "Phó Chủ tịch", "0912345678", "lan@hoinongdan.vn"), Alba.JsonStyle.MinimalApi)
                .ToUrl($"{Url}/{id}/contacts");
            s.StatusCodeShouldBeOk();
        });
        var added = (await result.ReadAsJsonAsync<ContactAdded>())!;
        await fixture.Host.PostOkAsync($"{Url}/{id}/contacts", new AddPartnerContact(2, "Trần Văn Hùng", null, null, "hung@example.vn"));

        var partner = await Read(id);
        partner.Contacts.Count.ShouldBe(2);
        partner.Contacts[0].ShouldBe(new PartnerContact(added.ContactId, "Nguyễn Thị Lan", "Phó Chủ tịch", "0912345678", "lan@hoinongdan.vn"));

        await fixture.Host.PostOkAsync($"{Url}/{id}/contacts/{added.ContactId}/remove", new RemovePartnerContact(3));
        (await Read(id)).Contacts.ShouldHaveSingleItem().Name.ShouldBe("Trần Văn Hùng");
    }

    [Fact]
    public async Task A_contact_needs_a_name_and_a_valid_phone_or_email()
    {
        var id = await fixture.Host.PartnerAsync();
        var url = $"{Url}/{id}/contacts";

        (await fixture.Host.PostExpectingProblemAsync(url, new AddPartnerContact(1, "", new string('r', 201), null, null)))
            .Fields.ShouldBe(["name", "role", "phone"], ignoreOrder: true);
        (await fixture.Host.PostExpectingProblemAsync(url, new AddPartnerContact(1, "Lan", null, "12345", "not-an-email")))
            .Fields.ShouldBe(["phone", "email"], ignoreOrder: true);
        // A trailing line break is not a valid phone or e-mail ($ in a pattern would have let both through).
        (await fixture.Host.PostExpectingProblemAsync(url, new AddPartnerContact(1, "Lan", null, "0912345678\n", "lan@hoinongdan.vn\n")))
            .Fields.ShouldBe(["phone", "email"], ignoreOrder: true);
        (await fixture.Store.EventCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Removing_an_unknown_contact_is_not_found()
    {
        var id = await fixture.Host.PartnerAsync();

        await fixture.Host.PostProblemAsync($"{Url}/{id}/contacts/{Guid.NewGuid()}/remove", new RemovePartnerContact(1), 404);
    }

    [Fact]
    public async Task A_partner_is_suspended_for_a_reason_and_reactivated()
    {
        var id = await fixture.Host.PartnerAsync();

        var suspending = await fixture.Host.ExecuteAndWaitAsync(() => fixture.Host.PostOkAsync($"{Url}/{id}/suspend", new SuspendPartner(1, "Thay đổi lãnh đạo")));
        suspending.Sent.MessagesOf<PartnerStatusChanged>().Single().ShouldSatisfyAllConditions(
            m => m.PartnerId.ShouldBe(id), m => m.Status.ShouldBe("Suspended"), m => m.Revision.ShouldBe(2));
        var suspended = await Read(id);
        suspended.Status.ShouldBe(PartnerStatus.Suspended);
        suspended.StatusReason.ShouldBe("Thay đổi lãnh đạo");

        await fixture.Host.PostProblemAsync($"{Url}/{id}/suspend", new SuspendPartner(2, "Lần nữa"), 409);
        var reactivating = await fixture.Host.ExecuteAndWaitAsync(() => fixture.Host.PostOkAsync($"{Url}/{id}/reactivate", new ReactivatePartner(2)));
        reactivating.Sent.MessagesOf<PartnerStatusChanged>().Single().ShouldSatisfyAllConditions(m => m.Status.ShouldBe("Active"), m => m.Revision.ShouldBe(3));
        (await Read(id)).Status.ShouldBe(PartnerStatus.Active);
        await fixture.Host.PostProblemAsync($"{Url}/{id}/reactivate", new ReactivatePartner(3), 409);
    }

    [Fact]
    public async Task Suspension_and_dissolution_need_a_reason()
    {
        var id = await fixture.Host.PartnerAsync();

        (await fixture.Host.PostExpectingProblemAsync($"{Url}/{id}/suspend", new SuspendPartner(1, ""))).Fields.ShouldBe(["reason"]);
        (await fixture.Host.PostExpectingProblemAsync($"{Url}/{id}/dissolve", new DissolvePartner(1, new string('x', 1001)))).Fields.ShouldBe(["reason"]);
        (await fixture.Store.EventCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_dissolved_partner_is_closed_to_changes()
    {
        var id = await fixture.Host.PartnerAsync();
        var dissolving = await fixture.Host.ExecuteAndWaitAsync(() => fixture.Host.PostOkAsync($"{Url}/{id}/dissolve", new DissolvePartner(1, "Sáp nhập vào Hội Nông dân tỉnh")));
        dissolving.Sent.MessagesOf<PartnerStatusChanged>().Single().Status.ShouldBe("Dissolved");

        var partner = await Read(id);
        partner.Status.ShouldBe(PartnerStatus.Dissolved);
        partner.StatusReason.ShouldBe("Sáp nhập vào Hội Nông dân tỉnh");
        (await fixture.Host.PostProblemAsync($"{Url}/{id}/details", new ChangePartnerDetails(2, "Tên", PartnerType.Other, null), 409))
            .Type.ShouldEndWith("partner-dissolved");
        (await fixture.Host.PostProblemAsync($"{Url}/{id}/contacts", new AddPartnerContact(2, "Lan", null, "0912345678", null), 409))
            .Type.ShouldEndWith("partner-dissolved");
        await fixture.Host.PostProblemAsync($"{Url}/{id}/dissolve", new DissolvePartner(2, "Lần nữa"), 409);
        await fixture.Host.PostProblemAsync($"{Url}/{id}/reactivate", new ReactivatePartner(2), 409);
        (await Read(id)).Version.ShouldBe(2);
    }

    [Fact]
    public async Task A_suspended_or_dissolved_partner_cannot_be_a_party_to_an_agreement()
    {
        var suspended = await fixture.Host.PartnerAsync();
        var dissolved = await fixture.Host.PartnerAsync("Hợp tác xã");
        await fixture.Host.PostOkAsync($"{Url}/{suspended}/suspend", new SuspendPartner(1, "Tạm dừng"));
        await fixture.Host.PostOkAsync($"{Url}/{dissolved}/dissolve", new DissolvePartner(1, "Giải thể"));

        var problem = await fixture.Host.PostExpectingProblemAsync($"/api/units/{District}/agreements",
            Programme(suspended) with { PartnerIds = [suspended, dissolved] });

        problem.FieldErrors!.Select(e => e.Code).ShouldBe(["partner-not-active", "partner-not-active"]);
    }
}
