using BhxhPlatform.Contracts;
using BhxhPlatform.Planning.Catalogue;
using BhxhPlatform.ServiceDefaults.Problems;

namespace BhxhPlatform.Planning.Templates;

/// <summary>A plan line as a client sends it: enums nullable so a missing one is reported, not defaulted.</summary>
public sealed record PlanLineInput(
    string Code,
    string AudienceCode,
    string Subject,
    string Form,
    CommunicationForm? FormKind,
    string? FrequencyText,
    FrequencySpec? Frequency,
    string LeadUnit,
    IReadOnlyList<string>? PartnerUnits,
    string? CoordinationFormText,
    CoordinationKind? Coordination,
    IReadOnlyList<string>? Tasks)
{
    public const int MaxCodeLength = 20;
    public const int MaxShortText = 500;
    public const int MaxTaskText = 4000;
    public const int MaxListItems = 30;

    public static PlanLineInput From(PlanLine line) => new(
        line.Code, line.AudienceCode, line.Subject, line.Form, line.FormKind, line.FrequencyText, line.Frequency,
        line.LeadUnit, line.PartnerUnits, line.CoordinationFormText, line.Coordination, line.Tasks);

    /// <summary>The line, trimmed; call only once <see cref="PlanLineChecks.CheckLine"/> found nothing.</summary>
    public PlanLine ToLine() => new(
        Code.Trim(), AudienceCode.Trim(), Subject.Trim(), Form.Trim(), FormKind!.Value, FrequencyText?.Trim(), Frequency!,
        LeadUnit.Trim(), (PartnerUnits ?? []).Select(p => p.Trim()).ToList(), CoordinationFormText?.Trim(), Coordination!.Value,
        (Tasks ?? []).Select(t => t.Trim()).ToList());
}

public static class PlanLineChecks
{
    /// <summary>Checks every field of a line; field names are prefixed (e.g. <c>line.subject</c>).</summary>
    public static Check CheckLine(this Check check, string prefix, PlanLineInput? line, PlanCatalogue catalogue)
    {
        if (line is null)
        {
            return check.Add(prefix, "required", "Dòng kế hoạch không được để trống.", "The plan line is required.");
        }

        check
            .Text($"{prefix}.code", line.Code, "Mã dòng", "Line code", PlanLineInput.MaxCodeLength)
            .Text($"{prefix}.audienceCode", line.AudienceCode, "Mã đối tượng", "Audience code", PlanLineInput.MaxCodeLength)
            .Text($"{prefix}.subject", line.Subject, "Chủ thể được truyền thông", "Subject", PlanLineInput.MaxShortText)
            .Text($"{prefix}.form", line.Form, "Hình thức truyền thông", "Form", PlanLineInput.MaxShortText)
            .That(line.FormKind is not null && Enum.IsDefined(line.FormKind.Value), $"{prefix}.formKind", "required",
                "Loại hình thức truyền thông không được để trống.", "The form kind is required.")
            .Text($"{prefix}.frequencyText", line.FrequencyText, "Tần suất", "Frequency text", PlanLineInput.MaxShortText, required: false)
            .Text($"{prefix}.leadUnit", line.LeadUnit, "Đơn vị chủ trì", "Lead unit", PlanLineInput.MaxShortText)
            .Text($"{prefix}.coordinationFormText", line.CoordinationFormText, "Hình thức phối hợp", "Coordination form", PlanLineInput.MaxShortText, required: false)
            .That(line.Coordination is not null && Enum.IsDefined(line.Coordination.Value), $"{prefix}.coordination", "required",
                "Cách phối hợp không được để trống.", "The coordination kind is required.")
            .That(line.AudienceCode is null || catalogue.HasAudience(line.AudienceCode.Trim()), $"{prefix}.audienceCode", "unknown-audience",
                "Không có đối tượng này trong danh mục.", "There is no such audience in the catalogue.")
            .That((line.PartnerUnits?.Count ?? 0) <= PlanLineInput.MaxListItems, $"{prefix}.partnerUnits", "too-many",
                $"Tối đa {PlanLineInput.MaxListItems} đơn vị phối hợp.", $"At most {PlanLineInput.MaxListItems} partner units.")
            .That(line.Tasks is { Count: > 0 and <= PlanLineInput.MaxListItems }, $"{prefix}.tasks", "count",
                $"Cần từ 1 đến {PlanLineInput.MaxListItems} công việc.", $"Between 1 and {PlanLineInput.MaxListItems} tasks are required.");

        for (var i = 0; i < (line.PartnerUnits?.Count ?? 0); i++)
        {
            check.Text($"{prefix}.partnerUnits[{i}]", line.PartnerUnits![i], "Đơn vị phối hợp", "Partner unit", PlanLineInput.MaxShortText);
        }

        for (var i = 0; i < (line.Tasks?.Count ?? 0); i++)
        {
            check.Text($"{prefix}.tasks[{i}]", line.Tasks![i], "Công việc", "Task", PlanLineInput.MaxTaskText);
        }

        return check.CheckFrequency($"{prefix}.frequency", line.Frequency);
    }

    private static Check CheckFrequency(this Check check, string field, FrequencySpec? frequency)
    {
        if (frequency is null || !Enum.IsDefined(frequency.Kind))
        {
            return check.Add(field, "required", "Tần suất không được để trống.", "The frequency is required.");
        }

        return frequency.Kind switch
        {
            FrequencyKind.AtMostEveryMonths => check.That(frequency.Months is >= 1 and <= 12, $"{field}.months", "out-of-range",
                "Số tháng phải từ 1 đến 12.", "Months must be between 1 and 12."),
            FrequencyKind.QuarterlyPerOrganisation => check
                .That(frequency.Min is >= 0 and <= 31, $"{field}.min", "out-of-range", "Số tối thiểu phải từ 0 đến 31.", "Min must be between 0 and 31.")
                .That(frequency.Max is >= 1 and <= 31 && frequency.Max >= (frequency.Min ?? 0), $"{field}.max", "out-of-range",
                    "Số tối đa phải từ 1 đến 31 và không nhỏ hơn số tối thiểu.", "Max must be between 1 and 31 and not below min."),
            FrequencyKind.PerHostCalendar => check.Text($"{field}.host", frequency.Host, "Đơn vị tổ chức", "Host", PlanLineInput.MaxShortText),
            _ => check,
        };
    }
}
