using BhxhPlatform.Contracts;
using BhxhPlatform.Contracts.Partners;
using BhxhPlatform.Partners.Agreements;
using BhxhPlatform.TestSupport;
using Wolverine;
using Wolverine.Tracking;
using static BhxhPlatform.Partners.Tests.Given;

namespace BhxhPlatform.Partners.Tests.Agreements;

[Collection(PartnersCollection.Name)]
public sealed class AgreementLifecycleTests(PartnersFixture fixture) : IAsyncLifetime
{
    private static readonly string Url = $"/api/units/{District}/agreements";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static List<Envelope> Envelopes<T>(ITrackedSession tracked) =>
        tracked.AllRecordsInOrder().Select(r => r.Envelope).OfType<Envelope>().Where(e => e.Message is T).DistinctBy(e => e.Id).ToList();

    [Fact]
    public async Task A_drafted_agreement_reads_back_as_a_draft()
    {
        var partner = await fixture.Host.PartnerAsync();
        var draft = Programme(partner);

        var id = await fixture.Host.CreateAsync(Url, draft);

        var agreement = await fixture.Host.GetJsonAsync<Agreement>($"{Url}/{id}");
        agreement.Status.ShouldBe(AgreementStatus.Drafted);
        agreement.Version.ShouldBe(1);
        agreement.Kind.ShouldBe(AgreementKind.Programme);
        agreement.PartnerIds.ShouldBe([partner]);
        agreement.Scope.AudienceCodes.ShouldBe(["2", "3.1"]);
        agreement.Scope.ActivitiesPerYear.ShouldBe(4);
        agreement.EndsOn.ShouldBe(draft.EndsOn!.Value);
    }

    [Fact]
    public async Task A_contract_keeps_its_value()
    {
        var partner = await fixture.Host.PartnerAsync("Bưu điện huyện", BhxhPlatform.Partners.Registry.PartnerType.CollectionServiceOrganisation);
        var id = await fixture.Host.CreateAsync(Url, Programme(partner) with { Kind = AgreementKind.Contract, ValueVnd = 45_000_000m });

        var agreement = await fixture.Host.GetJsonAsync<Agreement>($"{Url}/{id}");
        agreement.Kind.ShouldBe(AgreementKind.Contract);
        agreement.ValueVnd.ShouldBe(45_000_000m);
    }

    [Fact]
    public async Task Signing_publishes_the_agreement_and_schedules_its_expiry_and_warning()
    {
        var partner = await fixture.Host.PartnerAsync();
        var draft = Programme(partner);
        var id = await fixture.Host.CreateAsync(Url, draft);

        var tracked = await fixture.Host.ExecuteAndWaitAsync(() =>
            fixture.Host.PostOkAsync($"{Url}/{id}/sign", new SignAgreement(1, Today)));

        var agreement = await fixture.Host.GetJsonAsync<Agreement>($"{Url}/{id}");
        agreement.Status.ShouldBe(AgreementStatus.Signed);
        agreement.SignedOn.ShouldBe(Today);
        agreement.Version.ShouldBe(2);

        var signed = tracked.Sent.Envelopes().Where(e => e.Message is AgreementSigned).ToList();
        signed.Select(e => e.Destination!.ToString()).ShouldBe(
            [$"postgresql://{ServiceNames.Planning}/"]);
        signed.ShouldAllBe(e => e.TenantId == District);
        var message = (AgreementSigned)signed[0].Message!;
        message.AgreementId.ShouldBe(id);
        message.Kind.ShouldBe("Programme");
        message.PartnerIds.ShouldBe([partner]);
        message.EndsOn.ShouldBe(draft.EndsOn!.Value);

        var expiry = Envelopes<ExpireAgreement>(tracked).ShouldHaveSingleItem();
        expiry.Message.ShouldBe(new ExpireAgreement(id, draft.EndsOn!.Value));
        expiry.ScheduledTime.ShouldBe(AgreementSchedule.StartOf(draft.EndsOn!.Value));
        expiry.TenantId.ShouldBe(District);

        var warning = Envelopes<WarnAgreementExpiry>(tracked).ShouldHaveSingleItem();
        warning.Message.ShouldBe(new WarnAgreementExpiry(id, draft.EndsOn!.Value));
        warning.ScheduledTime.ShouldBe(AgreementSchedule.StartOf(draft.EndsOn!.Value.AddDays(-30)));
        warning.TenantId.ShouldBe(District);
    }

