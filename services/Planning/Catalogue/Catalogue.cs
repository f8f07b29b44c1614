using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using BhxhPlatform.Contracts;

namespace BhxhPlatform.Planning.Catalogue;

/// <summary>The kinds of frequency the seed plan names (column "Tần suất/ thời gian thực hiện").</summary>
public enum FrequencyKind
{
    Unspecified,
    Monthly,
    Regular,
    PerPlan,
    QuarterlyPerOrganisation,
    AtMostEveryMonths,
    Yearly,
    PerAgreement,
    PerInspectionPlan,
    PerHostCalendar,
}

/// <summary>Whether a line is carried out under a signed coordination programme or contract.</summary>
public enum CoordinationKind
{
    None,
    Programme,
    ProgrammeOrContract,
}

/// <summary>The frequency of a line as data; the optional fields belong to some kinds only.</summary>
public sealed record FrequencySpec(
    FrequencyKind Kind,
    int? Months = null,
    int? Min = null,
    int? Max = null,
    string? Host = null,
    bool? FlexibleHours = null);

/// <summary>One line of the communication plan: who is reached, how, how often, by whom, with whom.</summary>
public sealed record PlanLine(
    string Code,
    string AudienceCode,
    string Subject,
    string Form,
    CommunicationForm FormKind,
    string? FrequencyText,
    FrequencySpec Frequency,
    string LeadUnit,
    IReadOnlyList<string> PartnerUnits,
    string? CoordinationFormText,
    CoordinationKind Coordination,
    IReadOnlyList<string> Tasks);

public sealed record Audience(string Code, string Name, string? Parent);

/// <summary>A broken diacritic in the seed text and its repair (the PDF text split the marks).</summary>
public sealed record Repair(string Broken, string Repaired);

/// <summary>The catalogue of plan lines transcribed from the seed plan.</summary>
public sealed record PlanCatalogue(
    string Source,
    string Title,
    IReadOnlyList<Repair> Repairs,
    IReadOnlyList<Audience> Audiences,
    IReadOnlyList<PlanLine> Lines)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Reads the catalogue embedded in the service assembly.</summary>
    public static PlanCatalogue Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("catalogue.json")
            ?? throw new InvalidOperationException("The embedded catalogue.json is missing.");
        return JsonSerializer.Deserialize<PlanCatalogue>(stream, Json)
            ?? throw new InvalidOperationException("The embedded catalogue.json is empty.");
    }

    public PlanLine? FindLine(string code) => Lines.FirstOrDefault(l => l.Code == code);

    public bool HasAudience(string code) => Audiences.Any(a => a.Code == code);
}
