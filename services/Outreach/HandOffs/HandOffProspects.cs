using BhxhPlatform.Outreach.Common;
using BhxhPlatform.Outreach.Directory;
using BhxhPlatform.Outreach.Prospects;
using BhxhPlatform.ServiceDefaults.Problems;
using BhxhPlatform.ServiceDefaults.Security;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using BhxhPlatform.ServiceDefaults.Messaging;

namespace BhxhPlatform.Outreach.HandOffs;

/// <summary>Hand a list of contacted prospects to a collection-service organisation.</summary>
public sealed record HandOffProspects(Guid CollectionOrganisationId, IReadOnlyList<Guid>? ProspectIds, DateOnly HandedOffOn);

/// <summary>The organisation and the prospects a hand-off names, as they are now.</summary>
public sealed record HandOffParties(KnownPartner? Organisation, IReadOnlyDictionary<Guid, Prospect> Prospects);

public static class HandOffProspectsEndpoint
{
    public const int MaxProspects = 500;

    public static async Task<HandOffParties> LoadAsync(HandOffProspects command, IQuerySession session, CancellationToken cancellation)
    {
        var organisation = command.CollectionOrganisationId == Guid.Empty
            ? null
            : await session.LoadAsync<KnownPartner>(command.CollectionOrganisationId, cancellation);
        var ids = (command.ProspectIds ?? []).Distinct().ToArray();
        var prospects = ids.Length is 0 or > MaxProspects ? [] : await session.LoadManyAsync<Prospect>(cancellation, ids);
        return new HandOffParties(organisation, prospects.ToDictionary(p => p.Id));
    }

    public static ProblemDetails Validate(HandOffProspects command, HandOffParties parties, TimeProvider clock)
    {
        var ids = command.ProspectIds ?? [];
        var check = new Check()
            .Required("collectionOrganisationId", (Guid?)command.CollectionOrganisationId, "Tổ chức dịch vụ thu", "Collection-service organisation")
            .That(command.CollectionOrganisationId == Guid.Empty || parties.Organisation is { IsCollectionServiceOrganisation: true },
                "collectionOrganisationId", "not-a-collection-organisation",
                "Chỉ bàn giao cho tổ chức dịch vụ thu đã đăng ký.", "Prospects are handed only to a registered collection-service organisation.")
            .That(parties.Organisation is not { IsCollectionServiceOrganisation: true, IsActive: false },
                "collectionOrganisationId", "organisation-not-active",
                "Tổ chức dịch vụ thu này đang tạm dừng hoặc đã giải thể, không nhận bàn giao.",
                "This collection-service organisation is suspended or dissolved and takes no hand-offs.")
            .Range("prospectIds", ids.Count, 1, MaxProspects, "Số người bàn giao", "Number of prospects handed off")
            .That(ids.Distinct().Count() == ids.Count, "prospectIds", "repeated", "Danh sách có người bị lặp.", "The list names someone twice.")
            .That(command.HandedOffOn != default, "handedOffOn", "required", "Ngày bàn giao không được để trống.", "The hand-off date is required.")
            .That(command.HandedOffOn <= Formats.LocalDay(clock.GetUtcNow()), "handedOffOn", "in-future",
                "Ngày bàn giao không được ở tương lai.", "The hand-off date cannot be in the future.");

        if (ids.Count <= MaxProspects)
        {
            for (var i = 0; i < ids.Count; i++)
            {
                if (!parties.Prospects.TryGetValue(ids[i], out var prospect))
                {
                    check.Add($"prospectIds[{i}]", "unknown-prospect", "Không tìm thấy người này trong đơn vị.", "There is no such prospect in this unit.");
                }
                else if (prospect.ErasedAt is not null)
                {
                    check.Add($"prospectIds[{i}]", "erased",
                        "Dữ liệu cá nhân của người này đã bị xoá, không thể bàn giao.", "This prospect's personal data was erased; they cannot be handed off.");
                }
                else if (!Prospect.CanMove(prospect.Status, ProspectStatus.HandedOff))
                {
                    check.Add($"prospectIds[{i}]", "not-contacted",
                        $"Người này đang ở bước {prospect.Status}, chỉ bàn giao người ở bước Contacted.",
                        $"This prospect is {prospect.Status}; only Contacted prospects can be handed off.");
                }
            }
        }

        return check.ToProblem();
    }

    [WolverinePost("/api/units/{unit}/hand-offs")]
    [Tags("Hand-offs")]
    public static (CreationResponse<Guid>, Announce) Post(HandOffProspects command, HandOffParties parties, string unit, IDocumentSession session)
    {
        var id = Guid.CreateVersion7();
        var ids = command.ProspectIds!;
        session.Events.StartStream<HandOffBatch>(id, new HandOffBatchCreated(id, command.CollectionOrganisationId, ids, command.HandedOffOn));

        // The expected version makes a prospect handed off twice at once a concurrency conflict (409), not two hand-offs.
        foreach (var prospectId in ids)
        {
            session.Events.Append(prospectId, parties.Prospects[prospectId].Version + 1,
                new ProspectHandedOff(prospectId, id, command.CollectionOrganisationId, command.HandedOffOn));
        }

        return (
            new CreationResponse<Guid>($"/api/units/{unit}/hand-offs/{id}", id),
            new Announce(
                new Contracts.Outreach.ProspectsHandedOff(id, command.CollectionOrganisationId, ids.Count, command.HandedOffOn),
                HandOffReminder.For(id, unit, parties.Organisation!, ids.Count, command.HandedOffOn)));
    }
}

public static class GetHandOffBatchEndpoint
{
    /// <summary>A hand-off batch: its organisation, prospects (ids only), acknowledgement and outcomes so far.</summary>
    [WolverineGet("/api/units/{unit}/hand-offs/{id}")]
    [Tags("Hand-offs")]
    [FiltersByOrganisation]
    public static HandOffBatch? Get([ReadAggregate] HandOffBatch batch, HttpContext context) =>
        context.Reaches(batch.CollectionOrganisationId) ? batch : null;
}

public static class ListHandOffBatchesEndpoint
{
    /// <summary>
    /// The unit's hand-off batches, newest first, optionally to one organisation or only those not yet acknowledged.
    /// A collection-service organisation's users see only the batches handed to it.
    /// </summary>
    [WolverineGet("/api/units/{unit}/hand-offs")]
    [Tags("Hand-offs")]
    [FiltersByOrganisation]
    public static async Task<IReadOnlyList<HandOffBatch>> Get(
        Guid? organisationId, bool? acknowledged, HttpContext context, IQuerySession session, CancellationToken cancellation)
    {
        var query = session.Query<HandOffBatch>().AsQueryable();
        if (context.OrganisationScope() is { } own)
        {
            query = query.Where(b => b.CollectionOrganisationId == own);
        }

        if (organisationId is { } o)
        {
            query = query.Where(b => b.CollectionOrganisationId == o);
        }

        if (acknowledged is { } a)
        {
            query = a ? query.Where(b => b.AcknowledgedOn != null) : query.Where(b => b.AcknowledgedOn == null);
        }

        return await query.OrderByDescending(b => b.HandedOffOn).ThenByDescending(b => b.Id).Take(1000).ToListAsync(cancellation);
    }
}