    [Fact]
    public async Task Signing_with_a_stale_version_is_a_conflict_and_appends_nothing()
    {
        var id = await fixture.Host.CreateAsync(Url, Programme(await fixture.Host.PartnerAsync()));
        var before = await fixture.Store.EventCountAsync();

        await fixture.Host.PostProblemAsync($"{Url}/{id}/sign", new SignAgreement(7, null), 409);

        (await fixture.Store.EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_agreement_is_signed_only_once()
    {
        var id = await fixture.Host.SignedAgreementAsync(Programme(await fixture.Host.PartnerAsync()));
        var before = await fixture.Store.EventCountAsync();

        var problem = await fixture.Host.PostProblemAsync($"{Url}/{id}/sign", new SignAgreement(2, null), 409);

        problem.Type.ShouldEndWith("agreement-not-draft");
        (await fixture.Store.EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_signing_date_in_the_future_is_refused()
    {
        var id = await fixture.Host.CreateAsync(Url, Programme(await fixture.Host.PartnerAsync()));

        var problem = await fixture.Host.PostExpectingProblemAsync($"{Url}/{id}/sign", new SignAgreement(1, Today.AddDays(2)));

        problem.Fields.ShouldBe(["signedOn"]);
    }

    [Fact]
    public async Task An_agreement_whose_term_is_over_cannot_be_signed()
    {
        var partner = await fixture.Host.PartnerAsync();
        var id = await fixture.Host.CreateAsync(Url, Programme(partner) with { StartsOn = Today.AddDays(-400), EndsOn = Today.AddDays(-1) });

        var problem = await fixture.Host.PostProblemAsync($"{Url}/{id}/sign", new SignAgreement(1, null), 422);

        problem.Type.ShouldEndWith("agreement-term-over");
    }

    [Fact]
    public async Task Signing_an_unknown_agreement_is_refused()
    {
        await fixture.Host.PostProblemAsync($"{Url}/{Guid.NewGuid()}/sign", new SignAgreement(1, null), 404);
        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new SignAgreement(0, null), Alba.JsonStyle.MinimalApi).ToUrl($"{Url}/{Guid.NewGuid()}/sign");
            s.StatusCodeShouldBe(404);
        });
        (await fixture.Store.EventCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Amending_replaces_parties_scope_and_value_and_republishes_the_agreement()
    {
        var first = await fixture.Host.PartnerAsync();
        var second = await fixture.Host.PartnerAsync("Hội Liên hiệp Phụ nữ huyện");
        var id = await fixture.Host.SignedAgreementAsync(Programme(first));

        var tracked = await fixture.Host.ExecuteAndWaitAsync(() => fixture.Host.PostOkAsync($"{Url}/{id}/amend",
            new AmendAgreement(2, [first, second], ["4"], ["DirectContact"], ["4.01"], null, null, "Thêm Hội Phụ nữ")));

        var agreement = await fixture.Host.GetJsonAsync<Agreement>($"{Url}/{id}");
        agreement.PartnerIds.ShouldBe([first, second]);
        agreement.Scope.AudienceCodes.ShouldBe(["4"]);
        agreement.Scope.ActivitiesPerYear.ShouldBeNull();
        agreement.Scope.FormKinds.ShouldBe(["DirectContact"]);
        agreement.Amendments.ShouldBe(1);
        agreement.Version.ShouldBe(3);
        var message = tracked.Sent.MessagesOf<AgreementSigned>().First();
        message.PartnerIds.ShouldBe([first, second]);
        message.PlanLineCodes.ShouldBe(["4.01"]);
        message.ActivitiesPerYear.ShouldBeNull();
    }

    [Fact]
    public async Task A_draft_cannot_be_amended()
    {
        var partner = await fixture.Host.PartnerAsync();
        var id = await fixture.Host.CreateAsync(Url, Programme(partner));

        var problem = await fixture.Host.PostProblemAsync($"{Url}/{id}/amend",
            new AmendAgreement(1, [partner], [], [], [], null, null, "Sửa"), 409);

        problem.Type.ShouldEndWith("agreement-not-signed");
    }

    [Fact]
    public async Task An_amendment_needs_a_note_parties_and_for_a_contract_a_value()
    {
        var partner = await fixture.Host.PartnerAsync();
        var id = await fixture.Host.SignedAgreementAsync(Programme(partner) with { Kind = AgreementKind.Contract, ValueVnd = 10_000_000m });
        var before = await fixture.Store.EventCountAsync();

        var problem = await fixture.Host.PostExpectingProblemAsync($"{Url}/{id}/amend",
            new AmendAgreement(2, [], ["x"], ["Fax"], [], -1, null, " "));

        problem.Fields.ShouldBe(["partnerIds", "audienceCodes[0]", "formKinds[0]", "activitiesPerYear", "valueVnd", "note"], ignoreOrder: true);
        (await fixture.Store.EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Renewing_moves_the_end_date_republishes_and_reschedules_the_expiry()
    {
        var draft = Programme(await fixture.Host.PartnerAsync());
        var id = await fixture.Host.SignedAgreementAsync(draft);
        var newEnd = draft.EndsOn!.Value.AddYears(1);

        var tracked = await fixture.Host.ExecuteAndWaitAsync(() => fixture.Host.PostOkAsync($"{Url}/{id}/renew", new RenewAgreement(2, newEnd)));

        var agreement = await fixture.Host.GetJsonAsync<Agreement>($"{Url}/{id}");
        agreement.EndsOn.ShouldBe(newEnd);
        agreement.Renewals.ShouldBe(1);
        tracked.Sent.MessagesOf<AgreementSigned>().First().EndsOn.ShouldBe(newEnd);
        var expiry = Envelopes<ExpireAgreement>(tracked).ShouldHaveSingleItem();
        expiry.Message.ShouldBe(new ExpireAgreement(id, newEnd));
        expiry.ScheduledTime.ShouldBe(AgreementSchedule.StartOf(newEnd));
        expiry.TenantId.ShouldBe(District);
        Envelopes<WarnAgreementExpiry>(tracked).ShouldHaveSingleItem().Message.ShouldBe(new WarnAgreementExpiry(id, newEnd));
    }

    [Fact]
    public async Task A_renewal_must_end_later_and_needs_a_signed_agreement()
    {
        var partner = await fixture.Host.PartnerAsync();
        var draft = Programme(partner);
        var signed = await fixture.Host.SignedAgreementAsync(draft);
        var drafted = await fixture.Host.CreateAsync(Url, draft);

        (await fixture.Host.PostExpectingProblemAsync($"{Url}/{signed}/renew", new RenewAgreement(2, draft.EndsOn))).Fields.ShouldBe(["endsOn"]);
        (await fixture.Host.PostExpectingProblemAsync($"{Url}/{signed}/renew", new RenewAgreement(2, null))).Fields.ShouldBe(["endsOn"]);
        (await fixture.Host.PostProblemAsync($"{Url}/{drafted}/renew", new RenewAgreement(1, draft.EndsOn!.Value.AddDays(1)), 409))
            .Type.ShouldEndWith("agreement-not-signed");
    }

    [Fact]
    public async Task Terminating_ends_the_agreement_and_announces_it()
    {
        var id = await fixture.Host.SignedAgreementAsync(Programme(await fixture.Host.PartnerAsync()));

        var tracked = await fixture.Host.ExecuteAndWaitAsync(() =>
            fixture.Host.PostOkAsync($"{Url}/{id}/terminate", new TerminateAgreement(2, "Đơn vị giải thể", Today)));

        var agreement = await fixture.Host.GetJsonAsync<Agreement>($"{Url}/{id}");
        agreement.Status.ShouldBe(AgreementStatus.Terminated);
        agreement.EndReason.ShouldBe("Đơn vị giải thể");
        var ended = tracked.Sent.Envelopes().Where(e => e.Message is AgreementEnded).ToList();
        ended.Select(e => e.Destination!.ToString()).ShouldBe(
            [$"postgresql://{ServiceNames.Planning}/"]);
        ended[0].Message.ShouldBe(new AgreementEnded(id, "Terminated", Today));
    }

    [Fact]
    public async Task Termination_needs_a_reason_a_past_date_and_a_signed_agreement()
    {
        var partner = await fixture.Host.PartnerAsync();
        var signed = await fixture.Host.SignedAgreementAsync(Programme(partner));
        var drafted = await fixture.Host.CreateAsync(Url, Programme(partner));

        (await fixture.Host.PostExpectingProblemAsync($"{Url}/{signed}/terminate", new TerminateAgreement(2, "", Today.AddDays(1))))
            .Fields.ShouldBe(["reason", "terminatedOn"], ignoreOrder: true);
        (await fixture.Host.PostExpectingProblemAsync($"{Url}/{signed}/terminate", new TerminateAgreement(2, new string('x', 1001), null)))
            .Fields.ShouldBe(["reason"]);
        (await fixture.Host.PostProblemAsync($"{Url}/{drafted}/terminate", new TerminateAgreement(1, "Hủy", null), 409))
            .Type.ShouldEndWith("agreement-not-signed");
    }

    [Fact]
    public async Task Agreements_are_listed_by_end_date_and_filtered_by_status_and_party()
    {
        var first = await fixture.Host.PartnerAsync();
        var second = await fixture.Host.PartnerAsync("Hội Cựu chiến binh huyện");
        var later = await fixture.Host.SignedAgreementAsync(Programme(first, Today.AddDays(400)));
        var sooner = await fixture.Host.CreateAsync(Url, Programme(second, Today.AddDays(100)));

        (await fixture.Host.GetJsonAsync<List<Agreement>>(Url)).Select(a => a.Id).ShouldBe([sooner, later]);
        (await fixture.Host.GetJsonAsync<List<Agreement>>($"{Url}?status=Signed")).Select(a => a.Id).ShouldBe([later]);
        (await fixture.Host.GetJsonAsync<List<Agreement>>($"{Url}?partnerId={second}")).Select(a => a.Id).ShouldBe([sooner]);
    }
}
