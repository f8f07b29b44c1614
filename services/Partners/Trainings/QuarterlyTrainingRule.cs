using BhxhPlatform.Partners.Registry;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BhxhPlatform.Partners.Trainings;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Short is the report's word for fewer trainings than the rule asks.")]
public enum QuarterlyTrainingOutcome
{
    Short,
    Met,
    Exceeded,
}

/// <summary>How many trainings an association held in a quarter, against the rule of one to three.</summary>
public sealed record QuarterlyTrainingAssessment(Guid AssociationId, int Quarter, int TrainingsHeld, QuarterlyTrainingOutcome Outcome);

/// <summary>
/// The plan's rule: each association of a district holds one to three trainings for its
/// collection-service staff and collaborators every quarter.
/// </summary>
public static class QuarterlyTrainingRule
{
    public const int Minimum = 1;
    public const int Maximum = 3;

    public static QuarterlyTrainingOutcome Judge(int held) =>
        held < Minimum ? QuarterlyTrainingOutcome.Short
        : held > Maximum ? QuarterlyTrainingOutcome.Exceeded
        : QuarterlyTrainingOutcome.Met;

    public static int QuarterOf(DateOnly day) => ((day.Month - 1) / 3) + 1;

    /// <summary>Every association in <paramref name="associations"/> or with a training held in <paramref name="year"/>, for each of the four quarters.</summary>
    public static IReadOnlyList<QuarterlyTrainingAssessment> Assess(
        int year, IEnumerable<Guid> associations, IEnumerable<(Guid AssociationId, DateOnly HeldOn)> held)
    {
        var counts = held.Where(h => h.HeldOn.Year == year)
            .GroupBy(h => (h.AssociationId, Quarter: QuarterOf(h.HeldOn)))
            .ToDictionary(g => g.Key, g => g.Count());
        return associations.Concat(counts.Keys.Select(k => k.AssociationId))
            .Distinct()
            .OrderBy(id => id)
            .SelectMany(id => Enumerable.Range(1, 4).Select(quarter =>
            {
                var count = counts.GetValueOrDefault((id, quarter));
                return new QuarterlyTrainingAssessment(id, quarter, count, Judge(count));
            }))
            .ToList();
    }
}

public static class GetQuarterlyTrainingRuleEndpoint
{
    /// <summary>For a year: each association of the district (active or suspended) and each quarter, Met, Short or Exceeded.</summary>
    [WolverineGet("/api/units/{unit}/trainings/quarterly-rule")]
    [Tags("Trainings")]
    public static async Task<IReadOnlyList<QuarterlyTrainingAssessment>> Get(int year, IQuerySession session, CancellationToken cancellation)
    {
        var associations = await session.Query<Partner>()
            .Where(p => p.Type == PartnerType.UnionOrAssociation && p.Status != PartnerStatus.Dissolved)
            .Select(p => p.Id)
            .ToListAsync(cancellation);
        var from = new DateOnly(Math.Clamp(year, 2000, 2100), 1, 1);
        var to = from.AddYears(1);
        var held = await session.Query<Training>()
            .Where(t => t.Status == TrainingStatus.Held && t.AssociationId != null && t.HeldOn >= from && t.HeldOn < to)
            .ToListAsync(cancellation);
        return QuarterlyTrainingRule.Assess(year, associations, held.Select(t => (t.AssociationId!.Value, t.HeldOn!.Value)));
    }
}
