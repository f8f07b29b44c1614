using System.Net;
using System.Text.Json;

namespace BhxhPlatform.DemoData;

/// <summary>Partners' part: the organisations, the partner and collection-agent accounts, agreements, collaborators, trainings.</summary>
public sealed partial class DemoLoader
{
    public const string CollectionOrganisation = "collection";
    public const string WomenUnion = "women";
    public const string FarmersUnion = "farmers";
    public const string CommuneCommittee = "commune";

    private static readonly string[] ProgrammeAudiences = ["3.4", "3.6"];
    private static readonly string[] ProgrammeForms = ["Conference", "MeetingIntegration"];
    private static readonly string[] ContractForms = ["DirectContact", "SmsPhone"];

    public static string AgreementExpiringTitle(DemoUnit unit) =>
        $"Hợp đồng ủy quyền thu BHXH tự nguyện, BHYT hộ gia đình với Bưu điện {unit?.InSentence}";

    private static IReadOnlyList<(string Key, string Name, string Type, string? Commune)> PartnersOf(DemoUnit unit) =>
    [
        (CollectionOrganisation, $"Bưu điện {unit.InSentence}", "CollectionServiceOrganisation", null),
        (WomenUnion, $"Hội Liên hiệp Phụ nữ {unit.InSentence}", "UnionOrAssociation", null),
        (FarmersUnion, $"Hội Nông dân {unit.InSentence}", "UnionOrAssociation", null),
        (CommuneCommittee, $"Ủy ban nhân dân {unit.Communes[0].Name}", "CommunePeoplesCommittee", unit.Communes[0].Id),
    ];

    private async Task RegisterPartnersAsync(DemoUnit unit, CancellationToken cancellation)
    {
        var existing = await api.GetAsync(unit.Actor, PartnersService, $"/api/units/{unit.Id}/partners", cancellation);
        foreach (var (key, name, type, commune) in PartnersOf(unit))
        {
            var found = existing.EnumerateArray().FirstOrDefault(p => Text(p, "name") == name);
            unit.Partners[key] = found.ValueKind == JsonValueKind.Object
                ? found.GetProperty("id").GetGuid()
                : (await api.PostAsync(unit.Actor, PartnersService, $"/api/units/{unit.Id}/partners", new { Name = name, Type = type, CommuneId = commune }, cancellation)).Id;
        }

        // Outreach learns the organisations by message (PartnerRegistered): activities and hand-offs name them.
        await DemoApi.UntilAsync($"Outreach to know {unit.Id}'s partners", async () =>
        {
            var known = await api.GetAsync(unit.Actor, Outreach, $"/api/units/{unit.Id}/known-partners", cancellation);
            var ids = known.EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToHashSet();
            return unit.Partners.Values.All(ids.Contains);
        }, cancellation);
    }

    /// <summary>partner.bien-hoa for the farmers' union, agent.bien-hoa for the post office (the collection-service organisation); a taken user name means it is open.</summary>
    private async Task OpenAccountsAsync(DemoUnit unit, CancellationToken cancellation)
    {
        foreach (var (userName, displayName, role, organisation) in new[]
        {
            (PartnerAccount, $"Cán bộ Hội Nông dân {unit.InSentence}", "partner", unit.Partners[FarmersUnion]),
            (AgentAccount, $"Nhân viên thu Bưu điện {unit.InSentence}", "collection-agent", unit.Partners[CollectionOrganisation]),
        })
        {
            var answer = await api.TryPostAsync(Admin, Identity, $"/api/units/{unit.Id}/accounts", new
            {
                UserName = userName,
                DisplayName = displayName,
                Email = $"{userName}@demo.bhxh.local",
                InitialPassword = DemoApi.Password,
                MustChangePassword = false,
                Grants = new[] { new { Role = role, OrganisationId = organisation, Reason = "Tài khoản mẫu của dữ liệu demo / Demo account" } },
            }, cancellation);
            if (answer.Succeeded)
            {
                await log.WriteLineAsync($"Account {userName} opened ({role})");
            }
            else if (!(answer.Status == HttpStatusCode.Conflict && answer.ProblemCode == "user-name-taken"))
            {
                throw new DemoDataException($"Opening {userName} answered {(int)answer.Status}: {answer.Body}");
            }
        }
    }

