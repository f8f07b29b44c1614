using System.Text.Json;
using BhxhPlatform.Contracts;

namespace BhxhPlatform.DemoData;

/// <summary>The province's part: the template drafted from the catalogue, published, rolled out; the plans submitted, approved, one returned.</summary>
public sealed partial class DemoLoader
{
    public string TemplateTitle => $"Kế hoạch truyền thông chính sách BHXH, BHYT năm {Year}";

    public const string ReturnReason = "Đề nghị bổ sung chỉ tiêu hội nghị đối thoại với người lao động quý IV và phân công cụ thể cho từng xã.";

    public const string AmendReason = "Điều chỉnh chỉ tiêu số người được truyền thông sau sáp nhập xã.";

    private async Task<(Guid Id, int Version)> PublishTemplateAsync(CancellationToken cancellation)
    {
        var templates = await api.GetAsync(Admin, Planning, $"/api/units/{Province}/plan-templates", cancellation);
        var template = templates.EnumerateArray().FirstOrDefault(t => Text(t, "title") == TemplateTitle && t.GetProperty("year").GetInt32() == Year);
        Guid id;
        if (template.ValueKind == JsonValueKind.Undefined)
        {
            id = (await api.PostAsync(Admin, Planning, $"/api/units/{Province}/plan-templates/from-catalogue", new { Year, Title = TemplateTitle }, cancellation)).Id;
            await log.WriteLineAsync($"Template drafted from the catalogue: {id}");
        }
        else
        {
            id = template.GetProperty("id").GetGuid();
        }

        var current = await api.GetAsync(Admin, Planning, $"/api/units/{Province}/plan-templates/{id}", cancellation);
        if (Text(current, "status") != "Published")
        {
            var published = await api.PostAsync(Admin, Planning, $"/api/units/{Province}/plan-templates/{id}/publish",
                new { Version = current.GetProperty("version").GetInt64() }, cancellation);
            await log.WriteLineAsync($"Template published as version {published.Body.GetProperty("publishedVersion").GetInt32()}");
            current = await api.GetAsync(Admin, Planning, $"/api/units/{Province}/plan-templates/{id}", cancellation);
        }

        var versions = current.GetProperty("publishedVersions").EnumerateArray().Select(v => v.GetProperty("number").GetInt32()).ToList();
        return (id, versions.Max());
    }

    private async Task RollOutAsync(Guid templateId, int version, IReadOnlyList<DemoUnit> units, CancellationToken cancellation)
    {
        // Idempotent in Planning: the rollout's id is derived from the province, template and version, and adoption from the district and year.
        var rollout = await api.PostAsync(Admin, Planning, $"/api/units/{Province}/rollouts", new { TemplateId = templateId, TemplateVersion = version }, cancellation);
        var id = rollout.Id;
        await DemoApi.UntilAsync("every district to adopt the template", async () =>
        {
            var progress = await api.GetAsync(Admin, Planning, $"/api/units/{Province}/rollouts/{id}", cancellation);
            return progress.GetProperty("pending").GetInt32() == 0;
        }, cancellation);
        await log.WriteLineAsync($"Template version {version} rolled out to {units.Count} units.");
    }

    /// <summary>Walks the unit's plan to where the demo wants it, from whatever status it is in: submitted by the unit, approved by the province; the returned unit's amendment returned.</summary>
    private async Task PlanAsync(DemoUnit unit, CancellationToken cancellation)
    {
        var returned = unit.Id == ReturnedUnit;
        for (var step = 0; step < 10; step++)
        {
            var plan = await api.GetAsync(unit.Actor, Planning, $"/api/units/{unit.Id}/district-plans/years/{Year}", cancellation);
            unit.PlanId = plan.GetProperty("id").GetGuid();
            unit.Lines = [.. plan.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("line")).Select(l => new DemoPlanLine(
                Text(l, "code"), Text(l, "audienceCode"), Enum.Parse<CommunicationForm>(Text(l, "formKind")),
                l.GetProperty("frequency").TryGetProperty("flexibleHours", out var flexible) && flexible.ValueKind == JsonValueKind.True))];
            var version = plan.GetProperty("version").GetInt64();
            var revision = plan.GetProperty("revision").GetInt32();
            var path = $"/api/units/{unit.Id}/district-plans/{unit.PlanId}";
            switch (Text(plan, "status"))
            {
                case "Draft" or "Amending":
                    await api.PostAsync(unit.Actor, Planning, $"{path}/targets", Targets(unit, version, amending: revision > 0), cancellation);
                    await api.PostAsync(unit.Actor, Planning, $"{path}/submit", new { Version = version + 1 }, cancellation);
                    await log.WriteLineAsync($"{unit.Id}: plan submitted by {unit.Actor}");
                    break;
                case "Submitted" when returned && revision > 0:
                    await api.PostAsync(Admin, Planning, $"{path}/return", new { Version = version, Reason = ReturnReason }, cancellation);
                    await log.WriteLineAsync($"{unit.Id}: amended plan returned by the province");
                    break;
                case "Submitted":
                    await api.PostAsync(Admin, Planning, $"{path}/approve", new { Version = version }, cancellation);
                    await log.WriteLineAsync($"{unit.Id}: plan approved by the province");
                    break;
                case "Approved" when returned && revision == 1:
                    await api.PostAsync(unit.Actor, Planning, $"{path}/amend", new { Version = version, Reason = AmendReason }, cancellation);
                    break;
                case "Returned" when !returned || revision == 0:
                    await api.PostAsync(unit.Actor, Planning, $"{path}/submit", new { Version = version }, cancellation);
                    break;
                default:
                    return;
            }
        }

        throw new DemoDataException($"{unit.Id}: the plan did not settle.");
    }

    private static object Targets(DemoUnit unit, long version, bool amending) => new
    {
        Version = version,
        Lines = unit.Lines.Select(l => new
        {
            l.Code,
            Activities = ActivitySchedule.CountFor(l.Form) * 4,
            CadenceMonths = (int?)null,
            Organisations = l.Form == CommunicationForm.Training ? 2 : (int?)null,
        }).ToList(),
        PeopleReached = amending ? 6000 : 5000,
        Enrolments = new object[]
        {
            new { Scheme = "VoluntarySocialInsurance", People = 300 },
            new { Scheme = "HouseholdHealthInsurance", People = 800 },
            new { Scheme = "StudentHealthInsurance", People = 1500 },
        },
    };
}
