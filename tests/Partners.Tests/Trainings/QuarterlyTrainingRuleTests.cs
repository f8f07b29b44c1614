using BhxhPlatform.Partners.Trainings;

namespace BhxhPlatform.Partners.Tests.Trainings;

public sealed class QuarterlyTrainingRuleTests
{
    [Theory]
    [InlineData(0, QuarterlyTrainingOutcome.Short)]
    [InlineData(1, QuarterlyTrainingOutcome.Met)]
    [InlineData(3, QuarterlyTrainingOutcome.Met)]
    [InlineData(4, QuarterlyTrainingOutcome.Exceeded)]
    public void One_to_three_a_quarter_meets_the_rule(int held, QuarterlyTrainingOutcome outcome) =>
        QuarterlyTrainingRule.Judge(held).ShouldBe(outcome);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 1)]
    [InlineData(4, 2)]
    [InlineData(9, 3)]
    [InlineData(12, 4)]
    public void Months_fall_in_their_quarter(int month, int quarter) =>
        QuarterlyTrainingRule.QuarterOf(new DateOnly(2026, month, 15)).ShouldBe(quarter);

    [Fact]
    public void Each_association_gets_four_quarters_and_other_years_do_not_count()
    {
        var quiet = Guid.NewGuid();
        var busy = Guid.NewGuid();
        var unlisted = Guid.NewGuid();

        var report = QuarterlyTrainingRule.Assess(2026, [quiet, busy],
        [
            (busy, new DateOnly(2026, 10, 1)), (busy, new DateOnly(2026, 11, 1)), (busy, new DateOnly(2026, 12, 31)), (busy, new DateOnly(2026, 12, 1)),
            (busy, new DateOnly(2025, 3, 1)), (unlisted, new DateOnly(2026, 1, 5)),
        ]);

        report.Count.ShouldBe(12);
        report.Where(r => r.AssociationId == quiet).ShouldAllBe(r => r.Outcome == QuarterlyTrainingOutcome.Short);
        report.Where(r => r.AssociationId == busy).Select(r => r.TrainingsHeld).ShouldBe([0, 0, 0, 4]);
        report.Single(r => r.AssociationId == unlisted && r.Quarter == 1).Outcome.ShouldBe(QuarterlyTrainingOutcome.Met);
    }
}
