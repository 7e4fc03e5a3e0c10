using System.Globalization;
using CodeLedger.Core.Reports.Package;
using ChartBin = CodeLedger.Core.Reports.Package.HistogramBin;

namespace CodeLedger.Core.Reports;

/// <summary>
/// The monthly figures as the package's document: the executive summary first, then sections 1
/// (E/M), 2 (turnaround), 3 (queries), 4 (denials, from the month's 835 postings, or a
/// statement when the practice bills nothing through CodeLedger), 5 (audit) and 6 (code sets). Every table is <see cref="ReportTables.From"/>'s,
/// cell for cell, so the CSVs hold the same text as the figures; the charts draw the same numbers.
/// </summary>
public static class MonthlyPackage
{
    public const string DenialsStatement = "The practice bills nothing through CodeLedger this month: no claim was built, adjudicated or open, so there are no denial figures.";

    public static PackageDocument Document(MonthlyFigures f, string practiceName, string vendorName, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (!PackageMonth.TryParse(f.Month, out var month))
        {
            throw new ArgumentException($"month '{f.Month}' is not YYYY-MM", nameof(f));
        }

        var tables = ReportTables.From(f).ToDictionary(t => t.Name, StringComparer.Ordinal);
        PackageTable T(string name, string title) => new(name, title, tables[name].Columns, [.. tables[name].Rows.Select(r => (IReadOnlyList<Cell>)[.. r.Select(Cell.Of)])]);

        var sections = new List<PackageSection>
        {
            new("executive-summary", "Executive summary",
                [string.Create(CultureInfo.InvariantCulture, $"{f.Encounters} encounters finalized in {f.Month}. Each contract commitment, measured this month.")],
                [new KeyFigure("Encounters finalized", Cell.Of(f.Encounters))],
                [T("executive-summary", "Commitments")]),
            EmSection(f, T),
            new("turnaround", "2. Turnaround", [f.Turnaround.Statement], TurnaroundFigures(f),
                [T("turnaround", "This month and the twelve before"), T("turnaround-histogram", "Hours to finalization")],
                f.Turnaround.Histogram.Count == 0 ? null
                    : [new Histogram("turnaround-hours", "Turnaround hours", "Encounters finalized this month by hours from clock start to finalization.", "hours", "encounters",
                        [.. f.Turnaround.Histogram.Select(b => new ChartBin(b.Label, b.Count))])],
                f.Turnaround.Report is null ? ["no turnaround target: no contract in force this month"] : null),
            QuerySectionOf(f, T),
            DenialSection(f, T),
            new("audit", "5. Audit", [f.Audit.Statement], null,
                f.Audit.Audited ? [T("audit", "Audit"), T("audit-components", "Accuracy by component"), T("audit-error-categories", "Findings by error category")] : [T("audit", "Audit")],
                notes: f.Audit.Audited ? null : ["no audit this period"]),
            new("code-sets", "6. Code-set compliance",
                ["Each code-set release in force this month: encounters coded with codes it no longer holds, and whether the coders who coded were trained on it before it took effect."],
                tables: [T("code-set-compliance", "Releases")],
                notes: f.CodeSetCompliance.Count == 0 ? ["no code-set release imported"] : null),
        };

        var title = $"Monthly quality package: {practiceName}, {f.Month}";
        return new PackageDocument(title, practiceName, vendorName, month, generatedAt, sections);
    }

    /// <summary>
    /// Section 4 from the month's 835 postings (Core/Denials/DenialMonth, docs/REMITTANCE.md "Figures"):
    /// denial rates, coding against billing against other root causes, top CARCs and RARCs with
    /// dollars, first-pass acceptance; a Pareto chart of denied dollars by CARC when any were denied.
    /// </summary>
    private static PackageSection DenialSection(MonthlyFigures f, Func<string, string, PackageTable> table)
    {
        if (f.Denials is not { } d)
        {
            return new("denials", "4. Denials", [DenialsStatement], notes: ["no denial figures this period"]);
        }

        var statement = string.Create(CultureInfo.InvariantCulture,
            $"{d.AdjudicatedClaims} claims adjudicated in {d.Month}, {d.DeniedClaims} denied ({d.DeniedDollars:0.00} dollars); by root cause: {(d.ByRootCause.Count == 0 ? "none" : string.Join(", ", d.ByRootCause.Select(c => $"{c.Key} {c.Claims}")))}. {d.SubmittedClaims} claims submitted, first-pass acceptance {(d.FirstPassRate is { } r ? (r * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "not measurable")}.");
        var carcs = d.ByCarc.Where(c => c.Dollars > 0).Select(c => new ParetoItem(c.Key, c.Dollars)).ToList();
        return new("denials", "4. Denials", [statement], null,
            [table("denials", "Denials and first-pass acceptance"), table("denials-by-cause", "Denied claims and dollars by root cause, CARC and RARC")],
            carcs.Count == 0 ? null : [new ParetoChart("denials-carc-pareto", "Denied dollars by CARC", "Denied dollars by claim adjustment reason code, largest first, with the cumulative share.", "CARC", "Denied dollars", 2, carcs)],
            d.DeniedClaims == 0 ? ["no claim denied this period"] : null);
    }

