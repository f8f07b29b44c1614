using BhxhPlatform.Planning.Reports;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BhxhPlatform.Planning.Tests.Reports;

public sealed class SpreadsheetInjectionTests
{
    [Fact]
    public void Text_that_a_spreadsheet_would_run_as_a_formula_is_written_as_a_quoted_inline_string_and_numbers_stay_numbers()
    {
        string[] attacks = ["=HYPERLINK(\"http://x\")", "-2+3", "@SUM(A1)", "\tx", "+1"];
        var table = new ReportTable("t", ["Mã", "Số"], [.. attacks.Select(a => (IReadOnlyList<ReportCell>)[a, -5L]), ["Bình thường", 7L]]);

        using var document = SpreadsheetDocument.Open(new MemoryStream(ExcelReport.ChartData(table)), false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet!;
        var cells = sheet.Descendants<Cell>().ToList();

        cells.ShouldNotContain(c => c.CellFormula != null);
        var texts = cells.Where(c => c.DataType != null && c.DataType.Value == CellValues.InlineString).Select(c => c.InnerText).ToList();
        texts.ShouldBe(["Mã", "Số", .. attacks.Select(a => "'" + a), "Bình thường"]);
        cells.Where(c => c.DataType != null && c.DataType.Value == CellValues.Number).Select(c => c.CellValue!.Text)
            .ShouldBe([.. attacks.Select(_ => "-5"), "7"]);
    }
}
