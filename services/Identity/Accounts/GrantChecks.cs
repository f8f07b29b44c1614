using BhxhPlatform.ServiceDefaults.Problems;
using BhxhPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;

namespace BhxhPlatform.Identity.Accounts;

/// <summary>What a grant must be, wherever it is given (with an account's opening or later).</summary>
public static class GrantChecks
{
    public static Check Reason(this Check check, string field, string? reason) =>
        check.Text(field, reason, "Lý do", "Reason", 500);

    /// <summary>
    /// A platform role, fitting the account's unit: a provincial administrator of a province, a district
    /// officer of a district; an organisation for a partner or collection agent, and for them only.
    /// </summary>
    public static Check Grant(this Check check, string prefix, string? role, Guid? organisationId, string unit, OrganisationDirectory organisation)
    {
        if (string.IsNullOrWhiteSpace(role))
        {
            return check.Add($"{prefix}role", "required", "Vai trò không được để trống.", "The role is required.");
        }

        if (!PlatformRoles.All.Contains(role))
        {
            return check.Add($"{prefix}role", "unknown-role",
                $"Không có vai trò này; chọn một trong: {string.Join(", ", PlatformRoles.All)}.", $"No such role; one of: {string.Join(", ", PlatformRoles.All)}.");
        }

        var province = organisation.ProvinceOf(unit) is null;
        check.That(role != PlatformRoles.ProvincialAdministrator || province, $"{prefix}role", "province-only",
                "Chỉ cấp quyền quản trị tỉnh cho tài khoản của văn phòng tỉnh.", "The provincial administrator role is granted only in a province's unit.")
            .That(role != PlatformRoles.DistrictOfficer || !province, $"{prefix}role", "district-only",
                "Chỉ cấp quyền cán bộ huyện cho tài khoản của một huyện.", "The district officer role is granted only in a district's unit.");
        if (PlatformRoles.NeedsOrganisation(role))
        {
            check.That(organisationId is { } o && o != Guid.Empty, $"{prefix}organisationId", "required",
                "Vai trò này cần tổ chức (mã đối tác trong Partners).", "This role needs its organisation (a partner id of Partners).");
        }
        else
        {
            check.That(organisationId is null, $"{prefix}organisationId", "not-applicable",
                "Vai trò này không gắn với tổ chức.", "This role has no organisation.");
        }

        return check;
    }

    /// <summary>409 when the account already holds this grant, or an organisation other than the one its grants name.</summary>
    public static ProblemDetails Fits(string role, Guid? organisationId, IReadOnlyList<Grant> existing)
    {
        if (existing.FirstOrDefault(g => g.Role == role && g.OrganisationId == organisationId) is { } same)
        {
            var problem = ProblemResults.Conflict("already-granted", "Tài khoản đã có quyền này.", "The account already holds this grant.");
            problem.Extensions["grantId"] = same.GrantId;
            return problem;
        }

        return organisationId is { } o && existing.Any(g => g.OrganisationId is { } other && other != o)
            ? ProblemResults.Conflict("one-organisation",
                "Một tài khoản chỉ thuộc một tổ chức; rút quyền cũ hoặc mở tài khoản khác.",
                "An account acts for one organisation; withdraw the other grant or open another account.")
            : Wolverine.Http.WolverineContinue.NoProblems;
    }
}

public static class ProblemChain
{
    /// <summary>The first problem: this one (field errors), else the state rule's.</summary>
    public static ProblemDetails Then(this ProblemDetails fields, Func<ProblemDetails> state)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(state);
        return ReferenceEquals(fields, Wolverine.Http.WolverineContinue.NoProblems) ? state() : fields;
    }
}
