using System.Globalization;
using BhxhPlatform.Contracts;
using BhxhPlatform.Portal.Components.Pages.Province;
using BhxhPlatform.Portal.ServiceClients;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace BhxhPlatform.Portal.Tests.Province;

/// <summary>The province pages' components that are cheaper to check without a browser: the plan differences and the SVG bars.</summary>
public sealed class ProvinceComponentTests : IDisposable
{
    private readonly BunitContext context = new();
    private readonly CultureInfo culture = CultureInfo.CurrentUICulture;

    public ProvinceComponentTests()
    {
        context.Services.AddLocalization();
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
    }

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = culture;
        context.Dispose();
    }

    [Fact]
    public void The_differences_name_the_lines_added_removed_and_changed_and_the_fields_that_changed()
    {
        TemplateLineView[] template = [Line("1.1", "Hội nghị"), Line("1.2", "Tờ rơi"), Line("1.3", "Tin nhắn")];
        DistrictPlanLineView[] plan =
        [
            Planned(Line("1.1", "Hội nghị")),
            Planned(Line("1.2", "Tờ rơi cho hộ gia đình") with { Tasks = ["Phát tờ rơi", "Thu thập phản hồi"] }),
            Planned(Line("9.1", "Loa phát thanh xã")),
        ];

        var differences = PlanDifferences.Compare(template, plan);
        var rendered = context.Render<PlanDiff>(p => p.Add(c => c.Differences, differences));

        rendered.FindAll("tr[data-line]").Select(r => (r.GetAttribute("data-line"), r.GetAttribute("data-difference")))
            .ShouldBe([("1.2", "changed"), ("9.1", "added"), ("1.3", "removed")]);
        rendered.Find("tr[data-line='1.2']").TextContent.ShouldContain("chủ thể, công việc");
        rendered.Find("tr[data-line='9.1']").TextContent.ShouldContain("Dòng thêm mới");
        rendered.Find("tr[data-line='1.3']").TextContent.ShouldContain("Dòng bị bỏ");
        rendered.FindAll("[data-testid=no-differences]").ShouldBeEmpty();
    }

    [Fact]
    public void A_plan_that_keeps_the_template_says_so()
    {
        TemplateLineView[] template = [Line("1.1", "Hội nghị")];

        var rendered = context.Render<PlanDiff>(p => p.Add(c => c.Differences, PlanDifferences.Compare(template, [Planned(template[0])])));

        rendered.Find("[data-testid=no-differences]").TextContent.ShouldBe("Kế hoạch giữ nguyên các dòng của kế hoạch mẫu.");
    }

    [Fact]
    public void The_bars_are_the_given_figures_on_one_scale()
    {
        ChartBar[] bars = [new("bien-hoa", "Biên Hòa", 10, 5), new("long-thanh", "Long Thành", 4, 12)];

        var rendered = context.Render<BarChart>(p => p
            .Add(c => c.Id, "chart-units").Add(c => c.Title, "Theo đơn vị")
            .Add(c => c.ExpectedLabel, "Kế hoạch đến nay").Add(c => c.LoggedLabel, "Đã thực hiện")
            .Add(c => c.Bars, bars));

        string Attribute(string bar, string series, string name) =>
            rendered.Find($"g[data-bar={bar}] rect[data-series={series}]").GetAttribute(name) ?? string.Empty;
        Attribute("bien-hoa", "expected", "data-value").ShouldBe("10");
        Attribute("bien-hoa", "logged", "data-value").ShouldBe("5");
        Attribute("long-thanh", "logged", "width").ShouldBe("420");
        Attribute("bien-hoa", "expected", "width").ShouldBe("350");
        Attribute("bien-hoa", "logged", "width").ShouldBe("175");
        Attribute("long-thanh", "expected", "width").ShouldBe("140");
        rendered.Find("svg[data-testid=chart-units] title").TextContent.ShouldBe("Theo đơn vị");
    }

    [Theory]
    [InlineData("Huyện Xuân Lộc", "Huyện Xuân Lộc")]
    [InlineData("Cấp ủy, chính quyền các cấp; các cơ quan, ban, ngành", "Cấp ủy, chính quyền các…")]
    [InlineData("Ngườisửdụnglaođộngngườilaođộngthuộcdiện", "Ngườisửdụnglaođộngngườilaođ…")]
    public void A_long_bar_label_is_cut_at_a_word_to_fit_the_label_column(string label, string shown) =>
        BarChart.Short(label).ShouldBe(shown);

    private static TemplateLineView Line(string code, string subject) => new(
        code, "NLD", subject, "Hội nghị", CommunicationForm.Conference, "Hằng quý", new FrequencySpecView("Monthly"),
        "Phòng Truyền thông", ["Liên đoàn Lao động"], null, "None", ["Tổ chức hội nghị"]);

    private static DistrictPlanLineView Planned(TemplateLineView line) => new(
        new PlanLineView(line.Code, line.AudienceCode, line.Subject, line.Form, line.FormKind, line.FrequencyText,
            new FrequencyView(line.Frequency.Kind, line.Frequency.Months, line.Frequency.Min, line.Frequency.Max, line.Frequency.Host),
            line.LeadUnit, line.PartnerUnits, line.CoordinationFormText, line.Tasks),
        null);
}
