using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace BhxhPlatform.Planning.Reports;

/// <summary>
/// The results report as a Word document, in the layout Decree 30/2020/NĐ-CP sets for administrative documents:
/// A4, Times New Roman, margins of 20 mm top and bottom, 30 mm left, 15 mm right; a header of two columns (the
/// superior and issuing bodies with the number and symbol on the left; the national title, the motto and the
/// place and date on the right); the kind of document and its title; the body; the recipients and the signature.
/// The chart is native DrawingML (a chart part), so Word draws it and the figures stay editable.
/// </summary>
public static class WordReport
{
    private const string Font = "Times New Roman";

    // Half-points: 14 pt for the body, 13 pt for the header and tables, 12 pt for the recipients' heading, 11 pt for the list.
    private const int Body = 28;
    private const int Small = 26;
    private const int Recipients = 24;
    private const int RecipientList = 22;

    // A4 in twentieths of a point, less the margins: 210 mm − 30 mm − 15 mm of text width.
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int MarginTop = 1134;
    private const int MarginBottom = 1134;
    private const int MarginLeft = 1701;
    private const int MarginRight = 851;
    private const int TextWidth = PageWidth - MarginLeft - MarginRight;
    private const int LeftColumn = 3969;
    private const int RightColumn = TextWidth - LeftColumn;

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static byte[] Write(ResultsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = $"Báo cáo {report.Title}";
            document.PackageProperties.Creator = report.Issuer.Name;
            document.PackageProperties.Language = "vi-VN";
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var body = new DocumentFormat.OpenXml.Wordprocessing.Body();
            body.Append(Header(report));
            body.Append(
                Paragraph("BÁO CÁO", Body, bold: true, align: JustificationValues.Center, before: 360),
                Paragraph(report.Title, Body, bold: true, align: JustificationValues.Center),
                Paragraph($"(Số liệu tính đến ngày {report.End.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)})", Body,
                    italic: true, align: JustificationValues.Center, after: 240));
            body.Append(Overview(report));
            body.Append(Heading(report.Issuer.Province ? "II. KẾT QUẢ THEO ĐƠN VỊ" : "II. KẾT QUẢ CỦA ĐƠN VỊ"));
            body.Append(Table(report.UnitTable(), skipColumns: [0], [2106, 1300, 900, 1000, 800, 1200, 1000, 1048]));
            body.Append(Heading("III. KẾT QUẢ THEO NHÓM ĐỐI TƯỢNG"));
            body.Append(Table(report.AudienceTable(), skipColumns: [], [800, 4154, 1200, 1200, 800, 1200]));
            body.Append(Heading("IV. KẾT QUẢ THEO DÒNG KẾ HOẠCH"));
            body.Append(Table(report.LineTable(), skipColumns: [], [750, 2504, 600, 800, 800, 700, 800, 800, 900, 700]));
            body.Append(ChartParagraph(main, report));
            body.Append(Heading("V. KẾT QUẢ THEO THÁNG"));
            body.Append(Table(report.MonthTable(), skipColumns: [], [2354, 2400, 2400, 2200]));
            body.Append(Heading("VI. KẾT QUẢ PHÁT TRIỂN NGƯỜI THAM GIA, PHỐI HỢP, TẬP HUẤN VÀ KHEN THƯỞNG"));
            body.Append(Text("1. Người tham gia mới theo loại hình", bold: true));
            body.Append(Table(report.SchemeTable(), skipColumns: [], [4354, 2500, 2500]));
            body.Append(Text("2. Chương trình, hợp đồng phối hợp", bold: true));
            body.Append(Table(report.AgreementTable(), skipColumns: [], [2354, 1750, 1750, 1750, 1750]));
            body.Append(Text("3. Tập huấn, hội nghị", bold: true));
            body.Append(Table(report.TrainingTable(), skipColumns: [], [4354, 2500, 2500], totalRow: false));
            body.Append(Text("4. Biểu dương, khen thưởng", bold: true));
            body.Append(Table(report.CommendationTable(), skipColumns: [], [4354, 2500, 2500]));
            body.Append(Assessment(report));
            body.Append(Signature(report));
            body.Append(new SectionProperties(
                new PageSize { Width = (UInt32Value)(uint)PageWidth, Height = (UInt32Value)(uint)PageHeight },
                new PageMargin
                {
                    Top = MarginTop, Bottom = MarginBottom, Left = (UInt32Value)(uint)MarginLeft, Right = (UInt32Value)(uint)MarginRight,
                    Header = 720U, Footer = 720U, Gutter = 0U,
                }));
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = Body.ToString(CultureInfo.InvariantCulture) },
                new FontSizeComplexScript { Val = Body.ToString(CultureInfo.InvariantCulture) },
                new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "0", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });

    /// <summary>The header: a borderless table of two columns, as the decree's model documents lay it out.</summary>
    private static Table Header(ResultsReport report)
    {
        var left = Cell(LeftColumn,
            Paragraph(report.Issuer.SuperiorBody, Small, align: JustificationValues.Center),
            Paragraph(report.Issuer.IssuingBody, Small, bold: true, align: JustificationValues.Center),
            Rule(LeftColumn / 3),
            Paragraph("Số: ……/BC-BHXH", Small, align: JustificationValues.Center, before: 120));
        var right = Cell(RightColumn,
            Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Small, bold: true, align: JustificationValues.Center),
            Paragraph("Độc lập - Tự do - Hạnh phúc", Body, bold: true, align: JustificationValues.Center),
            Rule(1150),
            Paragraph(ResultsReport.PlaceAndDate(report.Issuer.Place, report.AsOf), Body, italic: true, align: JustificationValues.Center, before: 120));
        return SideBySide(LeftColumn, RightColumn, left, right);
    }

    private static IEnumerable<OpenXmlElement> Overview(ResultsReport report)
    {
        var t = report.Totals;
        yield return Heading("I. KẾT QUẢ CHUNG");
        yield return Text(report.Issuer.Province
            ? $"Toàn tỉnh có {ResultsReport.Number(t.Units)} đơn vị thực hiện kế hoạch truyền thông năm {report.Year}, trong đó {ResultsReport.Number(t.ApprovedPlans)} kế hoạch đã được phê duyệt."
            : $"Kế hoạch truyền thông năm {report.Year} của đơn vị: {(report.Units.Count == 0 ? "chưa có" : string.Join(", ", report.Units.Select(u => ResultsReport.StatusText(u.Status).ToLower(Vi))))}.");
        yield return Text($"- Số hoạt động truyền thông theo kế hoạch trong kỳ: {ResultsReport.Number(t.Target)}; đã thực hiện: {ResultsReport.Number(t.Achieved)}" +
                          (t.Percent is { } p ? $", đạt {ResultsReport.Percent(p)} kế hoạch kỳ." : "."));
        yield return Text($"- Lũy kế từ đầu năm đến ngày {report.End.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}: thực hiện {ResultsReport.Number(t.AchievedYear)}/{ResultsReport.Number(t.ExpectedYear)} hoạt động theo kế hoạch năm" +
                          (ResultsReport.PercentOf(t.AchievedYear, t.ExpectedYear) is { } y ? $" ({ResultsReport.Percent(y)})." : "."));
        yield return Text($"- Số lượt người được tiếp cận trong kỳ: {ResultsReport.Number(t.PeopleReached)}; lũy kế năm: {YearAgainstTarget(t.PeopleReachedYear, t.PeopleReachedTarget)}.");
        yield return Text($"- Số người tham gia mới BHXH tự nguyện, BHYT trong kỳ: {ResultsReport.Number(t.Enrolled)}; lũy kế năm: {YearAgainstTarget(t.EnrolledYear, t.EnrolmentTarget)}.");
    }

    private static IEnumerable<OpenXmlElement> Assessment(ResultsReport report)
    {
        var t = report.Totals;
        var behind = report.LinesBehind();
        yield return Heading("VII. ĐÁNH GIÁ CHUNG VÀ PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI");
        yield return Text("1. Đánh giá chung", bold: true);
        var verdict = t.Percent switch
        {
            null => "trong kỳ không có hoạt động nào đến hạn theo kế hoạch",
            >= 100 => "hoàn thành kế hoạch kỳ",
            >= 80 => "cơ bản hoàn thành kế hoạch kỳ",
            _ => "chưa hoàn thành kế hoạch kỳ",
        };
        yield return Text($"{report.Title}: {verdict}; đã thực hiện {ResultsReport.Number(t.Achieved)} hoạt động, tiếp cận {ResultsReport.Number(t.PeopleReached)} lượt người.");
        yield return Text(behind.Count == 0
            ? $"Đến ngày {report.End.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}, không có dòng kế hoạch nào chậm tiến độ."
            : $"Đến ngày {report.End.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}, còn {ResultsReport.Number(behind.Count)} dòng kế hoạch chậm tiến độ so với kế hoạch năm: " +
              string.Join("; ", behind.Select(l => report.Issuer.Province ? $"{l.Code} ({ResultsReport.Number(l.UnitsBehind)} đơn vị)" : l.Code)) + ".");
        if (report.Issuer.Province && report.Units.Where(u => u.Percent is not null).OrderBy(u => u.Percent).Take(3).ToList() is { Count: > 0 } lowest)
        {
            yield return Text("Các đơn vị có tỷ lệ thực hiện thấp nhất trong kỳ: " +
                              string.Join("; ", lowest.Select(u => $"{u.Name} ({ResultsReport.Percent(u.Percent)})")) + ".");
        }

        yield return Text("2. Phương hướng, nhiệm vụ kỳ tới", bold: true);
        yield return Text(behind.Count == 0
            ? "Tiếp tục duy trì tiến độ thực hiện các nội dung theo kế hoạch; chuẩn bị nội dung, hình thức truyền thông cho kỳ tới."
            : $"Tập trung thực hiện bù các hoạt động còn chậm tiến độ ({string.Join(", ", behind.Take(10).Select(l => l.Code))}{(behind.Count > 10 ? ", …" : "")}) trong kỳ tới; rà soát nguồn lực, phối hợp với các cơ quan, tổ chức liên quan để bảo đảm chỉ tiêu năm.");
        var goals = new List<string>();
        if (t.PeopleReachedTarget > 0)
        {
            goals.Add($"{ResultsReport.Number(t.PeopleReachedTarget)} lượt người được tiếp cận");
        }

        if (t.EnrolmentTarget > 0)
        {
            goals.Add($"{ResultsReport.Number(t.EnrolmentTarget)} người tham gia mới");
        }

        if (goals.Count > 0)
        {
            yield return Text($"Phấn đấu đạt chỉ tiêu {string.Join(" và ", goals)} trong năm {report.Year}.");
        }
    }

    /// <summary>"125/6.000 theo chỉ tiêu năm (2,1%)", or the figure alone when the plans set no target.</summary>
    private static string YearAgainstTarget(long done, long target) => target > 0
        ? $"{ResultsReport.Number(done)}/{ResultsReport.Number(target)} theo chỉ tiêu năm ({ResultsReport.Percent(ResultsReport.PercentOf(done, target))})"
        : $"{ResultsReport.Number(done)} (kế hoạch chưa đặt chỉ tiêu năm)";

    /// <summary>Recipients on the left, the signer's title on the right, in a borderless table.</summary>
    private static Table Signature(ResultsReport report)
    {
        var recipients = report.Issuer.Province
            ? new[] { "- BHXH Việt Nam (để báo cáo);", "- Tỉnh ủy, UBND tỉnh (để báo cáo);", "- Ban Tuyên giáo và Dân vận Tỉnh ủy;", "- BHXH cơ sở;", "- Lưu: VT, TT." }
            : ["- BHXH tỉnh (để báo cáo);", "- Cấp ủy, chính quyền địa phương (để báo cáo);", "- Lưu: VT."];
        var left = Cell(LeftColumn + 700, [
            Paragraph("Nơi nhận:", Recipients, bold: true, italic: true),
            .. recipients.Select(r => Paragraph(r, RecipientList))]);
        var right = Cell(RightColumn - 700,
            Paragraph("GIÁM ĐỐC", Body, bold: true, align: JustificationValues.Center),
            Paragraph("(Ký, ghi rõ họ tên và đóng dấu)", Body, italic: true, align: JustificationValues.Center, after: 1440));
        return SideBySide(LeftColumn + 700, RightColumn - 700, left, right);
    }

    /// <summary>Two cells side by side across the text width, in a fixed, borderless table (the header and the signature block).</summary>
    private static Table SideBySide(int leftWidth, int rightWidth, TableCell left, TableCell right) => new(
        new TableProperties(
            new TableWidth { Width = TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
                new BottomBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
                new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None }),
            new TableLayout { Type = TableLayoutValues.Fixed }),
        new TableGrid(new GridColumn { Width = Twips(leftWidth) }, new GridColumn { Width = Twips(rightWidth) }),
        new TableRow(left, right));

    /// <summary>A bordered table of the report, its header row repeated on each page; the last row (the total) in bold.</summary>
    private static Table Table(ReportTable table, int[] skipColumns, int[] widths, bool totalRow = true)
    {
        var columns = Enumerable.Range(0, table.Headers.Count).Where(i => !skipColumns.Contains(i)).ToList();
        var border = (uint)4;
        var grid = new TableGrid(columns.Select((_, i) => new GridColumn { Width = Twips(widths[i]) }));
        var result = new Table(
            new TableProperties(
                new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = border }, new LeftBorder { Val = BorderValues.Single, Size = border },
                    new BottomBorder { Val = BorderValues.Single, Size = border }, new RightBorder { Val = BorderValues.Single, Size = border },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = border }, new InsideVerticalBorder { Val = BorderValues.Single, Size = border }),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            grid);
        var header = new TableRow(new TableRowProperties(new TableHeader()));
        header.Append(columns.Select((c, i) => Cell(widths[i], Paragraph(table.Headers[c], RecipientList, bold: true, align: JustificationValues.Center))));
        result.Append(header);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var total = totalRow && r == table.Rows.Count - 1;
            var row = new TableRow();
            row.Append(columns.Select((c, i) =>
            {
                var cell = table.Rows[r][c];
                return Cell(widths[i], Paragraph(cell.Display, RecipientList, bold: total,
                    align: cell.Text is null ? JustificationValues.Right : JustificationValues.Left));
            }));
            result.Append(row);
        }

        return result;
    }

    private static Paragraph ChartParagraph(MainDocumentPart main, ResultsReport report)
    {
        var points = ReportChart.Points(report);
        var chart = main.AddNewPart<ChartPart>();

        // The figures also go into the workbook embedded beside the chart (what "Edit data" opens), on "Sheet1" from row 1.
        chart.ChartSpace = ReportChart.Space(ReportChart.Title(report), points, "Sheet1", headerRow: 1);
        var data = chart.AddEmbeddedPackagePart(EmbeddedPackagePartType.Xlsx);
        using (var workbook = new MemoryStream(ExcelReport.ChartData(ReportChart.Table("", points))))
        {
            data.FeedData(workbook);
        }

        chart.ChartSpace.Append(new C.ExternalData(new C.AutoUpdate { Val = false }) { Id = chart.GetIdOfPart(data) });
        var width = (long)TextWidth * 635;
        var height = Math.Clamp(1_400_000L + (points.Count * 260_000L), 2_800_000L, 8_000_000L);
        var drawing = new Drawing(new DW.Inline(
            new DW.Extent { Cx = width, Cy = height },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = 1U, Name = "Biểu đồ kết quả" },
            new DW.NonVisualGraphicFrameDrawingProperties(),
            new A.Graphic(new A.GraphicData(new C.ChartReference { Id = main.GetIdOfPart(chart) })
            {
                Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart",
            }))
        {
            DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U,
        });
        return new Paragraph(
            new ParagraphProperties(new SpacingBetweenLines { Before = "240", After = "240" }, new Justification { Val = JustificationValues.Center }),
            new Run(drawing));
    }

    private static Paragraph Heading(string text) => Paragraph(text, Body, bold: true, before: 240, after: 120);

    /// <summary>Body text: justified, first line indented 1 cm, as the decree's body paragraphs are.</summary>
    private static Paragraph Text(string text, bool bold = false)
    {
        var paragraph = Paragraph(text, Body, bold: bold, align: JustificationValues.Both, after: 60);
        paragraph.ParagraphProperties!.InsertBefore(
            new Indentation { FirstLine = "567" }, paragraph.ParagraphProperties.GetFirstChild<Justification>());
        return paragraph;
    }

    private static Paragraph Paragraph(
        string text, int size, bool bold = false, bool italic = false, JustificationValues? align = null, int before = 0, int after = 0)
    {
        var properties = new ParagraphProperties(
            new SpacingBetweenLines { Before = before.ToString(CultureInfo.InvariantCulture), After = after.ToString(CultureInfo.InvariantCulture) },
            new Justification { Val = align ?? JustificationValues.Left });
        var run = new RunProperties();
        if (bold)
        {
            run.Append(new Bold(), new BoldComplexScript());
        }

        if (italic)
        {
            run.Append(new Italic(), new ItalicComplexScript());
        }

        run.Append(
            new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) },
            new FontSizeComplexScript { Val = size.ToString(CultureInfo.InvariantCulture) });
        return new Paragraph(properties, new Run(run, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    /// <summary>The short solid line under the issuing body and under the motto: an empty paragraph's bottom border, narrowed by its indents.</summary>
    private static Paragraph Rule(int indent) => new(
        new ParagraphProperties(
            new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6U, Space = 1U }),
            new SpacingBetweenLines { Before = "0", After = "0", Line = "120", LineRule = LineSpacingRuleValues.Exact },
            new Indentation { Left = indent.ToString(CultureInfo.InvariantCulture), Right = indent.ToString(CultureInfo.InvariantCulture) }));

    private static TableCell Cell(int width, params OpenXmlElement[] content) => new(
        [new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }), .. content]);

    private static StringValue Twips(int value) => value.ToString(CultureInfo.InvariantCulture);
}
