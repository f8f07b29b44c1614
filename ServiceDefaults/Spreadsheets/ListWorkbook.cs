using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BhxhPlatform.ServiceDefaults.Spreadsheets;

/// <summary>One cell of a working list: text, a number or a day (exactly one of them, or none for an empty cell).</summary>
public readonly record struct ListCell(string? Text, decimal? Number, DateOnly? Day)
{
    public static implicit operator ListCell(string? text) => new(text, null, null);

    public static implicit operator ListCell(int number) => new(null, number, null);

    public static implicit operator ListCell(DateOnly day) => new(null, null, day);

    public static ListCell Of(DateOnly? day) => new(null, null, day);

    public static ListCell Of(int? number) => new(null, number, null);
}

/// <summary>A working list as one sheet: a few heading lines, the column headers, one row per item.</summary>
/// <param name="Sheet">The sheet's name (at most 31 characters; Vietnamese is fine).</param>
public sealed record WorkingList(string Sheet, string Title, IReadOnlyList<string> Heading, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<ListCell>> Rows);

/// <summary>
/// A working list (follow-ups, cards to renew, overdue lines) as an Excel workbook, so it can be filtered,
/// sorted and printed where the work is done: numbers are number cells, days are date cells shown dd/MM/yyyy,
/// text goes through <see cref="SpreadsheetCell.Neutralise"/>; the header row is frozen and filterable.
/// </summary>
public static class ListWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint Plain = 0;
    private const uint Bold = 1;
    private const uint Whole = 2;
    private const uint Day = 3;

    public static byte[] Write(WorkingList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            document.PackageProperties.Title = list.Title;
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet();
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var index = 0u;
            data.Append(Row(++index, [list.Title], bold: true));
            foreach (var line in list.Heading)
            {
                data.Append(Row(++index, [line], bold: false));
            }

            index++;
            var headerRow = ++index;
            data.Append(Row(headerRow, [.. list.Headers.Select(h => (ListCell)h)], bold: true));
            foreach (var row in list.Rows)
            {
                data.Append(Row(++index, row, bold: false));
            }

            var last = Column(Math.Max(list.Headers.Count, 1) - 1);
            var widths = new Columns(list.Headers.Select((h, i) => new Column
            {
                Min = (uint)(i + 1), Max = (uint)(i + 1), Width = Math.Clamp(h.Length + 4, 12, 48), CustomWidth = true,
            }));
            var frozen = new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = headerRow, TopLeftCell = "A" + (headerRow + 1).ToString(CultureInfo.InvariantCulture),
                ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
            }) { WorkbookViewId = 0U });
            var filter = new AutoFilter { Reference = $"A{headerRow}:{last}{Math.Max(index, headerRow)}" };
            part.Worksheet = new Worksheet(frozen, widths, data, filter);
            workbook.Workbook.AppendChild(new Sheets()).Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1U, Name = list.Sheet });
        }

        return stream.ToArray();
    }

    private static Row Row(uint index, IReadOnlyList<ListCell> cells, bool bold)
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
                    CellReference = reference, DataType = CellValues.InlineString, StyleIndex = bold ? Bold : Plain,
                });
            }
            else if (cell.Number is { } number)
            {
                row.Append(new Cell(new CellValue(number)) { CellReference = reference, DataType = CellValues.Number, StyleIndex = Whole });
            }
            else if (cell.Day is { } day)
            {
                // A day is the serial number Excel counts from 1899-12-30, shown with the dd/mm/yyyy format below.
                var serial = day.DayNumber - new DateOnly(1899, 12, 30).DayNumber;
                row.Append(new Cell(new CellValue(serial)) { CellReference = reference, DataType = CellValues.Number, StyleIndex = Day });
            }
        }

        return row;
    }

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    public static string Column(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : Column((index / 26) - 1) + (char)('A' + (index % 26));

    /// <summary>Excel's serial number of a day back to the day (the inverse of what <see cref="Write"/> stores).</summary>
    public static DateOnly DayOf(double serial) => DateOnly.FromDayNumber(new DateOnly(1899, 12, 30).DayNumber + (int)serial);

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164U, FormatCode = "dd/mm/yyyy" }) { Count = 1U },
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
            new CellFormat { NumberFormatId = 164U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true })
        { Count = 4U },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });
}
