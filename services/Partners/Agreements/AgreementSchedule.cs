using Wolverine;

namespace BhxhPlatform.Partners.Agreements;

/// <summary>Settings of the agreements module (section <c>Agreements</c>).</summary>
public sealed class AgreementOptions
{
    public const string Section = "Agreements";

    /// <summary>How many days before its end date the office is warned that an agreement ends.</summary>
    public int ExpiryWarningDays { get; set; } = 30;
}

/// <summary>
/// Days as the district office sees them (Vietnam time, UTC+7), and the durable messages that
/// expire an agreement on its end date and warn before it.
/// </summary>
public static class AgreementSchedule
{
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(VietnamOffset).DateTime);

    /// <summary>Midnight at the start of <paramref name="day"/>, Vietnam time.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), VietnamOffset);

    /// <summary>
    /// The expiry on the end date and the warning <paramref name="warningDays"/> before it (at once
    /// when that day has passed). The tenant travels on the envelopes from the signing request.
    /// </summary>
    public static IEnumerable<object> For(Guid agreementId, DateOnly endsOn, TimeProvider clock, int warningDays)
    {
        var now = clock.GetUtcNow();
        var warnAt = StartOf(endsOn.AddDays(-warningDays));
        yield return new ExpireAgreement(agreementId, endsOn).ScheduledAt(StartOf(endsOn));
        yield return new WarnAgreementExpiry(agreementId, endsOn).ScheduledAt(warnAt < now ? now : warnAt);
    }
}
