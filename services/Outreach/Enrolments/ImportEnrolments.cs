using System.Globalization;
using System.Text;
using BhxhPlatform.Outreach.Common;
using BhxhPlatform.Outreach.Directory;
using BhxhPlatform.ServiceDefaults.Problems;
using BhxhPlatform.ServiceDefaults;
using CsvHelper;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using BhxhPlatform.ServiceDefaults.Messaging;

namespace BhxhPlatform.Outreach.Enrolments;

/// <summary>What became of one row of an imported list.</summary>
public enum ImportRowStatus
{
    Imported,
    Duplicate,
    Rejected,
}

/// <param name="Line">The line of the file (the header is line 1).</param>
/// <param name="RowKey">The organisation's row id, or a hash of the row when it has none.</param>
public sealed record ImportedRow(int Line, string RowKey, ImportRowStatus Status, Guid? EnrolmentId, IReadOnlyList<FieldError> Errors);

public sealed record ImportReport(int Imported, int Duplicates, int Rejected, IReadOnlyList<ImportedRow> Rows);

/// <summary>
/// Import an enrolment list from a collection-service organisation: CSV (UTF-8), sent as
/// <c>text/csv</c> or as the file of a <c>multipart/form-data</c> form, with a header row of
/// <c>rowId,scheme,count,prospectId,enrolledOn,activityId,sponsorId,coverageEndsOn</c> (only <c>scheme</c> and
/// <c>enrolledOn</c> are required; <c>coverageEndsOn</c> is a card's last valid day, and the organisation's collection
/// agents are reminded to renew the cards 30 days before). Idempotent by row: each row's enrolment id is derived from the
/// district, the organisation and the row id (or, without one, a hash of the row's content), so
/// importing the same file twice records nothing twice. At most 1 MiB (a larger body is a 413 problem) and 5000 rows.
/// </summary>
public static class ImportEnrolmentsEndpoint
{
    public const int MaxRows = 5000;
    /// <summary>
    /// The request body limit every endpoint has (1 MiB, <see cref="RequestLimits"/>): 5000 rows of this
    /// format take about 250 KiB, so the import needs no larger limit of its own.
    /// </summary>
    public const long MaxBytes = RequestLimits.MaxRequestBodyBytes;

    private static readonly string[] RequiredColumns = ["scheme", "enrolledOn"];

    private static readonly string[] Columns = ["rowId", "scheme", "count", "prospectId", "enrolledOn", "activityId", "sponsorId", "coverageEndsOn"];

    [WolverinePost("/api/units/{unit}/enrolment-imports")]
    [Tags("Enrolments")]
    public static async Task<(IResult, Announce, OutgoingMessages)> Post(
        string unit, Guid? organisationId, HttpContext context, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var (result, messages, recorded) = await ImportAsync(unit, organisationId, context, session, clock, cancellation);
        var renewals = new OutgoingMessages();
        CardRenewals.Schedule(renewals, recorded, CardRenewals.AudienceOf(unit, context, organisationId), clock.GetUtcNow());
        return (result, messages, renewals);
    }

