using BhxhPlatform.Outreach.Common;
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

public sealed record ReportedOutcome(Guid ProspectId, ProspectOutcome? Outcome);

/// <summary>The organisation reports what became of some or all of the batch's prospects.</summary>
public sealed record ReportHandOffOutcomes(long Version, DateOnly ReportedOn, IReadOnlyList<ReportedOutcome>? Outcomes);

/// <summary>The prospects an outcome report names, as they are now.</summary>
public sealed record ReportedProspects(IReadOnlyDictionary<Guid, Prospect> Prospects);

public static class ReportHandOffOutcomesEndpoint
{
    public static async Task<ReportedProspects> LoadAsync(ReportHandOffOutcomes command, IQuerySession session, CancellationToken cancellation)
    {
        var ids = (command.Outcomes ?? []).Where(o => o is not null).Select(o => o.ProspectId).Distinct().Take(HandOffProspectsEndpoint.MaxProspects).ToArray();
        var prospects = ids.Length == 0 ? [] : await session.LoadManyAsync<Prospect>(cancellation, ids);
        return new ReportedProspects(prospects.ToDictionary(p => p.Id));
    }

    public static ProblemDetails Validate(ReportHandOffOutcomes command, HandOffBatch batch, ReportedProspects reported, TimeProvider clock, HttpContext context)
    {
        if (!context.Reaches(batch.CollectionOrganisationId))
        {
            return SecurityExtensions.OutsideOrganisation();
        }

        var outcomes = command.Outcomes ?? [];
        var check = new Check()
            .That(command.ReportedOn != default, "reportedOn", "required", "Ngày báo cáo không được để trống.", "The report date is required.")
            .That(command.ReportedOn >= batch.HandedOffOn, "reportedOn", "before-hand-off",
                "Ngày báo cáo không được trước ngày bàn giao.", "The report cannot be before the hand-off.")
            .That(command.ReportedOn <= Formats.LocalDay(clock.GetUtcNow()), "reportedOn", "in-future",
                "Ngày báo cáo không được ở tương lai.", "The report date cannot be in the future.")
            .Range("outcomes", outcomes.Count, 1, HandOffProspectsEndpoint.MaxProspects, "Số kết quả", "Number of outcomes")
            .That(outcomes.Select(o => o?.ProspectId).Distinct().Count() == outcomes.Count, "outcomes", "repeated",
                "Một người chỉ có một kết quả trong mỗi báo cáo.", "A prospect has one outcome per report.");
        for (var i = 0; i < outcomes.Count; i++)
        {
            var line = outcomes[i];
            check.That(line?.Outcome is not null, $"outcomes[{i}].outcome", "required", "Kết quả không được để trống.", "The outcome is required.");
            if (line is null)
            {
                continue;
            }

            if (!batch.ProspectIds.Contains(line.ProspectId))
            {
                check.Add($"outcomes[{i}].prospectId", "not-in-batch", "Người này không có trong danh sách bàn giao.", "This prospect is not in the batch.");
            }
            else if (reported.Prospects.TryGetValue(line.ProspectId, out var prospect) && line.Outcome is { } outcome
                && (prospect.HandOffBatchId != batch.Id || !Prospect.CanMove(prospect.Status, Prospect.ToStatus(outcome))))
            {
                check.Add($"outcomes[{i}].prospectId", "already-reported",
                    $"Người này đang ở bước {prospect.Status}, không thể chuyển sang {outcome}.",
                    $"This prospect is {prospect.Status} and cannot become {outcome}.");
            }
        }

        return check.ToProblem();
    }

    [WolverinePost("/api/units/{unit}/hand-offs/{id}/outcomes")]
    [Tags("Hand-offs")]
    [FiltersByOrganisation]
    public static (IResult, Events, Announce) Post(
        ReportHandOffOutcomes command, [WriteAggregate] HandOffBatch batch, ReportedProspects reported, IDocumentSession session)
    {
        var lines = command.Outcomes!.Select(o => new OutcomeLine(o.ProspectId, o.Outcome!.Value)).ToList();
        foreach (var line in lines)
        {
            session.Events.Append(line.ProspectId, reported.Prospects[line.ProspectId].Version + 1,
                new ProspectOutcomeReported(line.ProspectId, batch.Id, line.Outcome, command.ReportedOn));
        }

        var recorded = new HandOffOutcomesRecorded(batch.Id, lines, command.ReportedOn);
        return (Results.Accepted(), [recorded], new Announce(batch.Apply(recorded).Totals()));
    }
}
