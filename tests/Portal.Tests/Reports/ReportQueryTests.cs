using System.Net.Http.Headers;
using BhxhPlatform.Portal.Components.Pages.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace BhxhPlatform.Portal.Tests.Reports;

/// <summary>What the report page and its downloads ask Planning for, and under which name a file is saved.</summary>
public sealed class ReportQueryTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);

    [Fact]
    public void Without_a_choice_the_report_is_this_month_of_this_year_of_the_persons_own_unit_as_of_today()
    {
        var query = ReportQuery.Of(null, null, null, null, "bien-hoa", Today);

        query.ShouldBe(new ReportQuery("bien-hoa", 2026, "m12", null));
        query.ApiPath().ShouldBe("/api/units/bien-hoa/reports/2026/m12");
        query.AsOfInput.ShouldBe(string.Empty);
    }

    [Fact]
    public void Another_year_without_a_period_is_that_whole_year_and_a_year_that_is_not_a_number_is_this_year()
    {
        ReportQuery.Of(null, "2025", "", null, "bien-hoa", Today).Period.ShouldBe("year");
        ReportQuery.Of(null, "hai-nghìn", null, null, "bien-hoa", Today).Year.ShouldBe(2026);
    }

    [Fact]
    public void The_chosen_unit_period_and_day_make_Plannings_route_and_the_portals_page_and_download_links()
    {
        var query = ReportQuery.Of(" dong-nai ", "2026", "Q4", "25/11/2026", "dong-nai", Today);

        query.ShouldBe(new ReportQuery("dong-nai", 2026, "q4", "2026-11-25"));
        query.ApiPath().ShouldBe("/api/units/dong-nai/reports/2026/q4?asOf=2026-11-25");
        query.ApiPath(ReportFormat.Docx).ShouldBe("/api/units/dong-nai/reports/2026/q4/docx?asOf=2026-11-25");
        query.ApiPath(ReportFormat.Xlsx).ShouldBe("/api/units/dong-nai/reports/2026/q4/xlsx?asOf=2026-11-25");
        query.PageLink.ShouldBe("/reports?unit=dong-nai&year=2026&period=q4&asOf=2026-11-25");
        query.DownloadLink(ReportFormat.Xlsx).ShouldBe("/reports/download/xlsx?unit=dong-nai&year=2026&period=q4&asOf=2026-11-25");
        query.AsOfInput.ShouldBe("25/11/2026");
    }

    [Theory]
    [InlineData("05/02/2026", "2026-02-05")]
    [InlineData("5/2/2026", "2026-02-05")]
    [InlineData("2026-02-05", "2026-02-05")]
    [InlineData(" 30/11/2026 ", "2026-11-30")]
    [InlineData("31/02/2026", "31/02/2026")]
    [InlineData("hôm qua", "hôm qua")]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void A_typed_day_goes_to_Planning_as_yyyy_MM_dd_and_anything_else_is_kept_as_typed(string? typed, string? sent) =>
        ReportQuery.AsOfDay(typed).ShouldBe(sent);

    [Fact]
    public void What_is_not_a_day_or_a_plain_unit_is_escaped_in_the_route_and_shown_back_as_typed()
    {
        var query = ReportQuery.Of("a b/c", "2026", "q9", "31/02/2026", "bien-hoa", Today);

        query.ApiPath().ShouldBe("/api/units/a%20b%2Fc/reports/2026/q9?asOf=31%2F02%2F2026");
        query.AsOfInput.ShouldBe("31/02/2026");
        query.HasDay.ShouldBeFalse();
        ReportQuery.Of(null, null, null, "30/11/2026", "bien-hoa", Today).HasDay.ShouldBeTrue();
        ReportQuery.Of(null, null, null, null, "bien-hoa", Today).HasDay.ShouldBeTrue();
    }

    [Theory]
    [InlineData("docx", "docx")]
    [InlineData("XLSX", "xlsx")]
    [InlineData("pdf", null)]
    [InlineData(null, null)]
    public void Only_Word_and_Excel_are_formats(string? segment, string? extension) =>
        ReportFormat.Parse(segment)?.Extension.ShouldBe(extension);

    [Fact]
    public void The_file_is_saved_under_Plannings_name_the_encoded_one_first()
    {
        var query = new ReportQuery("bien-hoa", 2026, "m11", null);

        ReportFile.Name(ContentDispositionHeaderValue.Parse("attachment; filename=bao-cao-ket-qua-bien-hoa-2026-m11.docx; filename*=UTF-8''bao-cao-ket-qua-bi%C3%AAn-h%C3%B2a-2026-m11.docx"), query, ReportFormat.Docx)
            .ShouldBe("bao-cao-ket-qua-biên-hòa-2026-m11.docx");
        ReportFile.Name(ContentDispositionHeaderValue.Parse("attachment; filename=\"bao cao.xlsx\""), query, ReportFormat.Xlsx).ShouldBe("bao cao.xlsx");
    }

    [Theory]
    [InlineData("attachment; filename=\"../../etc/bao-cao.docx\"", "bao-cao.docx")]
    [InlineData("attachment; filename=\"C:\\\\temp\\\\bao-cao.docx\"", "bao-cao.docx")]
    [InlineData("attachment; filename=\"bao-cao.pdf\"", "bao-cao-ket-qua-bien-hoa-2026-m11.docx")]
    [InlineData("attachment; filename=\".docx\"", "bao-cao-ket-qua-bien-hoa-2026-m11.docx")]
    [InlineData("attachment", "bao-cao-ket-qua-bien-hoa-2026-m11.docx")]
    public void A_name_is_never_a_path_and_is_of_the_format_asked_for(string header, string saved) =>
        ReportFile.Name(ContentDispositionHeaderValue.Parse(header), new ReportQuery("bien-hoa", 2026, "m11", null), ReportFormat.Docx).ShouldBe(saved);

    [Fact]
    public void Without_Plannings_name_the_file_is_named_as_Planning_names_its_reports_from_safe_characters()
    {
        ReportFile.Name(null, new ReportQuery("bien-hoa", 2026, "q4", null), ReportFormat.Xlsx).ShouldBe("bao-cao-ket-qua-bien-hoa-2026-q4.xlsx");
        ReportFile.Fallback(new ReportQuery("Biên Hòa/..", 2026, "year", null), ReportFormat.Docx).ShouldBe("bao-cao-ket-qua-bi-n-h-a-2026-year.docx");
    }

    [Fact]
    public void Periods_are_named_in_the_current_language_as_a_list_offers_them_and_as_a_heading_names_them()
    {
        var text = Localizer();
        using (Culture.Vietnamese())
        {
            text.Period("year").ShouldBe("Cả năm");
            text.Period("q4").ShouldBe("Quý IV");
            text.Period("m2").ShouldBe("Tháng 2");
            text.Period("year", 2026).ShouldBe("năm 2026");
            text.Period("q3", 2026).ShouldBe("quý III năm 2026");
            text.Period("m11", 2026).ShouldBe("tháng 11 năm 2026");
            text.Period("q9", 2026).ShouldBe("q9");
        }

        using (Culture.English())
        {
            text.Period("year").ShouldBe("Whole year");
            text.Period("q4").ShouldBe("Q4");
            text.Period("m2").ShouldBe("February");
            text.Period("q3", 2026).ShouldBe("Q3 2026");
            text.Period("m11", 2026).ShouldBe("November 2026");
        }
    }

    [Fact]
    public void Shares_are_written_the_Vietnamese_way_and_a_dash_without_a_target()
    {
        ReportLabels.Percent(87.5m).ShouldBe("87,5%");
        ReportLabels.Percent(100m).ShouldBe("100%");
        ReportLabels.Percent(null).ShouldBe("–");
    }

    private static IStringLocalizer<ReportsText> Localizer() =>
        new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<ReportsText>>();
}
