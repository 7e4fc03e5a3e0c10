using System.Globalization;
using System.Net;
using System.Text;

namespace CodeLedger.Core.Reports.Package;

/// <summary>
/// Draws a <see cref="Chart"/> as inline SVG text (docs/PACKAGE.md, "Charts": why our own renderer
/// and not ScottPlot). Output is a pure function of the chart: coordinates are decimals rounded to
/// two places and printed invariantly, no clock, no random ids, so the same data gives the same
/// bytes and the manifest's hashes hold. Series differ by pattern (solid, hatched, dotted, crossed)
/// as well as shade, and every bar carries its value, so a black-and-white print loses nothing.
/// </summary>
public static class SvgChartRenderer
{
    /// <summary>Fill patterns, one per series: a dark solid, diagonal hatching, dots, a cross-hatch, a light solid.</summary>
    internal static readonly string[] Fills = ["solid", "hatch", "dots", "cross", "light"];

    private const decimal Width = 640;
    private const decimal Height = 320;
    private const decimal Left = 64;
    private const decimal Right = 64;
    private const decimal Top = 48;
    private const decimal Bottom = 72;

    /// <summary>The SVG element for <paramref name="chart"/>; <paramref name="idPrefix"/> keeps its element ids unique in a page holding many charts.</summary>
    public static string Render(Chart chart, string idPrefix)
    {
        ArgumentNullException.ThrowIfNull(chart);
        Ids.Require(idPrefix, nameof(idPrefix));
        var height = chart is SmallMultiples sm ? Top + 24 + (sm.Panels.Count + 1) / 2 * 240m : Height;
        var svg = new StringBuilder(4096);
        svg.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {N(Width)} {N(height)}\" role=\"img\" aria-labelledby=\"{idPrefix}-title {idPrefix}-desc\" id=\"{idPrefix}\">\n"));
        svg.Append(Inv($"<title id=\"{idPrefix}-title\">{E(chart.Title)}</title>\n<desc id=\"{idPrefix}-desc\">{E(chart.Description)}</desc>\n"));
        Patterns(svg, idPrefix);
        svg.Append(Inv($"<text x=\"{N(Width / 2)}\" y=\"20\" text-anchor=\"middle\" class=\"chart-title\">{E(chart.Title)}</text>\n"));
        switch (chart)
        {
            case GroupedBarChart bars:
                Legend(svg, idPrefix, bars.Series.Select(s => s.Name).ToList());
                BarPlot(svg, idPrefix, bars, Left, Top, Width - Left - Right, Height - Top - Bottom, NiceTop(bars.Series.SelectMany(s => s.Values)), bars.Places, true);
                break;
            case Histogram histogram:
                BarPlot(svg, idPrefix, new GroupedBarChart(histogram.Id, histogram.Title, histogram.Description, histogram.XAxisLabel, histogram.YAxisLabel, 0,
                    [.. histogram.Bins.Select(b => b.Label)], [new ChartSeries(histogram.YAxisLabel, [.. histogram.Bins.Select(b => (decimal)b.Count)])]),
                    Left, Top, Width - Left - Right, Height - Top - Bottom, NiceTop(histogram.Bins.Select(b => (decimal)b.Count)), 0, true, touching: true);
                break;
            case ParetoChart pareto:
                Pareto(svg, idPrefix, pareto);
                break;
            case SmallMultiples multiples:
                Legend(svg, idPrefix, multiples.Panels[0].Series.Select(s => s.Name).ToList());
                var top = NiceTop(multiples.Panels.SelectMany(p => p.Series.SelectMany(s => s.Values)));
                for (var i = 0; i < multiples.Panels.Count; i++)
                {
                    var panel = multiples.Panels[i];
                    var x = i % 2 == 0 ? 0m : Width / 2;
                    var y = Top + 24 + i / 2 * 240m;
                    svg.Append(Inv($"<g class=\"panel\" transform=\"translate({N(x)} {N(y)})\">\n<text x=\"{N(Width / 4)}\" y=\"0\" text-anchor=\"middle\" class=\"panel-title\">{E(panel.Title)}</text>\n"));
                    BarPlot(svg, idPrefix, panel, 48, 12, Width / 2 - 64, 160, top, multiples.Places, i % 2 == 0, labelAxes: false);
                    svg.Append("</g>\n");
                }

                svg.Append(Inv($"<text x=\"{N(Width / 2)}\" y=\"{N(height - 8)}\" text-anchor=\"middle\" class=\"axis-label\">{E(multiples.XAxisLabel)}; {E(multiples.YAxisLabel)} (one scale for every panel)</text>\n"));
                break;
            default:
                throw new ArgumentException($"no renderer for {chart.GetType().Name}", nameof(chart));
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Patterns(StringBuilder svg, string prefix)
    {
        svg.Append("<defs>\n");
        svg.Append(Inv($"<pattern id=\"{prefix}-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><rect width=\"2.5\" height=\"6\" fill=\"#4a4a4a\"/></pattern>\n"));
        svg.Append(Inv($"<pattern id=\"{prefix}-dots\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\"><rect width=\"5\" height=\"5\" fill=\"#dfe8f1\"/><circle cx=\"2.5\" cy=\"2.5\" r=\"1.3\" fill=\"#1f3b57\"/></pattern>\n"));
        svg.Append(Inv($"<pattern id=\"{prefix}-cross\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><path d=\"M0 0L6 6M6 0L0 6\" stroke=\"#6b4e16\" stroke-width=\"1\"/></pattern>\n"));
        svg.Append("</defs>\n");
    }

    private static string Fill(string prefix, int series) => Fills[series] switch
    {
        "solid" => "#1f4e79",
        "light" => "#b9c9d9",
        var pattern => $"url(#{prefix}-{pattern})",
    };

    private static void Legend(StringBuilder svg, string prefix, IReadOnlyList<string> names)
    {
        var x = Left;
        for (var i = 0; i < names.Count; i++)
        {
            svg.Append(Inv($"<rect x=\"{N(x)}\" y=\"28\" width=\"12\" height=\"12\" fill=\"{Fill(prefix, i)}\" stroke=\"#000000\" stroke-width=\"0.5\"/><text x=\"{N(x + 16)}\" y=\"38\" class=\"legend\">{E(names[i])}</text>\n"));
            x += 28 + names[i].Length * 6.5m;
        }
    }

    /// <summary>Bars with a zero-based left axis in the rectangle (x, y, w, h) of the current group; <paramref name="top"/> is the axis maximum.</summary>
    private static void BarPlot(StringBuilder svg, string prefix, GroupedBarChart chart, decimal x, decimal y, decimal w, decimal h, (decimal Top, decimal Step) top,
        int places, bool yTicks, bool touching = false, bool labelAxes = true)
    {
        Axes(svg, x, y, w, h, top, yTicks);
        var groups = chart.Categories.Count;
        var groupWidth = w / groups;
        var gap = touching ? 0 : groupWidth * 0.2m;
        var barWidth = (groupWidth - gap) / chart.Series.Count;
        var rotate = groups > 6;
        for (var c = 0; c < groups; c++)
        {
            var gx = x + c * groupWidth + gap / 2;
            for (var s = 0; s < chart.Series.Count; s++)
            {
                var value = chart.Series[s].Values[c];
                var bh = top.Top == 0 ? 0 : value / top.Top * h;
                var bx = gx + s * barWidth;
                svg.Append(Inv($"<rect x=\"{N(bx)}\" y=\"{N(y + h - bh)}\" width=\"{N(barWidth)}\" height=\"{N(bh)}\" fill=\"{Fill(prefix, s)}\" stroke=\"#000000\" stroke-width=\"0.5\"><title>{E(chart.Series[s].Name)}, {E(chart.Categories[c])}: {Value(value, places)}</title></rect>\n"));
                if (barWidth >= 14)
                {
                    svg.Append(Inv($"<text x=\"{N(bx + barWidth / 2)}\" y=\"{N(y + h - bh - 3)}\" text-anchor=\"middle\" class=\"value\">{Value(value, places)}</text>\n"));
                }
            }

            var lx = x + c * groupWidth + groupWidth / 2;
            svg.Append(rotate
                ? Inv($"<text x=\"{N(lx)}\" y=\"{N(y + h + 14)}\" text-anchor=\"end\" transform=\"rotate(-35 {N(lx)} {N(y + h + 14)})\" class=\"tick\">{E(chart.Categories[c])}</text>\n")
                : Inv($"<text x=\"{N(lx)}\" y=\"{N(y + h + 16)}\" text-anchor=\"middle\" class=\"tick\">{E(chart.Categories[c])}</text>\n"));
        }

        if (labelAxes)
        {
            AxisLabels(svg, chart.XAxisLabel, chart.YAxisLabel, x, y, w, h);
        }
    }

    private static void Axes(StringBuilder svg, decimal x, decimal y, decimal w, decimal h, (decimal Top, decimal Step) top, bool ticks)
    {
        for (var v = 0m; v <= top.Top; v += top.Step)
        {
            var ty = y + h - (top.Top == 0 ? 0 : v / top.Top * h);
            svg.Append(Inv($"<line x1=\"{N(x)}\" y1=\"{N(ty)}\" x2=\"{N(x + w)}\" y2=\"{N(ty)}\" class=\"grid\"/>"));
            if (ticks)
            {
                svg.Append(Inv($"<text x=\"{N(x - 4)}\" y=\"{N(ty + 4)}\" text-anchor=\"end\" class=\"tick\">{N(v)}</text>"));
            }

            svg.Append('\n');
        }

        svg.Append(Inv($"<line x1=\"{N(x)}\" y1=\"{N(y)}\" x2=\"{N(x)}\" y2=\"{N(y + h)}\" class=\"axis\"/><line x1=\"{N(x)}\" y1=\"{N(y + h)}\" x2=\"{N(x + w)}\" y2=\"{N(y + h)}\" class=\"axis\"/>\n"));
    }

    private static void AxisLabels(StringBuilder svg, string xLabel, string yLabel, decimal x, decimal y, decimal w, decimal h)
    {
        svg.Append(Inv($"<text x=\"{N(x + w / 2)}\" y=\"{N(y + h + 60)}\" text-anchor=\"middle\" class=\"axis-label\">{E(xLabel)}</text>\n"));
        svg.Append(Inv($"<text x=\"14\" y=\"{N(y + h / 2)}\" text-anchor=\"middle\" transform=\"rotate(-90 14 {N(y + h / 2)})\" class=\"axis-label\">{E(yLabel)}</text>\n"));
    }

    private static void Pareto(StringBuilder svg, string prefix, ParetoChart pareto)
    {
        var w = Width - Left - Right;
        var h = Height - Top - Bottom;
        var bars = new GroupedBarChart(pareto.Id, pareto.Title, pareto.Description, pareto.XAxisLabel, pareto.YAxisLabel, pareto.Places,
            [.. pareto.Items.Select(i => i.Label)], [new ChartSeries(pareto.YAxisLabel, [.. pareto.Items.Select(i => i.Value)])]);
        svg.Append(Inv($"<rect x=\"{N(Left)}\" y=\"28\" width=\"12\" height=\"12\" fill=\"{Fill(prefix, 0)}\"/><text x=\"{N(Left + 16)}\" y=\"38\" class=\"legend\">{E(pareto.YAxisLabel)} (bars)</text>\n"));
        svg.Append(Inv($"<line x1=\"{N(Left + 260)}\" y1=\"34\" x2=\"{N(Left + 280)}\" y2=\"34\" class=\"cumulative\"/><circle cx=\"{N(Left + 270)}\" cy=\"34\" r=\"3\" class=\"cumulative-point\"/><text x=\"{N(Left + 286)}\" y=\"38\" class=\"legend\">cumulative share (line, right axis)</text>\n"));
        BarPlot(svg, prefix, bars, Left, Top, w, h, NiceTop(pareto.Items.Select(i => i.Value)), pareto.Places, true);

        // The right axis: 0 to 100 % of the total, for the cumulative line.
        for (var p = 0; p <= 100; p += 25)
        {
            var ty = Top + h - p / 100m * h;
            svg.Append(Inv($"<text x=\"{N(Left + w + 4)}\" y=\"{N(ty + 4)}\" class=\"tick\">{p}%</text>\n"));
        }

        svg.Append(Inv($"<line x1=\"{N(Left + w)}\" y1=\"{N(Top)}\" x2=\"{N(Left + w)}\" y2=\"{N(Top + h)}\" class=\"axis\"/>\n"));
        var step = w / pareto.Items.Count;
        var points = pareto.Cumulative.Select((c, i) => (X: Left + step * i + step / 2, Y: Top + h - c * h)).ToList();
        svg.Append("<polyline class=\"cumulative\" fill=\"none\" points=\"").AppendJoin(' ', points.Select(p => Inv($"{N(p.X)},{N(p.Y)}"))).Append("\"/>\n");
        for (var i = 0; i < points.Count; i++)
        {
            svg.Append(Inv($"<circle cx=\"{N(points[i].X)}\" cy=\"{N(points[i].Y)}\" r=\"3\" class=\"cumulative-point\"><title>cumulative share after {E(pareto.Items[i].Label)}: {new Cell.PercentageCell(pareto.Cumulative[i], 1).Display}</title></circle>\n"));
        }
    }

    /// <summary>An axis maximum at or above the largest value, on a 1-2-5 step with about five steps.</summary>
    internal static (decimal Top, decimal Step) NiceTop(IEnumerable<decimal> values)
    {
        var max = values.DefaultIfEmpty(0m).Max();
        if (max <= 0)
        {
            return (1m, 0.25m);
        }

        var raw = max / 5m;
        var magnitude = 1m;
        while (magnitude * 10 <= raw)
        {
            magnitude *= 10;
        }

        while (magnitude > raw)
        {
            magnitude /= 10;
        }

        var step = raw <= magnitude ? magnitude : raw <= 2 * magnitude ? 2 * magnitude : raw <= 5 * magnitude ? 5 * magnitude : 10 * magnitude;
        return (Math.Ceiling(max / step) * step, step);
    }

    private static string Value(decimal value, int places) => new Cell.DecimalCell(value, places).Display;

    private static string N(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
