using BhxhPlatform.Outreach.Activities;

namespace BhxhPlatform.Outreach.Employers;

/// <summary>An employer that evades or is late paying contributions was publicly named.</summary>
public sealed record EmployerDisclosed(
    Guid DisclosureId,
    string EmployerName,
    string TaxCode,
    long AmountOwedVnd,
    int MonthsOverdue,
    MediaPlatform Channel,
    string Link,
    DateOnly PublishedOn);

/// <summary>The employer paid; the disclosure is withdrawn (it stays in the history).</summary>
public sealed record EmployerDisclosureWithdrawn(Guid DisclosureId, DateOnly PaidOn, string Reason);

/// <summary>A public naming of an employer that owes contributions.</summary>
public sealed record EmployerDisclosure(
    Guid Id,
    string EmployerName,
    string TaxCode,
    long AmountOwedVnd,
    int MonthsOverdue,
    MediaPlatform Channel,
    string Link,
    DateOnly PublishedOn,
    bool Withdrawn,
    DateOnly? PaidOn,
    string? WithdrawalReason,
    long Version)
{
    public static EmployerDisclosure Create(EmployerDisclosed e) => new(
        e.DisclosureId, e.EmployerName, e.TaxCode, e.AmountOwedVnd, e.MonthsOverdue, e.Channel, e.Link, e.PublishedOn, false, null, null, 1);

    public EmployerDisclosure Apply(EmployerDisclosureWithdrawn e) =>
        this with { Withdrawn = true, PaidOn = e.PaidOn, WithdrawalReason = e.Reason, Version = Version + 1 };
}

/// <summary>An employer that complies was publicly praised.</summary>
public sealed record EmployerPraised(Guid PraiseId, string EmployerName, string TaxCode, string Reason, MediaPlatform Channel, string Link, DateOnly PublishedOn);

/// <summary>A public praise of a compliant employer.</summary>
public sealed record EmployerPraise(Guid Id, string EmployerName, string TaxCode, string Reason, MediaPlatform Channel, string Link, DateOnly PublishedOn)
{
    public static EmployerPraise Create(EmployerPraised e) => new(e.PraiseId, e.EmployerName, e.TaxCode, e.Reason, e.Channel, e.Link, e.PublishedOn);
}
