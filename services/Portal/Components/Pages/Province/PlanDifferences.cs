using BhxhPlatform.Portal.ServiceClients;

namespace BhxhPlatform.Portal.Components.Pages.Province;

/// <summary>One line that differs between the template version a district adopted and its plan.</summary>
public sealed record LineDifference(string Code, string Kind, string Subject, IReadOnlyList<string> Fields);

/// <summary>What a district changed in its plan against the template version it adopted (pure, for the approval page and its tests).</summary>
public static class PlanDifferences
{
    public const string Added = "added";
    public const string Removed = "removed";
    public const string Changed = "changed";

    public static IReadOnlyList<LineDifference> Compare(IReadOnlyList<TemplateLineView> template, IReadOnlyList<DistrictPlanLineView> plan)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(plan);
        var differences = new List<LineDifference>();
        foreach (var line in plan.Select(p => p.Line))
        {
            var original = template.FirstOrDefault(t => t.Code == line.Code);
            if (original is null)
            {
                differences.Add(new LineDifference(line.Code, Added, line.Subject, []));
            }
            else if (FieldsChanged(original, line) is { Count: > 0 } fields)
            {
                differences.Add(new LineDifference(line.Code, Changed, line.Subject, fields));
            }
        }

        differences.AddRange(template
            .Where(t => plan.All(p => p.Line.Code != t.Code))
            .Select(t => new LineDifference(t.Code, Removed, t.Subject, [])));
        return differences;
    }

    /// <summary>The names of the fields (as the service names them) that differ.</summary>
    public static IReadOnlyList<string> FieldsChanged(TemplateLineView original, PlanLineView line)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(line);
        var fields = new List<string>();
        void Check(string field, bool same)
        {
            if (!same)
            {
                fields.Add(field);
            }
        }

        Check("audienceCode", original.AudienceCode == line.AudienceCode);
        Check("subject", original.Subject == line.Subject);
        Check("form", original.Form == line.Form);
        Check("formKind", original.FormKind == line.FormKind);
        Check("frequencyText", original.FrequencyText == line.FrequencyText);
        Check("frequency", original.Frequency.Kind == line.Frequency.Kind && original.Frequency.Months == line.Frequency.Months
                           && original.Frequency.Min == line.Frequency.Min && original.Frequency.Max == line.Frequency.Max
                           && original.Frequency.Host == line.Frequency.Host);
        Check("leadUnit", original.LeadUnit == line.LeadUnit);
        Check("partnerUnits", original.PartnerUnits.SequenceEqual(line.PartnerUnits));
        Check("coordinationFormText", original.CoordinationFormText == line.CoordinationFormText);
        Check("tasks", original.Tasks.SequenceEqual(line.Tasks));
        return fields;
    }
}
