using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using BhxhPlatform.ServiceDefaults;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace BhxhPlatform.Planning.Reports;

/// <summary>
/// The results report as an Excel workbook with the Word report's tables, one sheet each: the totals, the units,
/// the audience groups and the plan lines. Numbers are number cells (so they sum and sort), text inline strings.
/// The Word report's chart is on a sheet of its own (<see cref="ChartSheet"/>), beside the cells it is drawn from.
/// </summary>
public static class ExcelReport
{
    public const string TotalsSheet = "Tổng hợp";
    public const string UnitsSheet = "Theo đơn vị";
    public const string AudiencesSheet = "Theo nhóm đối tượng";
    public const string LinesSheet = "Theo dòng kế hoạch";
    public const string ChartSheet = "Biểu đồ";
    public const string MonthsSheet = "Theo tháng";
    public const string SchemesSheet = "Người tham gia mới";
    public const string AgreementsSheet = "Phối hợp";
    public const string TrainingsSheet = "Tập huấn";
    public const string CommendationsSheet = "Khen thưởng";

    // Cell formats of the stylesheet below, by index.
    private const uint Plain = 0;
    private const uint Bold = 1;
    private const uint Whole = 2;
    private const uint BoldWhole = 3;
    private const uint Share = 4;
    private const uint BoldShare = 5;

    public static byte[] Write(ResultsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            document.PackageProperties.Title = $"Báo cáo {report.Title}";
            document.PackageProperties.Creator = report.Issuer.Name;
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            List<IReadOnlyList<ReportCell>> heading =
            [
                [report.Issuer.IssuingBody],
                [$"Báo cáo {report.Title}"],
                [$"Số liệu tính đến ngày {report.End.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}"],
            ];
            Add(workbook, sheets, TotalsSheet, heading, Totals(report), totalRow: false);
            Add(workbook, sheets, UnitsSheet, heading, report.UnitTable());
            Add(workbook, sheets, AudiencesSheet, heading, report.AudienceTable());
            Add(workbook, sheets, LinesSheet, heading, report.LineTable());
            var points = ReportChart.Points(report);
            var chartSheet = Add(workbook, sheets, ChartSheet, heading, ReportChart.Table(ReportChart.CategoryHeader(report), points), totalRow: false,
                widths: [report.Issuer.Province ? 40 : 16, 14, 14]);
            AddChart(chartSheet, ReportChart.Space(ReportChart.Title(report), points, ChartSheet, headerRow: heading.Count + 2), points.Count);
            Add(workbook, sheets, MonthsSheet, heading, report.MonthTable());
            Add(workbook, sheets, SchemesSheet, heading, report.SchemeTable());
            Add(workbook, sheets, AgreementsSheet, heading, report.AgreementTable());
            Add(workbook, sheets, TrainingsSheet, heading, report.TrainingTable(), totalRow: false);
            Add(workbook, sheets, CommendationsSheet, heading, report.CommendationTable());
        }

