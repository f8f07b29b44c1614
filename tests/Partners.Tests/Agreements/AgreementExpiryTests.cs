using BhxhPlatform.Contracts;
using BhxhPlatform.Contracts.Partners;
using BhxhPlatform.Contracts.Reminders;
using BhxhPlatform.Partners.Agreements;
using BhxhPlatform.ServiceDefaults.Security;
using BhxhPlatform.TestSupport;
using Wolverine.Tracking;
using static BhxhPlatform.Partners.Tests.Given;

namespace BhxhPlatform.Partners.Tests.Agreements;

[Collection(PartnersCollection.Name)]
public sealed class AgreementExpiryTests(PartnersFixture fixture) : IAsyncLifetime
{
    private static readonly string Url = $"/api/units/{District}/agreements";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_scheduled_message_expires_the_agreement_on_its_end_date_and_announces_it()
    {
        var draft = Programme(await fixture.Host.PartnerAsync());
        var id = await fixture.Host.SignedAgreementAsync(draft);

        var tracked = await fixture.Host.InvokeMessageAndWaitAsync(new ExpireAgreement(id, draft.EndsOn!.Value), District);

        var agreement = await fixture.Host.GetJsonAsync<Agreement>($"{Url}/{id}");
        agreement.Status.ShouldBe(AgreementStatus.Expired);
        agreement.EndedOn.ShouldBe(draft.EndsOn!.Value);
        var ended = tracked.Sent.Envelopes().Where(e => e.Message is AgreementEnded).ToList();
        ended.Single().Destination!.ToString().ShouldBe($"postgresql://{ServiceNames.Planning}/");
        ended.ShouldAllBe(e => e.TenantId == District);
        ended[0].Message.ShouldBe(new AgreementEnded(id, "Expired", draft.EndsOn!.Value));
    }

    [Fact]
    public async Task A_repeated_expiry_changes_nothing()
    {
        var draft = Programme(await fixture.Host.PartnerAsync());
        var id = await fixture.Host.SignedAgreementAsync(draft);
        await fixture.Host.InvokeMessageAndWaitAsync(new ExpireAgreement(id, draft.EndsOn!.Value), District);
        var before = await fixture.Store.EventCountAsync();

        var tracked = await fixture.Host.InvokeMessageAndWaitAsync(new ExpireAgreement(id, draft.EndsOn!.Value), District);

        (await fixture.Store.EventCountAsync()).ShouldBe(before);
        tracked.Sent.MessagesOf<AgreementEnded>().ShouldBeEmpty();
    }

    [Fact]
    public async Task An_expiry_scheduled_before_a_renewal_is_ignored()
    {
        var draft = Programme(await fixture.Host.PartnerAsync());
        var id = await fixture.Host.SignedAgreementAsync(draft);
        var newEnd = draft.EndsOn!.Value.AddYears(1);
        await fixture.Host.PostOkAsync($"{Url}/{id}/renew", new RenewAgreement(2, newEnd));

        var stale = await fixture.Host.InvokeMessageAndWaitAsync(new ExpireAgreement(id, draft.EndsOn!.Value), District);

        stale.Sent.MessagesOf<AgreementEnded>().ShouldBeEmpty();
        (await fixture.Host.GetJsonAsync<Agreement>($"{Url}/{id}")).Status.ShouldBe(AgreementStatus.Signed);

        await fixture.Host.InvokeMessageAndWaitAsync(new ExpireAgreement(id, newEnd), District);
        (await fixture.Host.GetJsonAsync<Agreement>($"{Url}/{id}")).Status.ShouldBe(AgreementStatus.Expired);
    }

    [Fact]
    public async Task A_terminated_agreement_does_not_expire_again()
    {
        var draft = Programme(await fixture.Host.PartnerAsync());
        var id = await fixture.Host.SignedAgreementAsync(draft);
        await fixture.Host.PostOkAsync($"{Url}/{id}/terminate", new TerminateAgreement(2, "Chấm dứt sớm", null));

        var tracked = await fixture.Host.InvokeMessageAndWaitAsync(new ExpireAgreement(id, draft.EndsOn!.Value), District);

        tracked.Sent.MessagesOf<AgreementEnded>().ShouldBeEmpty();
        (await fixture.Host.GetJsonAsync<Agreement>($"{Url}/{id}")).Status.ShouldBe(AgreementStatus.Terminated);
    }

    [Fact]
    public async Task An_expiry_for_an_unknown_agreement_or_another_district_changes_nothing()
    {
        var draft = Programme(await fixture.Host.PartnerAsync());
        var id = await fixture.Host.SignedAgreementAsync(draft);

        await fixture.Host.InvokeMessageAndWaitAsync(new ExpireAgreement(Guid.NewGuid(), draft.EndsOn!.Value), District);
        await fixture.Host.InvokeMessageAndWaitAsync(new ExpireAgreement(id, draft.EndsOn!.Value), "long-thanh");

        (await fixture.Host.GetJsonAsync<Agreement>($"{Url}/{id}")).Status.ShouldBe(AgreementStatus.Signed);
    }

