using System.Globalization;
using System.Net;
using System.Text;

namespace CodeLedger.Core.Reports.Package;

/// <summary>
/// The package's <c>index.html</c>: one self-contained page (styles and SVG charts inline, no
/// script, no font or image fetched), readable on screen and printed (a print stylesheet puts each
/// section on a new page). Every text from the document is HTML-encoded, so a name holding
/// <c>&lt;script&gt;</c> stays text. A pure function of the document: same document, same bytes.
/// </summary>
public static class HtmlRenderer
{
    private const string Style = """
        :root { color-scheme: light; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1.5rem; color: #111; background: #fff; line-height: 1.45; }
        header { border-bottom: 2px solid #1f4e79; margin-bottom: 1rem; }
        h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.3rem; border-bottom: 1px solid #bbb; padding-bottom: .2rem; margin-top: 2rem; }
        h3 { font-size: 1.05rem; }
        .meta { color: #333; margin: .25rem 0 1rem; }
        nav ol { columns: 2; }
        .notes { border-left: 4px solid #6b4e16; background: #faf6ee; padding: .5rem 1rem; }
        dl.figures { display: grid; grid-template-columns: max-content auto; gap: .25rem 1.5rem; }
        dl.figures dt { font-weight: 600; }
        dl.figures dd { margin: 0; font-variant-numeric: tabular-nums; }
        table { border-collapse: collapse; margin: .5rem 0 1rem; font-variant-numeric: tabular-nums; }
        caption { text-align: left; font-weight: 600; padding-bottom: .25rem; }
        th, td { border: 1px solid #999; padding: .2rem .5rem; text-align: left; vertical-align: top; }
        td.num { text-align: right; }
        thead th { background: #e8eef4; }
        figure { margin: 1rem 0 2rem; }
        svg.chart { width: 100%; max-width: 40rem; height: auto; font-size: 11px; }
        svg .chart-title { font-size: 14px; font-weight: 600; }
        svg .axis { stroke: #000; stroke-width: 1; }
        svg .grid { stroke: #ccc; stroke-width: .5; }
        svg .cumulative { stroke: #000; stroke-width: 1.5; stroke-dasharray: 5 3; fill: none; }
        svg .cumulative-point { fill: #fff; stroke: #000; stroke-width: 1.5; }
        svg .value { font-size: 10px; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          nav { display: none; }
          section { break-before: page; }
          figure, table, dl.figures { break-inside: avoid; }
          a { color: inherit; text-decoration: none; }
        }
        """;

    public static string Render(PackageDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
        html.Append("<title>").Append(E(document.Title)).Append(" — ").Append(E(document.PracticeName)).Append(", ").Append(document.Month.ToString()).Append("</title>\n");
        html.Append("<style>\n").Append(Style.Replace("\r\n", "\n", StringComparison.Ordinal)).Append("\n</style>\n</head>\n<body>\n");
        html.Append("<header>\n<h1>").Append(E(document.Title)).Append("</h1>\n");
        html.Append("<p class=\"meta\">Practice: <strong id=\"practice\">").Append(E(document.PracticeName)).Append("</strong> · Coding vendor: <strong id=\"vendor\">")
            .Append(E(document.VendorName)).Append("</strong> · Month: <strong id=\"month\">").Append(document.Month.ToString())
            .Append("</strong> · Generated ").Append(document.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)).Append("</p>\n");
        html.Append("<p class=\"meta\">Every figure here can be recomputed from the ledger: <code>codeledger report verify</code> on this folder checks each file against <code>manifest.json</code>.</p>\n");
        html.Append("</header>\n<nav aria-label=\"Sections\">\n<ol>\n");
        foreach (var section in document.Sections)
        {
            html.Append("<li><a href=\"#").Append(section.Id).Append("\">").Append(E(section.Title)).Append("</a></li>\n");
        }

        html.Append("</ol>\n</nav>\n<main>\n");
        foreach (var section in document.Sections)
        {
            Section(html, section);
        }

        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Section(StringBuilder html, PackageSection section)
    {
        html.Append("<section id=\"").Append(section.Id).Append("\" aria-labelledby=\"").Append(section.Id).Append("-heading\">\n");
        html.Append("<h2 id=\"").Append(section.Id).Append("-heading\">").Append(E(section.Title)).Append("</h2>\n");
        foreach (var paragraph in section.Paragraphs)
        {
            html.Append("<p>").Append(E(paragraph)).Append("</p>\n");
        }

        if (section.Notes.Count > 0)
        {
            html.Append("<div class=\"notes\" role=\"note\">\n");
            foreach (var note in section.Notes)
            {
                html.Append("<p>").Append(E(note)).Append("</p>\n");
            }

            html.Append("</div>\n");
        }

        if (section.KeyFigures.Count > 0)
        {
            html.Append("<dl class=\"figures\">\n");
            foreach (var figure in section.KeyFigures)
            {
                html.Append("<dt>").Append(E(figure.Name)).Append("</dt><dd>").Append(E(figure.Value.Display));
                if (figure.Unit is { Length: > 0 } unit)
                {
                    html.Append(' ').Append(E(unit));
                }

                html.Append("</dd>\n");
            }

            html.Append("</dl>\n");
        }

        foreach (var table in section.Tables)
        {
            Table(html, table, section.Id + "-" + table.Id, PackageFiles.CsvName(section, table));
        }

        foreach (var chart in section.Charts)
        {
            var id = section.Id + "-" + chart.Id;
            html.Append("<figure id=\"").Append(id).Append("-figure\">\n").Append(SvgChartRenderer.Render(chart, id + "-chart")).Append('\n');
            html.Append("<figcaption>").Append(E(chart.Description)).Append("</figcaption>\n");
            Table(html, chart.DataTable, id + "-values", null);
            html.Append("</figure>\n");
        }

        html.Append("</section>\n");
    }

    private static void Table(StringBuilder html, PackageTable table, string id, string? csv)
    {
        html.Append("<table id=\"").Append(id).Append("\">\n<caption>").Append(E(table.Title));
        if (csv is not null)
        {
            html.Append(" <small>(").Append(E(csv)).Append(")</small>");
        }

        html.Append("</caption>\n<thead><tr>");
        foreach (var column in table.Columns)
        {
            html.Append("<th scope=\"col\">").Append(E(column)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append(cell is Cell.TextCell or Cell.DateCell ? "<td>" : "<td class=\"num\">").Append(E(cell.Display)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
