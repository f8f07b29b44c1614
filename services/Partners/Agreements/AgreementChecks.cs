using System.Text.RegularExpressions;
using BhxhPlatform.Contracts;
using BhxhPlatform.Partners.Registry;
using BhxhPlatform.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BhxhPlatform.Partners.Agreements;

/// <summary>Rules shared by the commands that set an agreement's parties, scope and value.</summary>
public static partial class AgreementChecks
{
    public const decimal MaxValueVnd = 1_000_000_000_000m;

    [GeneratedRegex(@"\A\d{1,3}(\.\d{1,3}){0,3}\z")]
    private static partial Regex CodePattern();

    public static Check Parties(this Check check, IReadOnlyList<Guid>? partnerIds)
    {
        check.That(partnerIds is { Count: > 0 }, "partnerIds", "required",
            "Cần ít nhất một đơn vị tham gia.", "At least one partner is required.");
        if (partnerIds is null)
        {
            return check;
        }

        check.That(partnerIds.Count <= 50, "partnerIds", "too-many", "Tối đa 50 đơn vị tham gia.", "At most 50 partners.");
        check.That(partnerIds.All(id => id != Guid.Empty), "partnerIds", "empty-id",
            "Mã đơn vị tham gia không hợp lệ.", "A partner id is empty.");
        return check.That(partnerIds.Distinct().Count() == partnerIds.Count, "partnerIds", "duplicate",
            "Một đơn vị được nêu hai lần.", "A partner is listed twice.");
    }

    public static Check Scope(this Check check, IReadOnlyList<string>? audienceCodes, IReadOnlyList<string>? formKinds,
        IReadOnlyList<string>? planLineCodes, int? activitiesPerYear)
    {
        Codes(check, "audienceCodes", audienceCodes, "Mã đối tượng", "Audience code");
        Codes(check, "planLineCodes", planLineCodes, "Mã dòng kế hoạch", "Plan line code");
        foreach (var (form, i) in (formKinds ?? []).Select((f, i) => (f, i)))
        {
            check.That(form is not null && Enum.GetNames<CommunicationForm>().Contains(form),
                $"formKinds[{i}]", "unknown-form", "Hình thức truyền thông không có trong danh mục.", "Unknown form of communication.");
        }

        if (activitiesPerYear is { } perYear)
        {
            check.Range("activitiesPerYear", perYear, 1, 10_000, "Số hoạt động mỗi năm", "Activities per year");
        }

        return check;
    }

    public static Check Value(this Check check, AgreementKind? kind, decimal? valueVnd)
    {
        if (kind == AgreementKind.Contract)
        {
            check.That(valueVnd is not null, "valueVnd", "required",
                "Hợp đồng phải có giá trị (đồng).", "A contract needs a value in VND.");
        }

        if (valueVnd is { } value)
        {
            check.That(value > 0 && value <= MaxValueVnd, "valueVnd", "out-of-range",
                $"Giá trị phải lớn hơn 0 và không quá {MaxValueVnd:N0} đồng.", $"The value must be above 0 and at most {MaxValueVnd:N0} VND.");
            check.That(decimal.Truncate(value) == value, "valueVnd", "fraction",
                "Giá trị tính bằng đồng, không có phần lẻ.", "The value is in whole dong.");
        }

        return check;
    }

    /// <summary>Every party must be a partner of this district (the tenant of the session) and active.</summary>
    public static async Task<ProblemDetails> KnownActivePartiesAsync(
        IReadOnlyList<Guid>? partnerIds, IQuerySession session, CancellationToken cancellation, string field = "partnerIds")
    {
        var ids = (partnerIds ?? []).Where(id => id != Guid.Empty).Distinct().ToArray();
        if (ids.Length == 0)
        {
            return WolverineContinue.NoProblems;
        }

        var partners = (await session.LoadManyAsync<Partner>(cancellation, ids)).ToDictionary(p => p.Id);
        var check = new Check();
        foreach (var id in ids)
        {
            if (!partners.TryGetValue(id, out var partner))
            {
                check.Add(field, "unknown-partner", $"Đối tác {id} không có trong danh bạ đối tác của đơn vị.",
                    $"Partner {id} is not in this unit's registry.");
            }
            else if (partner.Status != PartnerStatus.Active)
            {
                check.Add(field, "partner-not-active", $"Đơn vị {partner.Name} không còn hoạt động.",
                    $"Partner {partner.Name} is not active.");
            }
        }

        return check.ToProblem();
    }

    /// <summary>An optional catalogue line code (e.g. <c>6.01</c>).</summary>
    public static Check PlanLineCode(this Check check, string field, string? code) =>
        code is null ? check : check.That(CodePattern().IsMatch(code), field, "invalid-code",
            "Mã dòng kế hoạch không đúng dạng (ví dụ 3.1.01).", "Plan line code is malformed (e.g. 3.1.01).");

    private static void Codes(Check check, string field, IReadOnlyList<string>? codes, string labelVi, string labelEn)
    {
        if (codes is null)
        {
            return;
        }

        check.That(codes.Count <= 100, field, "too-many", $"{labelVi}: tối đa 100 mã.", $"{labelEn}: at most 100 codes.");
        foreach (var (code, i) in codes.Select((c, i) => (c, i)))
        {
            check.That(code is not null && CodePattern().IsMatch(code), $"{field}[{i}]", "invalid-code",
                $"{labelVi} không đúng dạng (ví dụ 3.1.01).", $"{labelEn} is malformed (e.g. 3.1.01).");
        }
    }
}
