using System.Globalization;
using DocumentFormat.OpenXml;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace BhxhPlatform.Planning.Reports;

/// <summary>One bar pair of the report's chart: what was planned and what was done.</summary>
public sealed record ChartPoint(string Label, int Target, int Achieved);

/// <summary>
/// The report's chart, drawn the same in the Word document and the Excel workbook: a province compares its units, a unit
/// its plan lines (those with something due or done in the period), as a clustered horizontal bar chart of two series,
/// planned and done. It is native DrawingML: the values are cached in the chart and its formulas name the cells they
/// come from (the workbook embedded in the Word document, the chart's own sheet in the Excel workbook).
/// </summary>
public static class ReportChart
{
    public const string Planned = "Kế hoạch";
    public const string Done = "Thực hiện";

    private const string Font = "Times New Roman";

    public static string Title(ResultsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Issuer.Province ? "Số hoạt động kế hoạch và đã thực hiện theo đơn vị" : "Số hoạt động kế hoạch và đã thực hiện theo dòng kế hoạch";
    }

    /// <summary>What the categories are: the units of a province, the plan lines of a unit.</summary>
    public static string CategoryHeader(ResultsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Issuer.Province ? "Đơn vị" : "Dòng kế hoạch";
    }

    /// <summary>The bars; one empty pair ("-") when there is nothing to show, so that the chart is still valid.</summary>
    public static IReadOnlyList<ChartPoint> Points(ResultsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        List<ChartPoint> points = report.Issuer.Province
            ? [.. report.Units.Select(u => new ChartPoint(u.Name, u.Target, u.Achieved))]
            : [.. report.Lines.Where(l => l.Target > 0 || l.Achieved > 0).Select(l => new ChartPoint(l.Code, l.Target, l.Achieved))];
        return points.Count == 0 ? [new ChartPoint("-", 0, 0)] : points;
    }

    /// <summary>The chart's data as a table: the categories in the first column, planned and done in the next two.</summary>
    public static ReportTable Table(string categoryHeader, IReadOnlyList<ChartPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        return new ReportTable("Biểu đồ", [categoryHeader, Planned, Done], [.. points.Select(p => (IReadOnlyList<ReportCell>)[p.Label, p.Target, p.Achieved])]);
    }

    /// <summary>
    /// The chart of <paramref name="points"/>, whose formulas name the cells of <see cref="Table"/> written on
    /// <paramref name="sheet"/> with its header row at <paramref name="headerRow"/> (1-based) and its first column at A.
    /// </summary>
    public static C.ChartSpace Space(string title, IReadOnlyList<ChartPoint> points, string sheet, int headerRow)
    {
        ArgumentNullException.ThrowIfNull(points);
        var reference = SheetReference(sheet);
        var first = headerRow + 1;
        var last = headerRow + points.Count;

        C.BarChartSeries Series(uint index, string name, string colour, Func<ChartPoint, int> value)
        {
            var column = (char)('B' + index);
            return new(
                new C.Index { Val = index },
                new C.Order { Val = index },
                new C.SeriesText(new C.StringReference(
                    new C.Formula(Invariant($"{reference}!${column}${headerRow}")),
                    new C.StringCache(new C.PointCount { Val = 1U }, new C.StringPoint(new C.NumericValue(name)) { Index = 0U }))),
                new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = colour })),
                new C.InvertIfNegative { Val = false },
                new C.CategoryAxisData(new C.StringReference(
                    new C.Formula(Invariant($"{reference}!$A${first}:$A${last}")),
                    new C.StringCache([new C.PointCount { Val = (uint)points.Count },
                        .. points.Select((p, i) => new C.StringPoint(new C.NumericValue(p.Label)) { Index = (uint)i })]))),
                new C.Values(new C.NumberReference(
                    new C.Formula(Invariant($"{reference}!${column}${first}:${column}${last}")),
                    new C.NumberingCache([new C.FormatCode("General"), new C.PointCount { Val = (uint)points.Count },
                        .. points.Select((p, i) => new C.NumericPoint(new C.NumericValue(value(p).ToString(CultureInfo.InvariantCulture))) { Index = (uint)i })]))));
        }

        return new C.ChartSpace(
            new C.EditingLanguage { Val = "vi-VN" },
            new C.RoundedCorners { Val = false },
            new C.Chart(
                new C.Title(
                    new C.ChartText(new C.RichText(
                        new A.BodyProperties(),
                        new A.ListStyle(),
                        new A.Paragraph(
                            new A.ParagraphProperties(new A.DefaultRunProperties { FontSize = 1200, Bold = true }),
                            new A.Run(new A.RunProperties { Language = "vi-VN", FontSize = 1200, Bold = true }, new A.Text(title))))),
                    new C.Overlay { Val = false }),
                new C.AutoTitleDeleted { Val = false },
                new C.PlotArea(
                    new C.Layout(),
                    new C.BarChart(
                        new C.BarDirection { Val = C.BarDirectionValues.Bar },
                        new C.BarGrouping { Val = C.BarGroupingValues.Clustered },
                        new C.VaryColors { Val = false },
                        Series(0, Planned, "1F4E79", p => p.Target),
                        Series(1, Done, "C55A11", p => p.Achieved),
                        new C.GapWidth { Val = (UInt16Value)(ushort)80 },
                        new C.AxisId { Val = 1001U },
                        new C.AxisId { Val = 1002U }),
                    new C.CategoryAxis(
                        new C.AxisId { Val = 1001U },
                        new C.Scaling(new C.Orientation { Val = C.OrientationValues.MaxMin }),
                        new C.Delete { Val = false },
                        new C.AxisPosition { Val = C.AxisPositionValues.Left },
                        new C.NumberingFormat { FormatCode = "General", SourceLinked = false },
                        new C.MajorTickMark { Val = C.TickMarkValues.None },
                        new C.MinorTickMark { Val = C.TickMarkValues.None },
                        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                        new C.CrossingAxis { Val = 1002U },
                        new C.Crosses { Val = C.CrossesValues.AutoZero },
                        new C.AutoLabeled { Val = true },
                        new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
                        new C.LabelOffset { Val = (UInt16Value)(ushort)100 },
                        new C.NoMultiLevelLabels { Val = false }),
                    new C.ValueAxis(
                        new C.AxisId { Val = 1002U },
                        new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
                        new C.Delete { Val = false },
                        new C.AxisPosition { Val = C.AxisPositionValues.Top },
                        new C.MajorGridlines(),
                        new C.NumberingFormat { FormatCode = "#,##0", SourceLinked = false },
                        new C.MajorTickMark { Val = C.TickMarkValues.Outside },
                        new C.MinorTickMark { Val = C.TickMarkValues.None },
                        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                        new C.CrossingAxis { Val = 1001U },
                        new C.Crosses { Val = C.CrossesValues.AutoZero },
                        new C.CrossBetween { Val = C.CrossBetweenValues.Between })),
                new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }),
                new C.PlotVisibleOnly { Val = true },
                new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap }),
            new C.TextProperties(
                new A.BodyProperties(),
                new A.ListStyle(),
                new A.Paragraph(
                    new A.ParagraphProperties(new A.DefaultRunProperties(new A.LatinFont { Typeface = Font }, new A.ComplexScriptFont { Typeface = Font }) { FontSize = 1000 }),
                    new A.EndParagraphRunProperties { Language = "vi-VN" })));
    }

    /// <summary>A sheet's name as a formula names it: quoted when it holds anything but letters, digits and underscores.</summary>
    public static string SheetReference(string sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return sheet.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? sheet : $"'{sheet.Replace("'", "''", StringComparison.Ordinal)}'";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
