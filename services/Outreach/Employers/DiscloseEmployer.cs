using BhxhPlatform.Outreach.Activities;
using BhxhPlatform.Outreach.Common;
using BhxhPlatform.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Outreach.Employers;

/// <summary>Publicly name an employer that evades or is late paying, on a channel, with a link.</summary>
public sealed record DiscloseEmployer(
    string EmployerName,
    string TaxCode,
    long AmountOwedVnd,
    int MonthsOverdue,
    MediaPlatform? Channel,
    string Link,
    DateOnly PublishedOn);

public static class EmployerRules
{
    public static Check Employer(this Check check, string? name, string? taxCode) => check
        .Text("employerName", name, "Tên đơn vị sử dụng lao động", "Employer name", maxLength: 300)
        .Text("taxCode", taxCode, "Mã số thuế", "Tax code", maxLength: 14)
        .That(string.IsNullOrWhiteSpace(taxCode) || Formats.IsTaxCode(taxCode.Trim()), "taxCode", "not-a-tax-code",
            "Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch và 3 chữ số.", "A tax code is 10 digits, or 10 digits, a dash and 3 digits.");

    public static Check Publication(this Check check, MediaPlatform? channel, string? link, DateOnly publishedOn, DateOnly today) => check
        .That(channel is not null, "channel", "required", "Kênh công bố không được để trống.", "The channel is required.")
        .Link("link", link, "Đường dẫn bài công bố", "Link to the publication")
        .That(publishedOn != default, "publishedOn", "required", "Ngày công bố không được để trống.", "The publication date is required.")
        .That(publishedOn <= today, "publishedOn", "in-future", "Ngày công bố không được ở tương lai.", "The publication date cannot be in the future.");
}

public static class DiscloseEmployerEndpoint
{
    public static ProblemDetails Validate(DiscloseEmployer command, TimeProvider clock) => new Check()
        .Employer(command.EmployerName, command.TaxCode)
        .Range("amountOwedVnd", command.AmountOwedVnd, 1, 1_000_000_000_000_000, "Số tiền nợ (đồng)", "Amount owed (VND)")
        .Range("monthsOverdue", command.MonthsOverdue, 1, 600, "Số tháng chậm đóng", "Months overdue")
        .Publication(command.Channel, command.Link, command.PublishedOn, Formats.LocalDay(clock.GetUtcNow()))
        .ToProblem();

    [WolverinePost("/api/units/{unit}/employer-disclosures")]
    [Tags("Employers")]
    public static (CreationResponse<Guid>, IStartStream) Post(DiscloseEmployer command, string unit)
    {
        var id = Guid.CreateVersion7();
        return (
            new CreationResponse<Guid>($"/api/units/{unit}/employer-disclosures/{id}", id),
            MartenOps.StartStream<EmployerDisclosure>(id, new EmployerDisclosed(
                id, command.EmployerName.Trim(), command.TaxCode.Trim(), command.AmountOwedVnd, command.MonthsOverdue,
                command.Channel!.Value, command.Link.Trim(), command.PublishedOn)));
    }
}

public static class GetEmployerDisclosureEndpoint
{
    [WolverineGet("/api/units/{unit}/employer-disclosures/{id}")]
    [Tags("Employers")]
    public static EmployerDisclosure Get([ReadAggregate] EmployerDisclosure disclosure) => disclosure;
}

/// <summary>The district's disclosures, current ones only unless asked for the withdrawn too.</summary>
public static class ListEmployerDisclosuresEndpoint
{
    [WolverineGet("/api/units/{unit}/employer-disclosures")]
    [Tags("Employers")]
    public static async Task<IReadOnlyList<EmployerDisclosure>> Get(string unit, bool? includeWithdrawn, IQuerySession session, CancellationToken cancellation)
    {
        var query = session.Query<EmployerDisclosure>().AsQueryable();
        if (includeWithdrawn != true)
        {
            query = query.Where(d => !d.Withdrawn);
        }

        return await query.OrderByDescending(d => d.PublishedOn).Take(1000).ToListAsync(cancellation);
    }
}
