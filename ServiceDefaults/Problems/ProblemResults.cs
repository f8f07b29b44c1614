using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BhxhPlatform.ServiceDefaults.Problems;

/// <summary>
/// RFC 9457 problem details in the shape every BHXH service answers with. Titles carry
/// Vietnamese and English; field errors carry both languages and a stable code.
/// </summary>
public static class ProblemResults
{
    public const string TypeBase = "https://bhxh.gov.vn/problems/";

    /// <summary>
    /// For a Wolverine <c>Validate</c> step: <see cref="WolverineContinue.NoProblems"/> when there is
    /// nothing to report, else a 400 problem listing every field error.
    /// </summary>
    public static ProblemDetails Validation(IReadOnlyCollection<FieldError> errors) =>
        errors.Count == 0 ? WolverineContinue.NoProblems : ValidationProblem(errors);

    public static HttpValidationProblemDetails ValidationProblem(IEnumerable<FieldError> errors)
    {
        var list = errors.ToList();
        var problem = new HttpValidationProblemDetails(
            list.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.ToString()).ToArray()))
        {
            Type = TypeBase + "validation",
            Title = "Dữ liệu không hợp lệ / The request is not valid",
            Status = StatusCodes.Status400BadRequest,
            Detail = "Sửa các trường được nêu rồi gửi lại. Không có gì được ghi. / Correct the fields listed and send again. Nothing was recorded.",
        };
        problem.Extensions["fieldErrors"] = list;
        return problem;
    }

    /// <summary>A problem about the state of a resource (e.g. a plan that is already approved).</summary>
    public static ProblemDetails Conflict(string code, string vi, string en) => new()
    {
        Type = TypeBase + code,
        Title = "Xung đột trạng thái / Conflict with the current state",
        Status = StatusCodes.Status409Conflict,
        Detail = $"{vi} / {en}",
        Extensions = { ["code"] = code },
    };

    /// <summary>A command refused by a business rule against the current state.</summary>
    public static ProblemDetails Rejected(string code, string vi, string en) => new()
    {
        Type = TypeBase + code,
        Title = "Không thể thực hiện / The command cannot be carried out",
        Status = StatusCodes.Status422UnprocessableEntity,
        Detail = $"{vi} / {en}",
        Extensions = { ["code"] = code },
    };

    public static ProblemDetails NotFound(string vi, string en) => new()
    {
        Type = TypeBase + "not-found",
        Title = "Không tìm thấy / Not found",
        Status = StatusCodes.Status404NotFound,
        Detail = $"{vi} / {en}",
    };

    /// <summary>The answer to a write whose expected version no longer matches the stream.</summary>
    public static ProblemDetails ConcurrencyConflict(Exception exception) => new()
    {
        Type = TypeBase + "concurrency-conflict",
        Title = "Dữ liệu đã bị người khác thay đổi / Someone else changed this first",
        Status = StatusCodes.Status409Conflict,
        Detail = "Tải lại bản mới nhất rồi thử lại. Không có gì được ghi. / Reload the latest version and try again. Nothing was recorded.",
        Extensions = { ["code"] = "concurrency-conflict", ["reason"] = exception.GetType().Name },
    };
}
