using System.Globalization;
using System.Text.Json;
using BhxhPlatform.Contracts;

namespace BhxhPlatform.DemoData;

/// <summary>A district office as the loader works in it: its communes, who acts there, its plan.</summary>
public sealed class DemoUnit(string id, string name, IReadOnlyList<DemoCommune> communes, string actor)
{
    public string Id { get; } = id;

    public string Name { get; } = name;

    /// <summary>"thành phố Biên Hòa", "huyện Long Thành": the name inside a sentence.</summary>
    public string InSentence => Name.Length == 0 ? Name : char.ToLower(Name[0], CultureInfo.GetCultureInfo("vi-VN")) + Name[1..];

    public IReadOnlyList<DemoCommune> Communes { get; } = communes;

    /// <summary>The unit's demo officer, or the provincial administrator acting for a unit that has none (the access matrix allows it).</summary>
    public string Actor { get; } = actor;

    public Guid PlanId { get; set; }

    public IReadOnlyList<DemoPlanLine> Lines { get; set; } = [];

    public Dictionary<string, Guid> Partners { get; } = [];
}

/// <summary>
/// Loads the demo province through the services' own APIs, each fact by the person who would do it, and
/// idempotently: every step first reads back through the APIs whether it is done (the template published,
/// the plan's status, the unit's activities, a partner, agreement, collaborator or training of that name, a
/// prospect's phone, the hand-off, the enrolment list's row ids), so a second run writes nothing.
/// </summary>
public sealed partial class DemoLoader(DemoApi api, TextWriter log, TimeProvider clock)
{
    public const string Province = "dong-nai";
    public const string Admin = "admin.dong-nai";

    /// <summary>The unit whose plan, approved once, comes back from the province with its amendment returned.</summary>
    public const string ReturnedUnit = "long-thanh";

    /// <summary>The unit with a partner account, a collection agent and a hand-off with outcomes.</summary>
    public const string HandOffUnit = "bien-hoa";

    public const string PartnerAccount = "partner.bien-hoa";
    public const string AgentAccount = "agent.bien-hoa";

    public static readonly IReadOnlyDictionary<string, string> Officers = new Dictionary<string, string>
    {
        ["bien-hoa"] = "officer.bien-hoa",
        ["long-thanh"] = "officer.long-thanh",
    };

    private Uri Planning => api.Settings.Planning;
    private Uri Outreach => api.Settings.Outreach;
    private Uri PartnersService => api.Settings.Partners;
    private Uri Identity => api.Settings.Identity;

    private DateTimeOffset Now => clock.GetUtcNow();

    private DateOnly Today => DateOnly.FromDateTime(Now.ToOffset(ActivitySchedule.Vietnam).DateTime);

    private int Year => Today.Year;

    public async Task RunAsync(CancellationToken cancellation)
    {
        var units = await UnitsAsync(cancellation);
        var (templateId, version) = await PublishTemplateAsync(cancellation);
        await RollOutAsync(templateId, version, units, cancellation);
        foreach (var unit in units)
        {
            await PlanAsync(unit, cancellation);
        }

        foreach (var unit in units)
        {
            await RegisterPartnersAsync(unit, cancellation);
        }

        await OpenAccountsAsync(units.Single(u => u.Id == HandOffUnit), cancellation);
        foreach (var unit in units)
        {
            await LogActivitiesAsync(unit, cancellation);
            await SignAgreementsAsync(unit, cancellation);
            var collaborators = await EnlistCollaboratorsAsync(unit, cancellation);
            await HoldTrainingsAsync(unit, collaborators, cancellation);
            var prospects = await RecordProspectsAsync(unit, cancellation);
            if (unit.Id == HandOffUnit)
            {
                await HandOffAsync(unit, prospects, cancellation);
            }

            await ImportEnrolmentsAsync(unit, cancellation);
        }

        await log.WriteLineAsync($"Demo data of {Province} loaded: {units.Count} units.");
    }

    private async Task<IReadOnlyList<DemoUnit>> UnitsAsync(CancellationToken cancellation)
    {
        var districts = await api.GetAsync(Admin, Planning, $"/api/organisation/provinces/{Province}/districts", cancellation);
        var units = new List<DemoUnit>();
        foreach (var district in districts.EnumerateArray())
        {
            var id = district.GetProperty("id").GetString()!;
            var communes = await api.GetAsync(Admin, Planning, $"/api/organisation/districts/{id}/communes", cancellation);
            units.Add(new DemoUnit(
                id,
                district.GetProperty("name").GetString()!,
                [.. communes.EnumerateArray().Select(c => new DemoCommune(c.GetProperty("id").GetString()!, c.GetProperty("name").GetString()!))],
                Officers.TryGetValue(id, out var officer) ? officer : Admin));
        }

        return units;
    }

    private static string Text(JsonElement element, string property) => element.GetProperty(property).GetString() ?? "";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