        return stream.ToArray();
    }

    /// <summary>
    /// The data of the Word report's chart as the workbook embedded beside it, so that Word's "Edit data" opens
    /// the figures the chart shows: one sheet "Sheet1", the categories in column A and one series a column from B,
    /// the series names in row 1 (the cells the chart's formulas name).
    /// </summary>
    public static byte[] ChartData(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet();
            Add(workbook, workbook.Workbook.AppendChild(new Sheets()), "Sheet1", [], table, totalRow: false);
        }

        return stream.ToArray();
    }

    /// <summary>
    /// A workbook of one sheet, as the report's sheets are written: the heading lines in bold, a blank row, the table's
    /// header row in bold and its rows (no total row). Column widths by <paramref name="widths"/>, one per column.
    /// </summary>
    public static byte[] SingleSheet(string title, string creator, string sheet, IReadOnlyList<string> heading, ReportTable table, IReadOnlyList<double> widths)
    {
        ArgumentNullException.ThrowIfNull(heading);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(widths);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            document.PackageProperties.Title = title;
            document.PackageProperties.Creator = creator;
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet();
            Add(workbook, workbook.Workbook.AppendChild(new Sheets()), sheet, [.. heading.Select(h => (IReadOnlyList<ReportCell>)[h])], table,
                totalRow: false, widths: widths);
        }

        return stream.ToArray();
    }

    /// <summary>The totals as a table of two columns, what and how many (no total row of its own: every row is one).</summary>
    private static ReportTable Totals(ResultsReport report)
    {
        var t = report.Totals;
        return new("Tổng hợp", ["Chỉ tiêu", "Giá trị"],
        [
            ["Số đơn vị có kế hoạch", t.Units],
            ["Số kế hoạch đã phê duyệt", t.ApprovedPlans],
            ["Số hoạt động kế hoạch trong kỳ", t.Target],
            ["Số hoạt động đã thực hiện trong kỳ", t.Achieved],
            ["Tỷ lệ thực hiện trong kỳ (%)", ReportCell.PercentOf(t)],
            ["Số hoạt động kế hoạch năm", t.ExpectedYear],
            ["Số hoạt động lũy kế năm", t.AchievedYear],
            ["Lượt người được tiếp cận trong kỳ", t.PeopleReached],
            ["Lượt người được tiếp cận lũy kế năm", t.PeopleReachedYear],
            ["Chỉ tiêu lượt người được tiếp cận năm", t.PeopleReachedTarget],
            ["Người tham gia mới trong kỳ", t.Enrolled],
            ["Người tham gia mới lũy kế năm", t.EnrolledYear],
            ["Chỉ tiêu người tham gia mới năm", t.EnrolmentTarget],
            ["Số dòng kế hoạch chậm tiến độ", t.LinesBehind],
        ]);
    }

    private static WorksheetPart Add(
        WorkbookPart workbook, Sheets sheets, string name, List<IReadOnlyList<ReportCell>> heading, ReportTable table, bool totalRow = true,
        IReadOnlyList<double>? widths = null)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        var rowIndex = 0u;
        foreach (var line in heading)
        {
            data.Append(Row(++rowIndex, line, Bold, bold: true));
        }

        if (heading.Count > 0)
        {
            rowIndex++;
        }

        data.Append(Row(++rowIndex, [.. table.Headers.Select(h => (ReportCell)h)], Bold, bold: true));
        var totals = totalRow && table.Headers.Count > 2;
        for (var r = 0; r < table.Rows.Count; r++)
        {
            data.Append(Row(++rowIndex, table.Rows[r], Plain, bold: totals && r == table.Rows.Count - 1));
        }

        var columns = new Columns(table.Headers.Select((h, i) => new Column
        {
            Min = (uint)(i + 1), Max = (uint)(i + 1), CustomWidth = true,
            Width = widths is not null && i < widths.Count ? widths[i] : i == 1 || table.Headers.Count == 2 ? 50 : 16,
        }));
        part.Worksheet = new Worksheet(columns, data);
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)(sheets.Count() + 1), Name = name });
        return part;
    }

    /// <summary>
    /// The chart drawn on <paramref name="sheet"/> right of its table (from column E, row 5), tall enough for
    /// <paramref name="bars"/> bar pairs: a drawing part anchoring a chart part, as Excel itself writes one.
    /// </summary>
    private static void AddChart(WorksheetPart sheet, C.ChartSpace space, int bars)
    {
        var drawings = sheet.AddNewPart<DrawingsPart>();
        var chart = drawings.AddNewPart<ChartPart>();
        chart.ChartSpace = space;
        var lastRow = 4 + Math.Clamp(6 + bars, 18, 60);
        drawings.WorksheetDrawing = new Xdr.WorksheetDrawing(
            new Xdr.TwoCellAnchor(
                new Xdr.FromMarker(new Xdr.ColumnId("4"), new Xdr.ColumnOffset("0"), new Xdr.RowId("4"), new Xdr.RowOffset("0")),
                new Xdr.ToMarker(
                    new Xdr.ColumnId("14"), new Xdr.ColumnOffset("0"), new Xdr.RowId(lastRow.ToString(CultureInfo.InvariantCulture)), new Xdr.RowOffset("0")),
                new Xdr.GraphicFrame(
                    new Xdr.NonVisualGraphicFrameProperties(
                        new Xdr.NonVisualDrawingProperties { Id = 2U, Name = "Biểu đồ kết quả" },
                        new Xdr.NonVisualGraphicFrameDrawingProperties()),
                    new Xdr.Transform(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = 0L, Cy = 0L }),
                    new A.Graphic(new A.GraphicData(new C.ChartReference { Id = drawings.GetIdOfPart(chart) })
                    {
                        Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart",
                    }))
                { Macro = "" },
                new Xdr.ClientData()));
        sheet.Worksheet!.Append(new Drawing { Id = sheet.GetIdOfPart(drawings) });
    }

    private static Row Row(uint index, IReadOnlyList<ReportCell> cells, uint textStyle, bool bold)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < cells.Count; i++)
        {
            var reference = Column(i) + index.ToString(CultureInfo.InvariantCulture);
            var cell = cells[i];
            if (cell.Text is not null)
            {
                row.Append(new Cell(new InlineString(new Text(SpreadsheetCell.Neutralise(cell.Text)) { Space = SpaceProcessingModeValues.Preserve }))
                {
                    CellReference = reference, DataType = CellValues.InlineString, StyleIndex = bold ? Bold : textStyle,
                });
            }
            else if (cell.Number is { } number)
            {
                row.Append(new Cell(new CellValue(number))
                {
                    CellReference = reference, DataType = CellValues.Number,
                    StyleIndex = cell.IsPercent ? (bold ? BoldShare : Share) : (bold ? BoldWhole : Whole),
                });
            }
        }

        return row;
    }

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    private static string Column(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : Column((index / 26) - 1) + (char)('A' + (index % 26));

    /// <summary>The least a valid stylesheet holds (two fonts, the two required fills, one border), and the formats the cells use.</summary>
    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164U, FormatCode = "0.0" }) { Count = 1U },
        new Fonts(
            new Font(new FontSize { Val = 12 }, new FontName { Val = "Times New Roman" }),
            new Font(new DocumentFormat.OpenXml.Spreadsheet.Bold(), new FontSize { Val = 12 }, new FontName { Val = "Times New Roman" })) { Count = 2U },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2U },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1U },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
        new CellFormats(
            new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U },
            new CellFormat { NumberFormatId = 0U, FontId = 1U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyFont = true },
            new CellFormat { NumberFormatId = 3U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 3U, FontId = 1U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true, ApplyFont = true },
            new CellFormat { NumberFormatId = 164U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164U, FontId = 1U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true, ApplyFont = true })
        { Count = 6U },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });
}
