using System.Globalization;
using System.Net;
using System.Text;
using CodeLedger.Core.Scorecard;

namespace CodeLedger.Cli.Scorecard;

/// <summary>scorecard.html: one self-contained page (inline CSS, no script, no network); every text is HTML-escaped.</summary>
internal static class ScorecardHtml
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:2em;max-width:70em;color:#222}
        table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}
        th,td{border:1px solid #ccc;padding:.35em .5em;text-align:left;vertical-align:top}
        th{background:#f3f3f3}
        .met{color:#0a6b2b;font-weight:bold}.not-met,.raised{color:#a4161a;font-weight:bold}.unknown{color:#8a6d00;font-weight:bold}.not-raised{color:#0a6b2b}
        ul{margin:.2em 0;padding-left:1.2em}.summary{font-weight:bold}
        @media print{section{page-break-after:always}}
        """;

    public static string Write(IReadOnlyList<VendorScorecard> cards)
    {
        var b = new StringBuilder();
        b.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Vendor scorecard</title><style>").Append(Style).Append("</style></head><body>\n");
        b.Append("<h1>Vendor scorecard</h1>\n");
        if (cards.Count == 0)
        {
            b.Append("<p>The practice has no coding vendor: no scorecard.</p>\n");
        }

        foreach (var card in cards)
        {
            b.Append(CultureInfo.InvariantCulture, $"<section><h2>{E(card.Vendor)} at {E(card.Practice)}, {card.Today:yyyy-MM-dd}</h2>\n");
            b.Append(CultureInfo.InvariantCulture, $"<p class=\"summary\">{E(card.Summary)}</p>\n");
            b.Append("<table><tr><th>Criterion</th><th>Minimum standard</th><th>Verdict</th><th>Evidence</th></tr>\n");
            foreach (var c in card.Criteria)
            {
                b.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(c.Title)}</td><td>{E(c.Standard)}</td><td class=\"{Css(c.Verdict.Name())}\">{E(c.Verdict.Name())}</td><td>{E(c.Reason)}");
                if (c.Evidence.Count > 0)
                {
                    b.Append("<ul>");
                    foreach (var line in c.Evidence)
                    {
                        b.Append(CultureInfo.InvariantCulture, $"<li>{E(line)}</li>");
                    }

                    b.Append("</ul>");
                }

                b.Append("</td></tr>\n");
            }

            b.Append("</table>\n<h3>Red flags (disqualifying)</h3>\n<table><tr><th>Flag</th><th>State</th><th>Evidence</th></tr>\n");
            foreach (var f in card.RedFlags)
            {
                b.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(f.Text)}</td><td class=\"{Css(f.State.Name())}\">{E(f.State.Name())}</td><td>{E(f.Reason)}</td></tr>\n");
            }

            b.Append("</table></section>\n");
        }

        b.Append("</body></html>\n");
        return b.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Css(string name) => name.Replace(' ', '-');
}
