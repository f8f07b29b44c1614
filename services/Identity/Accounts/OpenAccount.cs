using System.Text.RegularExpressions;
using BhxhPlatform.Identity.Credentials;
using BhxhPlatform.ServiceDefaults.Problems;
using BhxhPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Wolverine.Http;

namespace BhxhPlatform.Identity.Accounts;

/// <summary>One role to grant with the opening of an account.</summary>
public sealed record InitialGrant(string? Role, Guid? OrganisationId, string? Reason);

/// <summary>
/// Open an account for a person in a unit, with the password they sign in with first (they choose
/// their own at that first sign-in unless <see cref="MustChangePassword"/> is false) and, optionally,
/// its first grants.
/// </summary>
public sealed record OpenAccount(
    string? UserName, string? DisplayName, string? Email, string? InitialPassword, bool MustChangePassword = true, IReadOnlyList<InitialGrant>? Grants = null);

public static partial class OpenAccountEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(OpenAccount command, string unit, UserManager<PlatformUser> users, OrganisationDirectory organisation)
    {
        var check = new Check()
            .Text("userName", command.UserName, "Tên đăng nhập", "User name", 64)
            .Text("displayName", command.DisplayName, "Họ tên", "Display name", 200)
            .Text("email", command.Email, "Thư điện tử", "E-mail", 200, required: false)
            .That(command.Email is null || command.Email.Contains('@', StringComparison.Ordinal), "email", "invalid", "Thư điện tử không hợp lệ.", "The e-mail is not valid.");
        if (command.UserName is { Length: > 0 } name)
        {
            check.That(UserNamePattern().IsMatch(name), "userName", "invalid",
                "Tên đăng nhập gồm 3–64 chữ thường không dấu, số, dấu chấm, gạch nối (vd. officer.bien-hoa).",
                "A user name is 3–64 lower-case ASCII letters, digits, dots and hyphens (e.g. officer.bien-hoa).");
        }

        if (string.IsNullOrEmpty(command.InitialPassword))
        {
            check.Add("initialPassword", "required", "Mật khẩu ban đầu không được để trống.", "The initial password is required.");
        }
        else
        {
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, new PlatformUser { UserName = command.UserName }, command.InitialPassword);
                foreach (var error in result.Errors)
                {
                    check.Add("initialPassword", "weak-password", PasswordRules.Vietnamese(error), error.Description);
                }
            }
        }

        var grants = command.Grants ?? [];
        for (var i = 0; i < grants.Count; i++)
        {
            check.Grant($"grants[{i}].", grants[i]?.Role, grants[i]?.OrganisationId, unit, organisation).Reason($"grants[{i}].reason", grants[i]?.Reason);
        }

        if (!check.IsValid)
        {
            return check.ToProblem();
        }

        var existing = await users.FindByNameAsync(command.UserName!);
        return existing is null ? WolverineContinue.NoProblems : Taken(existing.Id);
    }

    [WolverinePost("/api/units/{unit}/accounts")]
    [Tags("Accounts")]
    [ProducesResponseType<CreationResponse<Guid>>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(OpenAccount command, string unit, AccountWriter writer, HttpContext context, CancellationToken cancellation)
    {
        var id = Guid.CreateVersion7();
        var user = new PlatformUser
        {
            Id = id,
            UserName = command.UserName!,
            Email = command.Email,
            DisplayName = command.DisplayName!.Trim(),
            Unit = unit,
            MustChangePassword = command.MustChangePassword,
        };
        var opened = new AccountOpened(id, user.UserName, user.DisplayName, unit, command.Email);
        var grants = (command.Grants ?? []).Select(g => new RoleGranted(id, Guid.CreateVersion7(), g.Role!, g.OrganisationId, g.Reason!.Trim())).ToList();
        try
        {
            var result = await writer.OpenAsync(user, command.InitialPassword!, opened, grants, AuditStamp.Of(context), cancellation);
            if (!result.Succeeded)
            {
                return Results.Problem(ProblemResults.ValidationProblem(result.Errors.Select(e =>
                    new FieldError("initialPassword", e.Code, PasswordRules.Vietnamese(e), e.Description))));
            }
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Another administrator opened the same user name at the same moment; PostgreSQL's unique index refused this one.
            return Results.Problem(Taken(null));
        }

        var url = $"/api/units/{unit}/accounts/{id}";
        return Results.Created(url, new CreationResponse<Guid>(url, id));
    }

    private static ProblemDetails Taken(Guid? accountId)
    {
        var problem = ProblemResults.Conflict("user-name-taken", "Tên đăng nhập này đã có người dùng.", "This user name is already taken.");
        if (accountId is { } id)
        {
            problem.Extensions["accountId"] = id;
        }

        return problem;
    }

    [GeneratedRegex(@"\A[a-z0-9][a-z0-9._-]{2,63}\z")]
    private static partial Regex UserNamePattern();
}

/// <summary>ASP.NET Core Identity's password rules, in Vietnamese beside its English.</summary>
public static class PasswordRules
{
    public static string Vietnamese(IdentityError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Code switch
        {
            nameof(IdentityErrorDescriber.PasswordTooShort) => "Mật khẩu quá ngắn (ít nhất 8 ký tự).",
            nameof(IdentityErrorDescriber.PasswordRequiresDigit) => "Mật khẩu cần ít nhất một chữ số.",
            nameof(IdentityErrorDescriber.PasswordRequiresLower) => "Mật khẩu cần ít nhất một chữ thường.",
            nameof(IdentityErrorDescriber.PasswordRequiresUpper) => "Mật khẩu cần ít nhất một chữ hoa.",
            nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => "Mật khẩu cần ít nhất một ký tự đặc biệt.",
            nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => "Mật khẩu cần nhiều ký tự khác nhau hơn.",
            nameof(IdentityErrorDescriber.PasswordMismatch) => "Mật khẩu hiện tại không đúng.",
            nameof(IdentityErrorDescriber.DuplicateUserName) => "Tên đăng nhập này đã có người dùng.",
            nameof(IdentityErrorDescriber.InvalidUserName) => "Tên đăng nhập không hợp lệ.",
            _ => "Mật khẩu hoặc tên đăng nhập không hợp lệ.",
        };
    }
}
