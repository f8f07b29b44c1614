using BhxhPlatform.Portal.ServiceClients;

namespace BhxhPlatform.Portal.Components.Pages.Province;

/// <summary>The only figures the province pages add up themselves: the service's per-line months, totalled by month.</summary>
public static class ProvinceFigures
{
    public static IReadOnlyList<PeriodProgressView> Months(ProgressReportView? report) =>
        report is null
            ? []
            : Enumerable.Range(1, 12)
                .Select(m => new PeriodProgressView(
                    m,
                    report.Lines.Sum(l => l.Month(m)?.Expected ?? 0),
                    report.Lines.Sum(l => l.Month(m)?.Logged ?? 0)))
                .ToList();
}