    [Fact]
    public async Task The_warning_lists_the_agreement_as_expiring_soon_once()
    {
        var partner = await fixture.Host.PartnerAsync();
        var later = await fixture.Host.SignedAgreementAsync(Programme(partner, Today.AddDays(300)));
        var sooner = await fixture.Host.SignedAgreementAsync(Programme(partner, Today.AddDays(200)));
        var unwarned = await fixture.Host.SignedAgreementAsync(Programme(partner, Today.AddDays(100)));

        await fixture.Host.InvokeMessageAndWaitAsync(new WarnAgreementExpiry(later, Today.AddDays(300)), District);
        await fixture.Host.InvokeMessageAndWaitAsync(new WarnAgreementExpiry(sooner, Today.AddDays(200)), District);
        await fixture.Host.InvokeMessageAndWaitAsync(new WarnAgreementExpiry(sooner, Today.AddDays(200)), District);

        var expiring = await fixture.Host.GetJsonAsync<List<ExpiringAgreement>>($"{Url}/expiring-soon");
        expiring.Select(a => a.AgreementId).ShouldBe([sooner, later]);
        expiring.ShouldNotContain(a => a.AgreementId == unwarned);
        (await fixture.Host.GetJsonAsync<Agreement>($"{Url}/{sooner}")).Version.ShouldBe(3);
    }

    [Fact]
    public async Task The_warning_tells_the_units_officers_once_through_identity()
    {
        var partner = await fixture.Host.PartnerAsync();
        var endsOn = Today.AddDays(30);
        var id = await fixture.Host.SignedAgreementAsync(Programme(partner, endsOn));

        var warned = await fixture.Host.InvokeMessageAndWaitAsync(new WarnAgreementExpiry(id, endsOn), District);
        var again = await fixture.Host.InvokeMessageAndWaitAsync(new WarnAgreementExpiry(id, endsOn), District);

        var sent = warned.Sent.Envelopes().Where(e => e.Message is ReminderRaised).ToList();
        sent.Single().Destination!.ToString().ShouldBe($"postgresql://{ServiceNames.Identity}/");
        var reminder = (ReminderRaised)sent[0].Message!;
        reminder.Kind.ShouldBe(ReminderKinds.AgreementEnding);
        reminder.Audience.ShouldBe(new ReminderAudience(District, PlatformRoles.DistrictOfficer));
        reminder.DueOn.ShouldBe(endsOn);
        reminder.PortalPath.ShouldBe($"/agreements/{id}");
        reminder.Subject.Vi.ShouldEndWith($"hết hạn ngày {endsOn:dd/MM/yyyy}");
        reminder.ReminderId.ShouldBe(ReminderIds.For(ReminderKinds.AgreementEnding, id.ToString("D"), endsOn.ToString("O")));
        again.Sent.MessagesOf<ReminderRaised>().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_renewal_or_an_end_takes_the_agreement_off_the_expiring_list_and_a_stale_warning_is_ignored()
    {
        var draft = Programme(await fixture.Host.PartnerAsync());
        var renewed = await fixture.Host.SignedAgreementAsync(draft);
        var ended = await fixture.Host.SignedAgreementAsync(draft);
        await fixture.Host.InvokeMessageAndWaitAsync(new WarnAgreementExpiry(renewed, draft.EndsOn!.Value), District);
        await fixture.Host.InvokeMessageAndWaitAsync(new WarnAgreementExpiry(ended, draft.EndsOn!.Value), District);

        await fixture.Host.PostOkAsync($"{Url}/{renewed}/renew", new RenewAgreement(3, draft.EndsOn!.Value.AddYears(1)));
        await fixture.Host.InvokeMessageAndWaitAsync(new ExpireAgreement(ended, draft.EndsOn!.Value), District);
        await fixture.Host.InvokeMessageAndWaitAsync(new WarnAgreementExpiry(renewed, draft.EndsOn!.Value), District);

        (await fixture.Host.GetJsonAsync<List<ExpiringAgreement>>($"{Url}/expiring-soon")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Signing_close_to_the_end_date_warns_at_once()
    {
        var draft = Programme(await fixture.Host.PartnerAsync(), Today.AddDays(10));
        var id = await fixture.Host.CreateAsync(Url, draft);

        await fixture.Host.ExecuteAndWaitAsync(() => fixture.Host.PostOkAsync($"{Url}/{id}/sign", new SignAgreement(1, null)));
        var deadline = DateTime.UtcNow.AddSeconds(15);
        List<ExpiringAgreement> expiring;
        do
        {
            await Task.Delay(250);
            expiring = await fixture.Host.GetJsonAsync<List<ExpiringAgreement>>($"{Url}/expiring-soon");
        }
        while (expiring.Count == 0 && DateTime.UtcNow < deadline);

        expiring.ShouldHaveSingleItem().AgreementId.ShouldBe(id);
    }
}
