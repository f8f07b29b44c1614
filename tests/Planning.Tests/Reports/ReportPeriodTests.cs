using BhxhPlatform.Planning.Reports;
using BhxhPlatform.Planning.Schedule;

namespace BhxhPlatform.Planning.Tests.Reports;

public sealed class ReportPeriodTests
{
    [Theory]
    [InlineData("m1", PeriodKind.Month, 1, "2026-01-01", "2026-01-31", "tháng 1 năm 2026")]
    [InlineData("m2", PeriodKind.Month, 2, "2026-02-01", "2026-02-28", "tháng 2 năm 2026")]
    [InlineData("m11", PeriodKind.Month, 11, "2026-11-01", "2026-11-30", "tháng 11 năm 2026")]
    [InlineData("m12", PeriodKind.Month, 12, "2026-12-01", "2026-12-31", "tháng 12 năm 2026")]
    [InlineData("q1", PeriodKind.Quarter, 1, "2026-01-01", "2026-03-31", "quý I năm 2026")]
    [InlineData("q2", PeriodKind.Quarter, 2, "2026-04-01", "2026-06-30", "quý II năm 2026")]
    [InlineData("q3", PeriodKind.Quarter, 3, "2026-07-01", "2026-09-30", "quý III năm 2026")]
    [InlineData("Q4", PeriodKind.Quarter, 4, "2026-10-01", "2026-12-31", "quý IV năm 2026")]
    [InlineData("year", PeriodKind.Year, 1, "2026-01-01", "2026-12-31", "năm 2026")]
    public void A_code_names_its_days_and_its_Vietnamese_text(string code, PeriodKind kind, int number, string first, string last, string text)
    {
        var period = ReportPeriod.Parse(2026, code).ShouldNotBeNull();

        period.Kind.ShouldBe(kind);
        period.Number.ShouldBe(number);
        period.FirstDay.ShouldBe(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture));
        period.LastDay.ShouldBe(DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture));
        period.Vietnamese.ShouldBe(text);
        period.Code.ShouldBe(code.ToLowerInvariant());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("m0")]
    [InlineData("m13")]
    [InlineData("m01")]
    [InlineData("q0")]
    [InlineData("q5")]
    [InlineData("m")]
    [InlineData("w1")]
    [InlineData("m+1")]
    [InlineData("years")]
    public void Anything_else_is_no_period(string? code) => ReportPeriod.Parse(2026, code).ShouldBeNull();

    [Fact]
    public void February_of_a_leap_year_ends_on_the_29th_and_a_period_covers_its_days_only()
    {
        ReportPeriod.Parse(2028, "m2")!.LastDay.ShouldBe(new DateOnly(2028, 2, 29));
        var quarter = ReportPeriod.Parse(2026, "q4")!;
        quarter.Covers(new DateOnly(2026, 10, 1)).ShouldBeTrue();
        quarter.Covers(new DateOnly(2026, 12, 31)).ShouldBeTrue();
        quarter.Covers(new DateOnly(2026, 9, 30)).ShouldBeFalse();
        quarter.Covers(new DateOnly(2027, 1, 1)).ShouldBeFalse();
        quarter.CoversMonth(11).ShouldBeTrue();
        quarter.CoversMonth(9).ShouldBeFalse();
    }

    [Fact]
    public void The_header_helpers_write_as_the_decree_does()
    {
        ResultsReport.BodyName("BHXH tỉnh Đồng Nai").ShouldBe("BẢO HIỂM XÃ HỘI TỈNH ĐỒNG NAI");
        ResultsReport.BodyName("BHXH thành phố Biên Hòa").ShouldBe("BẢO HIỂM XÃ HỘI THÀNH PHỐ BIÊN HÒA");
        ResultsReport.PlaceAndDate("Đồng Nai", new DateOnly(2026, 11, 30)).ShouldBe("Đồng Nai, ngày 30 tháng 11 năm 2026");
        ResultsReport.PlaceAndDate("Đồng Nai", new DateOnly(2026, 2, 5)).ShouldBe("Đồng Nai, ngày 05 tháng 02 năm 2026");
        ResultsReport.PlaceAndDate("Đồng Nai", new DateOnly(2026, 3, 9)).ShouldBe("Đồng Nai, ngày 09 tháng 3 năm 2026");
        ResultsReport.Number(1234567).ShouldBe("1.234.567");
        ResultsReport.Percent(87.5m).ShouldBe("87,5%");
        ResultsReport.Percent(null).ShouldBe("-");
        ResultsReport.PercentOf(2, 3).ShouldBe(66.7m);
        ResultsReport.PercentOf(1, 0).ShouldBeNull();
    }
}
