using BhxhPlatform.Partners.Agreements;

namespace BhxhPlatform.Partners.Tests.Agreements;

public sealed class AgreementDecisionTests
{
    private static readonly DateOnly End = new(2027, 6, 30);

    private static readonly Agreement Signed = Agreement.Create(new AgreementDrafted(
            Guid.NewGuid(), AgreementKind.Programme, "Chương trình", [Guid.NewGuid()], new AgreementScope([], [], [], null), new DateOnly(2026, 1, 1), End, null))
        .Apply(new AgreementConcluded(Guid.Empty, new DateOnly(2026, 1, 2)));

    [Fact]
    public void Only_a_signed_agreement_ending_on_the_scheduled_date_expires()
    {
        ExpireAgreementHandler.ShouldExpire(Signed, End).ShouldBeTrue();
        ExpireAgreementHandler.ShouldExpire(Signed, End.AddDays(-1)).ShouldBeFalse();
        ExpireAgreementHandler.ShouldExpire(null, End).ShouldBeFalse();
        ExpireAgreementHandler.ShouldExpire(Signed with { Status = AgreementStatus.Expired }, End).ShouldBeFalse();
        ExpireAgreementHandler.ShouldExpire(Signed with { Status = AgreementStatus.Drafted }, End).ShouldBeFalse();
    }

    [Fact]
    public void A_warning_is_given_once_per_end_date()
    {
        WarnAgreementExpiryHandler.ShouldWarn(Signed, End).ShouldBeTrue();
        WarnAgreementExpiryHandler.ShouldWarn(Signed with { ExpiryWarnedFor = End }, End).ShouldBeFalse();
        WarnAgreementExpiryHandler.ShouldWarn(Signed.Apply(new AgreementRenewed(Signed.Id, End, End.AddYears(1), End)), End).ShouldBeFalse();
        WarnAgreementExpiryHandler.ShouldWarn(Signed with { Status = AgreementStatus.Terminated }, End).ShouldBeFalse();
    }

    [Fact]
    public void The_expiry_is_scheduled_for_the_start_of_the_end_date_in_vietnam_and_the_warning_thirty_days_before()
    {
        var id = Guid.NewGuid();
        var clock = new FixedClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var scheduled = AgreementSchedule.For(id, End, clock, 30).ToList();

        var expiry = scheduled[0].ShouldBeAssignableTo<Wolverine.DeliveryMessage<ExpireAgreement>>();
        expiry.Message.ShouldBe(new ExpireAgreement(id, End));
        expiry.Options.ScheduledTime.ShouldBe(new DateTimeOffset(2027, 6, 29, 17, 0, 0, TimeSpan.Zero));
        var warning = scheduled[1].ShouldBeAssignableTo<Wolverine.DeliveryMessage<WarnAgreementExpiry>>();
        warning.Message.ShouldBe(new WarnAgreementExpiry(id, End));
        warning.Options.ScheduledTime.ShouldBe(AgreementSchedule.StartOf(new DateOnly(2027, 5, 31)));
    }

    [Fact]
    public void A_warning_day_already_past_is_scheduled_at_once()
    {
        var now = new DateTimeOffset(2027, 6, 20, 3, 0, 0, TimeSpan.Zero);

        var warning = AgreementSchedule.For(Guid.NewGuid(), End, new FixedClock(now), 30).Last()
            .ShouldBeAssignableTo<Wolverine.DeliveryMessage<WarnAgreementExpiry>>();

        warning.Options.ScheduledTime.ShouldBe(now);
    }

    [Fact]
    public void Renewing_clears_the_warning_and_counts()
    {
        var warned = Signed.Apply(new AgreementExpiryWarned(Signed.Id, End, End.AddDays(-30)));
        var renewed = warned.Apply(new AgreementRenewed(Signed.Id, End, End.AddYears(1), End));

        renewed.ExpiryWarnedFor.ShouldBeNull();
        renewed.EndsOn.ShouldBe(End.AddYears(1));
        renewed.Renewals.ShouldBe(1);
        renewed.Version.ShouldBe(4);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
