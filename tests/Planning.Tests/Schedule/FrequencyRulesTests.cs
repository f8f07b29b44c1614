using BhxhPlatform.Planning.Catalogue;
using BhxhPlatform.Planning.Schedule;

namespace BhxhPlatform.Planning.Tests.Schedule;

public sealed class FrequencyRulesTests
{
    private static ExpectedSchedule Expect(FrequencySpec spec, RuleInputs? inputs = null) =>
        FrequencyRules.Expect(spec, inputs ?? new RuleInputs());

    [Fact]
    public void Monthly_expects_one_a_month()
    {
        var s = Expect(new(FrequencyKind.Monthly));
        s.PerMonth.ShouldAllBe(n => n == 1);
        s.Quarter(2).ShouldBe(3);
        s.Year.ShouldBe(12);
        s.Cap.ShouldBeNull();
    }

    [Fact]
    public void Regular_defaults_to_monthly_and_follows_the_plan_cadence()
    {
        Expect(new(FrequencyKind.Regular)).Year.ShouldBe(12);
        var quarterly = Expect(new(FrequencyKind.Regular), new RuleInputs(CadenceMonths: 3));
        quarterly.Year.ShouldBe(4);
        quarterly.Month(3).ShouldBe(1);
        quarterly.Month(4).ShouldBe(0);
    }

    [Fact]
    public void Per_plan_spreads_the_plan_target_evenly_over_the_year()
    {
        var s = Expect(new(FrequencyKind.PerPlan, FlexibleHours: true), new RuleInputs(TargetCount: 6));
        s.Year.ShouldBe(6);
        s.Through(6).ShouldBe(3);
        s.Quarter(1).ShouldBe(1);
        Expect(new(FrequencyKind.PerPlan)).Year.ShouldBe(0);
    }

    [Fact]
    public void Quarterly_per_organisation_expects_the_minimum_and_caps_at_the_maximum_each_quarter()
    {
        var s = Expect(new(FrequencyKind.QuarterlyPerOrganisation, Min: 1, Max: 3), new RuleInputs(Organisations: 2));
        s.Quarter(1).ShouldBe(2);
        s.Quarter(4).ShouldBe(2);
        s.Year.ShouldBe(8);
        s.Cap.ShouldBe(new Cap(PeriodKind.Quarter, 6));
    }

    [Fact]
    public void At_most_every_n_months_expects_one_per_n_months()
    {
        var s = Expect(new(FrequencyKind.AtMostEveryMonths, Months: 2));
        s.Year.ShouldBe(6);
        s.Month(1).ShouldBe(0);
        s.Month(2).ShouldBe(1);
    }

    [Fact]
    public void Yearly_expects_one_by_the_end_of_the_year_and_no_more()
    {
        var s = Expect(new(FrequencyKind.Yearly));
        s.Through(11).ShouldBe(0);
        s.Year.ShouldBe(1);
        s.Cap.ShouldBe(new Cap(PeriodKind.Year, 1));
    }

    [Fact]
    public void Per_agreement_takes_the_count_the_agreements_commit_to_unless_the_plan_sets_one()
    {
        Expect(new(FrequencyKind.PerAgreement), new RuleInputs(AgreedActivitiesPerYear: 12)).Year.ShouldBe(12);
        Expect(new(FrequencyKind.PerAgreement), new RuleInputs(TargetCount: 4, AgreedActivitiesPerYear: 12)).Year.ShouldBe(4);
        Expect(new(FrequencyKind.PerAgreement)).Year.ShouldBe(0);
    }

    [Theory]
    [InlineData(FrequencyKind.PerInspectionPlan)]
    [InlineData(FrequencyKind.PerHostCalendar)]
    public void Inspection_and_host_calendar_lines_take_their_count_from_the_plan(FrequencyKind kind)
    {
        Expect(new(kind), new RuleInputs(TargetCount: 24)).Month(7).ShouldBe(2);
        Expect(new(kind)).Year.ShouldBe(0);
    }

    [Fact]
    public void Unspecified_expects_nothing_unless_the_plan_sets_a_count()
    {
        Expect(new(FrequencyKind.Unspecified)).Year.ShouldBe(0);
        Expect(new(FrequencyKind.Unspecified), new RuleInputs(TargetCount: 12)).Year.ShouldBe(12);
    }

    [Fact]
    public void Every_catalogue_line_has_a_rule()
    {
        foreach (var line in PlanCatalogue.Load().Lines)
        {
            Expect(line.Frequency, new RuleInputs(TargetCount: 12)).PerMonth.Count.ShouldBe(12);
        }
    }
}
