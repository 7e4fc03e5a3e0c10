using System.Xml.Linq;
using CodeLedger.Core.Reports.Package;

namespace CodeLedger.Core.Tests.Reports.Package;

public sealed class SvgChartRendererTests
{
    private static IEnumerable<Chart> Charts() => SamplePackage.Document().Sections.SelectMany(s => s.Charts);

    [Fact]
    public void Every_chart_is_well_formed_svg_with_a_title_a_description_and_both_axis_labels()
    {
        foreach (var chart in Charts())
        {
            var svg = XElement.Parse(SvgChartRenderer.Render(chart, "c"));
            XNamespace ns = "http://www.w3.org/2000/svg";

            Assert.Equal("img", (string?)svg.Attribute("role"));
            Assert.Equal(chart.Title, svg.Element(ns + "title")!.Value);
            Assert.Equal(chart.Description, svg.Element(ns + "desc")!.Value);
            var texts = svg.Descendants(ns + "text").Select(t => t.Value).ToList();
            Assert.Contains(texts, t => t.Contains(chart.XAxisLabel, StringComparison.Ordinal));
            Assert.Contains(texts, t => t.Contains(chart.YAxisLabel, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_same_chart_renders_to_the_same_bytes()
    {
        Assert.All(Charts().Zip(Charts()), pair => Assert.Equal(SvgChartRenderer.Render(pair.First, "c"), SvgChartRenderer.Render(pair.Second, "c")));
    }

    [Fact]
    public void Series_differ_by_pattern_not_only_by_colour_and_every_bar_states_its_value()
    {
        var chart = new GroupedBarChart("g", "T", "D", "X", "Y", 1, ["a", "b"], [new ChartSeries("one", [1m, 2m]), new ChartSeries("two", [3m, 4.25m])]);

        var svg = SvgChartRenderer.Render(chart, "c");

        Assert.Contains("fill=\"url(#c-hatch)\"", svg, StringComparison.Ordinal);
        Assert.Contains("<title>two, b: 4.3</title>", svg, StringComparison.Ordinal);
        Assert.Contains(">4.3</text>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pareto_chart_puts_the_largest_cause_first_and_its_cumulative_share_ends_at_the_whole()
    {
        var chart = new ParetoChart("p", "T", "D", "CARC", "Dollars", 0, [new ParetoItem("small", 10m), new ParetoItem("big", 30m), new ParetoItem("mid", 20m)]);

        Assert.Equal(["big", "mid", "small"], chart.Items.Select(i => i.Label));
        Assert.Equal([0.5m, 50m / 60m, 1m], chart.Cumulative);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(7, 8)]
    [InlineData(48.4, 50)]
    [InlineData(5400.5, 6000)]
    [InlineData(300, 300)]
    public void The_axis_ends_on_a_round_number_at_or_above_the_largest_value(double max, double top)
    {
        Assert.Equal((decimal)top, SvgChartRenderer.NiceTop([(decimal)max]).Top);
    }

    [Fact]
    public void A_series_with_a_value_for_each_category_is_required()
    {
        Assert.Throws<ArgumentException>(() => new GroupedBarChart("g", "T", "D", "X", "Y", 0, ["a", "b"], [new ChartSeries("one", [1m])]));
    }
}