    private async Task SignAgreementsAsync(DemoUnit unit, CancellationToken cancellation)
    {
        var agreements = new List<(string Title, object Draft, DateOnly SignedOn)>
        {
            ($"Chương trình phối hợp tuyên truyền chính sách BHXH, BHYT giai đoạn {Year}–{Year + 1} với các hội, đoàn thể {unit.InSentence}", new
            {
                Kind = "Programme",
                Title = $"Chương trình phối hợp tuyên truyền chính sách BHXH, BHYT giai đoạn {Year}–{Year + 1} với các hội, đoàn thể {unit.InSentence}",
                PartnerIds = new[] { unit.Partners[WomenUnion], unit.Partners[FarmersUnion] },
                AudienceCodes = ProgrammeAudiences,
                FormKinds = ProgrammeForms,
                ActivitiesPerYear = 12,
                StartsOn = new DateOnly(Year, 1, 1),
                EndsOn = new DateOnly(Year + 1, 12, 31),
            }, new DateOnly(Year, 1, 5)),
        };
        if (unit.Id == HandOffUnit)
        {
            // The one that expires within 30 days: the portal's "about to expire" list.
            var endsOn = Today.AddDays(20);
            agreements.Add((AgreementExpiringTitle(unit), new
            {
                Kind = "Contract",
                Title = AgreementExpiringTitle(unit),
                PartnerIds = new[] { unit.Partners[CollectionOrganisation] },
                FormKinds = ContractForms,
                StartsOn = endsOn.AddYears(-1),
                EndsOn = endsOn,
                ValueVnd = 120_000_000m,
            }, endsOn.AddYears(-1)));
        }

        var existing = await api.GetAsync(unit.Actor, PartnersService, $"/api/units/{unit.Id}/agreements", cancellation);
        foreach (var (title, draft, signedOn) in agreements)
        {
            var found = existing.EnumerateArray().FirstOrDefault(a => Text(a, "title") == title);
            var id = found.ValueKind == JsonValueKind.Object
                ? found.GetProperty("id").GetGuid()
                : (await api.PostAsync(unit.Actor, PartnersService, $"/api/units/{unit.Id}/agreements", draft, cancellation)).Id;
            var agreement = await api.GetAsync(unit.Actor, PartnersService, $"/api/units/{unit.Id}/agreements/{id}", cancellation);
            if (Text(agreement, "status") == "Drafted")
            {
                await api.PostAsync(unit.Actor, PartnersService, $"/api/units/{unit.Id}/agreements/{id}/sign",
                    new { Version = agreement.GetProperty("version").GetInt64(), SignedOn = signedOn < Today ? signedOn : Today }, cancellation);
            }
        }
    }

    private async Task<IReadOnlyList<Guid>> EnlistCollaboratorsAsync(DemoUnit unit, CancellationToken cancellation)
    {
        var random = new Random(DemoNames.Seed(unit.Id, "collaborators"));
        var enlistedOn = DateOnly.FromDateTime(ActivitySchedule.Window(Now).From.DateTime);
        var wanted = new List<CollaboratorToEnlist>();
        for (var i = 0; i < 3; i++)
        {
            wanted.Add(new(DemoNames.Person(random), "Collaborator", null, DemoNames.Phone(random), enlistedOn,
                [.. new[] { unit.Communes[i % unit.Communes.Count].Id, unit.Communes[(i + 3) % unit.Communes.Count].Id }.Distinct()]));
        }

        wanted.Add(new(DemoNames.Person(random), "CollectionAgent", unit.Partners[CollectionOrganisation], DemoNames.Phone(random), enlistedOn, [unit.Communes[0].Id]));

        var existing = await api.GetAsync(unit.Actor, PartnersService, $"/api/units/{unit.Id}/collaborators", cancellation);
        var ids = new List<Guid>();
        foreach (var collaborator in wanted)
        {
            var found = existing.EnumerateArray().FirstOrDefault(c => Text(c, "name") == collaborator.Name);
            ids.Add(found.ValueKind == JsonValueKind.Object
                ? found.GetProperty("id").GetGuid()
                : (await api.PostAsync(unit.Actor, PartnersService, $"/api/units/{unit.Id}/collaborators", collaborator, cancellation)).Id);
        }

        return ids;
    }

    /// <summary>A training held for the women's union last month (line 6.01, the quarterly rule), and in the hand-off unit one scheduled for next month.</summary>
    private async Task HoldTrainingsAsync(DemoUnit unit, IReadOnlyList<Guid> collaborators, CancellationToken cancellation)
    {
        var held = Today.AddDays(-25);
        var trainings = new List<(string Topic, DateOnly On, bool Hold)>
        {
            ($"Tập huấn kỹ năng tư vấn BHXH tự nguyện, BHYT hộ gia đình cho hội viên {unit.InSentence}", held.DayOfWeek == DayOfWeek.Sunday ? held.AddDays(-2) : held, true),
        };
        if (unit.Id == HandOffUnit)
        {
            trainings.Add(($"Tập huấn nghiệp vụ thu cho nhân viên Bưu điện {unit.InSentence}", Today.AddDays(14), false));
        }

        var existing = await api.GetAsync(unit.Actor, PartnersService, $"/api/units/{unit.Id}/trainings?year={Year}", cancellation);
        foreach (var (topic, on, hold) in trainings)
        {
            var found = existing.EnumerateArray().FirstOrDefault(t => Text(t, "topic") == topic);
            var id = found.ValueKind == JsonValueKind.Object
                ? found.GetProperty("id").GetGuid()
                : (await api.PostAsync(unit.Actor, PartnersService, $"/api/units/{unit.Id}/trainings",
                    new { ScheduledOn = on, AssociationId = unit.Partners[WomenUnion], Topic = topic, PlanLineCode = "6.01" }, cancellation)).Id;
            var training = await api.GetAsync(unit.Actor, PartnersService, $"/api/units/{unit.Id}/trainings/{id}", cancellation);
            if (hold && Text(training, "status") == "Scheduled")
            {
                await api.PostAsync(unit.Actor, PartnersService, $"/api/units/{unit.Id}/trainings/{id}/hold",
                    new { Version = training.GetProperty("version").GetInt64(), HeldOn = on, Attendees = 20 + collaborators.Count, CollaboratorIds = collaborators }, cancellation);
            }
        }
    }

    private sealed record CollaboratorToEnlist(string Name, string Kind, Guid? OrganisationId, string Phone, DateOnly EnlistedOn, IReadOnlyList<string> CommuneIds);
}