    private static PackageSection EmSection(MonthlyFigures f, Func<string, string, PackageTable> table)
    {
        var notes = new List<string>();
        foreach (var p in f.EmDistribution)
        {
            foreach (var t in new[] { p.New, p.Established })
            {
                var type = EmLevels.Token(t.PatientType);
                if (string.IsNullOrEmpty(t.Benchmark) || t.Levels.All(l => l.BenchmarkShare is null))
                {
                    notes.Add($"no benchmark for {p.Name} ({p.Specialty ?? "no specialty"}), {type} patients");
                }
                else if (t.Visits > 0 && t.VsBenchmark is { Tested: false } g)
                {
                    notes.Add($"{p.Name}, {type} patients: too few visits to test ({g.Statement})");
                }
            }
        }

        // One panel per physician: established visits (the bulk of office E/M) against the benchmark.
        var panels = f.EmDistribution.Select((p, i) => new GroupedBarChart(
            string.Create(CultureInfo.InvariantCulture, $"em-{i + 1}"), p.Name, $"{p.Name}: share of established-patient visits per level, against the benchmark.", "level", "share", 2,
            EmLevels.Established,
            [new ChartSeries("physician", [.. p.Established.Levels.Select(l => l.Share ?? 0m)]), new ChartSeries("benchmark", [.. p.Established.Levels.Select(l => l.BenchmarkShare ?? 0m)])]))
            .ToList();
        IReadOnlyList<Chart>? charts = panels.Count == 0 ? null
            : [new SmallMultiples("em-physicians", "E/M levels per physician against the benchmark", "Each physician's established-patient E/M shares beside their specialty's benchmark.", "level", "share", 2, panels)];
        return new PackageSection("em", "1. E/M distribution",
            ["Each physician's office E/M levels this month against their specialty's benchmark and their own previous twelve months; a chi-square test flags a mix unlikely under the benchmark."],
            [new KeyFigure("Physicians", Cell.Of(f.EmDistribution.Count))],
            [table("em-distribution", "Levels"), table("em-tests", "Tests")], charts,
            f.EmDistribution.Count == 0 ? ["no E/M visits this month"] : notes);
    }

    private static IReadOnlyList<KeyFigure>? TurnaroundFigures(MonthlyFigures f) => f.Turnaround.Report is { } r
        ? [new KeyFigure("Encounters measured", Cell.Of(r.Count)), new KeyFigure("Within target", Cell.Of(r.WithinTarget))]
        : null;

    private static PackageSection QuerySectionOf(MonthlyFigures f, Func<string, string, PackageTable> table)
    {
        var q = f.Queries;
        IReadOnlyList<Chart>? charts = q.Physicians.Count == 0 ? null
            : [new GroupedBarChart("queries-physicians", "Queries per physician", "Queries raised this month per physician, and those left unresolved at the month's end.", "physician", "queries", 0,
                [.. q.Physicians.Select(p => p.Name)],
                [new ChartSeries("raised", [.. q.Physicians.Select(p => (decimal)p.Raised)]), new ChartSeries("unresolved", [.. q.Physicians.Select(p => (decimal)p.Unresolved)])])];
        return new PackageSection("queries", "3. Documentation queries",
            [string.Create(CultureInfo.InvariantCulture, $"Queries raised this month as they stood at the month's end; the response window is {q.ResponseWindowHours} hours.")],
            [new KeyFigure("Queries raised", Cell.Of(q.Total.Raised))],
            [table("queries", "Queries per physician"), table("query-feedback", "Feedback sheets")], charts,
            q.Total.Raised == 0 ? ["no queries raised this month"] : null);
    }
}