    private static async Task<(IResult, Announce, List<EnrolmentRecorded>)> ImportAsync(
        string unit, Guid? organisationId, HttpContext context, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var messages = new Announce();
        var stored = new List<EnrolmentRecorded>();
        var orgId = organisationId ?? Guid.Empty;
        var organisation = orgId == Guid.Empty ? null : await session.LoadAsync<KnownPartner>(orgId, cancellation);
        if (organisation is not { IsCollectionServiceOrganisation: true })
        {
            return (Problem(new Check().Add("organisationId", "not-a-collection-organisation",
                "Cần mã một tổ chức dịch vụ thu đã đăng ký (organisationId).", "A registered collection-service organisation id (organisationId) is required.")), messages, stored);
        }

        var text = await ReadCsvAsync(context.Request, cancellation);
        if (text is null)
        {
            return (Problem(new Check().Add("file", "not-csv",
                "Gửi tệp CSV (UTF-8, tối đa 1 MiB, 5000 dòng) dạng text/csv hoặc multipart/form-data.", "Send a CSV file (UTF-8, at most 1 MiB and 5000 rows) as text/csv or multipart/form-data.")), messages, stored);
        }

        List<(int Line, string[] Fields, Dictionary<string, string?> Values)> rows;
        try
        {
            rows = Parse(text);
        }
        catch (CsvFormatException)
        {
            return (Problem(new Check().Add("file", "malformed-csv", "Tệp CSV sai cấu trúc.", "The CSV file is malformed.")), messages, stored);
        }
        catch (InvalidDataException missing)
        {
            return (Problem(new Check().Add("file", "missing-columns", $"Thiếu cột bắt buộc: {missing.Message}.", $"Required columns are missing: {missing.Message}.")), messages, stored);
        }

        if (rows.Count is 0 or > MaxRows)
        {
            return (Problem(new Check().Add("file", "row-count", $"Tệp phải có từ 1 đến {MaxRows} dòng dữ liệu.", $"The file must have 1 to {MaxRows} data rows.")), messages, stored);
        }

        var parsed = rows.Select(r => ParseRow(r.Line, r.Fields, r.Values, orgId)).ToList();
        var commands = parsed.Where(p => p.Command is not null).Select(p => p.Command!).ToList();
        var references = await EnrolmentReferences.LoadAsync(session, commands, cancellation);
        var ids = parsed.Select(p => p.RowKey).Distinct().ToDictionary(k => k, k => Formats.DeterministicGuid($"enrolment-import\n{unit}\n{orgId}\n{k}"));
        var existing = (await session.LoadManyAsync<Enrolment>(cancellation, ids.Values.Distinct().ToArray())).Select(e => e.Id).ToHashSet();
        var today = Formats.LocalDay(clock.GetUtcNow());

        var report = new List<ImportedRow>();
        foreach (var row in parsed)
        {
            var id = ids[row.RowKey];
            if (!existing.Add(id))
            {
                report.Add(new ImportedRow(row.Line, row.RowKey, ImportRowStatus.Duplicate, id, []));
                continue;
            }

            var check = row.Check;
            if (row.Command is not null)
            {
                check.Enrolment(row.Command, today, references);
            }

            if (!check.IsValid)
            {
                existing.Remove(id);
                report.Add(new ImportedRow(row.Line, row.RowKey, ImportRowStatus.Rejected, null, check.Errors.ToList()));
                continue;
            }

            var recorded = EnrolmentRules.Recorded(id, row.Command!, references, row.RowKey);
            session.Events.StartStream<Enrolment>(id, recorded);
            messages.Add(Enrolment.Announce(recorded));
            stored.Add(recorded);
            report.Add(new ImportedRow(row.Line, row.RowKey, ImportRowStatus.Imported, id, []));
        }

        return (Results.Ok(new ImportReport(
            report.Count(r => r.Status == ImportRowStatus.Imported),
            report.Count(r => r.Status == ImportRowStatus.Duplicate),
            report.Count(r => r.Status == ImportRowStatus.Rejected),
            report)), messages, stored);
    }

    private static IResult Problem(Check check) => Results.Problem(check.ToProblem());

