using System.Text.RegularExpressions;
using BhxhPlatform.Outreach.Common;
using BhxhPlatform.ServiceDefaults.Problems;
using BhxhPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Outreach.Prospects;

/// <summary>
/// Plan the next contact with a prospect: on <see cref="NextContactOn"/>, by <see cref="Assignee"/> (an account's user
/// name; the caller when not given). Without a day, no further contact is planned. <see cref="Version"/> is the
/// prospect's version as last read: a change in between is a conflict (409), never lost.
/// </summary>
public sealed record ScheduleFollowUp(long Version, DateOnly? NextContactOn, string? Assignee = null);

public static partial class ScheduleFollowUpEndpoint
{
    /// <summary>How far ahead a contact may be planned.</summary>
    public const int MaxDaysAhead = 366;

    [GeneratedRegex(@"\A[a-z0-9][a-z0-9._-]{1,99}\z")]
    private static partial Regex UserName();

    public static Check FollowUp(this Check check, DateOnly? nextContactOn, string? assignee, DateOnly today, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(check);
        if (nextContactOn is { } day)
        {
            check
                .That(day >= today, prefix + "nextContactOn", "in-past", "Ngày liên hệ lại không được ở quá khứ.", "The next contact cannot be in the past.")
                .That(day <= today.AddDays(MaxDaysAhead), prefix + "nextContactOn", "too-far",
                    $"Ngày liên hệ lại không quá {MaxDaysAhead} ngày tới.", $"The next contact must be within {MaxDaysAhead} days.");
        }

        if (assignee is not null)
        {
            check.That(UserName().IsMatch(assignee), prefix + "assignee", "not-a-user-name",
                "Người phụ trách phải là tên đăng nhập (chữ thường, số, dấu chấm, gạch).", "The assignee must be a user name (lower-case letters, digits, dots, dashes).");
        }

        return check;
    }

    public static ProblemDetails Validate(ScheduleFollowUp command, Prospect prospect, HttpContext context, TimeProvider clock)
    {
        if (!context.Reaches(prospect.CollectionOrganisationId))
        {
            return SecurityExtensions.OutsideOrganisation();
        }

        var check = new Check().FollowUp(command.NextContactOn, command.Assignee, Formats.LocalDay(clock.GetUtcNow()));
        if (!check.IsValid)
        {
            return check.ToProblem();
        }

        return prospect.IsOpen || command.NextContactOn is null
            ? WolverineContinue.NoProblems
            : ProblemResults.Conflict("prospect-closed",
                "Người này đã có kết quả (hoặc dữ liệu đã bị xoá), không cần liên hệ lại.", "This prospect has an outcome (or was erased): there is nobody to follow up.");
    }

    /// <summary>The follow-up as planned; the same plan again appends nothing.</summary>
    [WolverinePost("/api/units/{unit}/prospects/{id}/follow-up")]
    [Tags("Prospects")]
    [FiltersByOrganisation]
    public static (IResult, Events) Post(ScheduleFollowUp command, [WriteAggregate] Prospect prospect, HttpContext context)
    {
        if (command.NextContactOn is not { } day)
        {
            return (Results.NoContent(), prospect.NextContactOn is null ? [] : [new ProspectFollowUpCleared(prospect.Id)]);
        }

        var assignee = command.Assignee ?? context.User.FindFirst(PlatformClaims.UserName)?.Value ?? "";
        return (Results.NoContent(), prospect.NextContactOn == day && prospect.FollowUpAssignee == assignee
            ? []
            : [new ProspectFollowUpScheduled(prospect.Id, day, assignee)]);
    }
}