    private static async Task<string?> ReadCsvAsync(HttpRequest request, CancellationToken cancellation)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }

        Stream? body = null;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellation);
            body = form.Files.Count == 1 && form.Files[0].Length <= MaxBytes ? form.Files[0].OpenReadStream() : null;
        }
        else if (request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true)
        {
            body = request.Body;
        }

        if (body is null)
        {
            return null;
        }

        await using (body)
        {
            using var reader = new StreamReader(body, new UTF8Encoding(false, throwOnInvalidBytes: true));
            try
            {
                var text = await reader.ReadToEndAsync(cancellation);
                return text.Length > MaxBytes ? null : text;
            }
            catch (DecoderFallbackException)
            {
                return null;
            }
        }
    }

    private static List<(int Line, string[] Fields, Dictionary<string, string?> Values)> Parse(string text)
    {
        var options = CsvReaderOptions.Default with
        {
            TrimWhitespace = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Throw,
        };
        using var csv = CsvReader.Create(new StringReader(text), options);
        var header = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var missing = RequiredColumns.Where(c => !header.Contains(c.ToLowerInvariant())).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException(string.Join(", ", missing));
        }

        var rows = new List<(int, string[], Dictionary<string, string?>)>();
        while (csv.Read())
        {
            var fields = Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray();
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var values = Columns.ToDictionary(c => c, string? (c) => csv.TryGetFieldIndex(c, out var index) ? csv.GetString(index) : null);
            rows.Add(((int)csv.LineNumber, fields, values));
        }

        return rows;
    }

    private sealed record ParsedRow(int Line, string RowKey, RecordEnrolment? Command, Check Check);

    private static ParsedRow ParseRow(int line, string[] fields, Dictionary<string, string?> values, Guid organisationId)
    {
        var check = new Check();
        var rowId = values["rowId"];
        check.Text("rowId", rowId, "Mã dòng", "Row id", maxLength: 100, required: false);
        var rowKey = string.IsNullOrWhiteSpace(rowId)
            ? "hash:" + Formats.DeterministicGuid($"{organisationId}\n{string.Join('\u001f', fields.Select(f => f.Trim()))}").ToString("N")
            : "id:" + rowId.Trim();

        EnrolmentScheme? scheme = null;
        if (!string.IsNullOrWhiteSpace(values["scheme"]))
        {
            if (Enum.TryParse<EnrolmentScheme>(values["scheme"], ignoreCase: true, out var s) && Enum.IsDefined(s))
            {
                scheme = s;
            }
            else
            {
                check.Add("scheme", "unknown-scheme", "Loại hình tham gia không hợp lệ.",
                    "The scheme must be VoluntarySocialInsurance, HouseholdHealthInsurance, StudentHealthInsurance or SponsoredCard.");
            }
        }

        var enrolledOn = default(DateOnly);
        if (!string.IsNullOrWhiteSpace(values["enrolledOn"])
            && !DateOnly.TryParseExact(values["enrolledOn"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out enrolledOn))
        {
            check.Add("enrolledOn", "not-a-date", "Ngày tham gia phải có dạng yyyy-MM-dd.", "The enrolment date must be yyyy-MM-dd.");
        }

        int? count = null;
        if (!string.IsNullOrWhiteSpace(values["count"]))
        {
            if (int.TryParse(values["count"], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var c))
            {
                count = c;
            }
            else
            {
                check.Add("count", "not-a-number", "Số lượng phải là số nguyên.", "The count must be a whole number.");
            }
        }

        var prospectId = Id(values["prospectId"], "prospectId", check);
        var activityId = Id(values["activityId"], "activityId", check);
        var sponsorId = Id(values["sponsorId"], "sponsorId", check);
        DateOnly? coverageEndsOn = null;
        if (!string.IsNullOrWhiteSpace(values["coverageEndsOn"]))
        {
            if (DateOnly.TryParseExact(values["coverageEndsOn"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var ends))
            {
                coverageEndsOn = ends;
            }
            else
            {
                check.Add("coverageEndsOn", "not-a-date", "Hạn thẻ phải có dạng yyyy-MM-dd.", "The card's end date must be yyyy-MM-dd.");
            }
        }

        var command = check.IsValid
            ? new RecordEnrolment(scheme, enrolledOn, count, prospectId, activityId, organisationId, sponsorId, CoverageEndsOn: coverageEndsOn)
            : null;
        return new ParsedRow(line, rowKey, command, check);
    }

    private static Guid? Id(string? value, string field, Check check)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Guid.TryParse(value, out var id) && id != Guid.Empty)
        {
            return id;
        }

        check.Add(field, "not-an-id", "Mã không hợp lệ.", "The id is not valid.");
        return null;
    }
}
