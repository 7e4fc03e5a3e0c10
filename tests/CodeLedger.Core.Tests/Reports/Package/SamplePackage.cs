using System.Text;
using CodeLedger.Core.Ledger.Checkpoints;
using CodeLedger.Core.Reports.Package;

namespace CodeLedger.Core.Tests.Reports.Package;

/// <summary>
/// A package with every kind of content: the seven sections of issue 19 in order, each chart kind,
/// tables with text that needs escaping, notes, and every kind of cell. The physician's name is
/// given, so a test can make it hostile. Shared by the browser test (linked into CodeLedger.Web.Tests).
/// </summary>
internal static class SamplePackage
{
    public static readonly DateTimeOffset GeneratedAt = new(2026, 4, 2, 9, 30, 0, TimeSpan.Zero);

    public static readonly PackageMonth Month = new(2026, 3);

    public static readonly string[] SectionIds = ["summary", "em-distribution", "turnaround", "queries", "denials", "audit", "code-sets"];

    public static readonly byte[] Figures = Encoding.UTF8.GetBytes("{\n  \"practice\": \"riverside\",\n  \"month\": \"2026-03\",\n  \"turnaround\": { \"medianHours\": 18.5 }\n}\n");

    public static PackageDocument Document(string physician = "Dr. Ana Chen", string practice = "Riverside Family Medicine") =>
        new("Monthly coding performance", practice, "Acme Coding", Month, GeneratedAt,
        [
            new PackageSection("summary", "Executive summary",
                paragraphs: ["Each contract commitment with its measured value."],
                tables: [new PackageTable("summary", "Contract commitments", ["Commitment", "Target", "Measured", "Met"],
                [
                    [Cell.Of("Accuracy floor"), new Cell.PercentageCell(0.95m, 1), new Cell.PercentageCell(0.9612m, 1), Cell.Of("met")],
                    [Cell.Of("Turnaround within 48 business hours"), new Cell.PercentageCell(0.9m, 0), new Cell.PercentageCell(0.874m, 1), Cell.Of("not met")],
                ])]),
            new PackageSection("em-distribution", "E/M distribution per physician",
                paragraphs: ["Established visits (99211-99215) against the family medicine benchmark."],
                notes: ["Dr. Patel: too few visits to test (12 established visits; the test needs 30)."],
                keyFigures: [new KeyFigure("Visits", Cell.Of(1204), "established visits"), new KeyFigure("Revenue difference at benchmark (informational)", new Cell.MoneyCell(-1234.5m))],
                tables: [new PackageTable("levels", "Established visit levels", ["Physician", "Code", "Count", "Share", "Benchmark share", "p-value"],
                [
                    [Cell.Of(physician), Cell.Of("99213"), Cell.Of(412), new Cell.PercentageCell(0.4312m, 1), new Cell.PercentageCell(0.4318m, 2), new Cell.DecimalCell(0.0412m, 4)],
                    [Cell.Of("O'Brien, \"Pat\""), Cell.Of("99214"), Cell.Of(380), new Cell.PercentageCell(0.484m, 1), new Cell.PercentageCell(0.484m, 2), new Cell.DecimalCell(0.5m, 4)],
                ])],
                charts:
                [
                    new GroupedBarChart("levels", "E/M levels against the benchmark", $"Shares of established visits by level for {physician} beside the family medicine benchmark.",
                        "Level", "Share of visits (%)", 1, ["99211", "99212", "99213", "99214", "99215"],
                        [new ChartSeries(physician, [1.2m, 3.1m, 43.1m, 48.4m, 4.2m]), new ChartSeries("Benchmark", [2.64m, 2.84m, 43.18m, 48.40m, 2.94m])]),
                    new SmallMultiples("per-physician", "E/M levels per physician", "One panel per physician on one scale, each against the benchmark.", "Level", "Share of visits (%)", 1,
                    [
                        Panel("p-1", physician, [1m, 3m, 43m, 48m, 5m]),
                        Panel("p-2", "O'Brien, \"Pat\"", [3m, 5m, 50m, 40m, 2m]),
                        Panel("p-3", "Dr. Patel", [0m, 10m, 60m, 30m, 0m]),
                    ]),
                ]),
            new PackageSection("turnaround", "Turnaround",
                keyFigures: [new KeyFigure("Median", new Cell.DecimalCell(18.5m, 1), "business hours"), new KeyFigure("Within target", new Cell.PercentageCell(0.874m, 1))],
                tables: [new PackageTable("months", "This month and the three before", ["Month", "Median hours", "Within target"],
                [
                    [new Cell.DateCell(new DateOnly(2025, 12, 1)), new Cell.DecimalCell(20.25m, 2), new Cell.PercentageCell(0.85m, 1)],
                    [new Cell.DateCell(new DateOnly(2026, 3, 1)), new Cell.DecimalCell(18.5m, 2), new Cell.PercentageCell(0.874m, 1)],
                ])],
                charts: [new Histogram("hours", "Turnaround", "Encounters by business hours from documentation complete to final coding.", "Business hours", "Encounters",
                    [new HistogramBin("0-8", 120), new HistogramBin("8-16", 300), new HistogramBin("16-24", 260), new HistogramBin("24-48", 90), new HistogramBin("48+", 14)])]),
            new PackageSection("queries", "Queries per physician",
                tables: [new PackageTable("feedback", "Feedback: documentation that would have avoided the query", ["Physician", "Category", "Element", "Count"],
                [
                    [Cell.Of(physician), Cell.Of("laterality"), Cell.Of("state left or right,\nand the site"), Cell.Of(4)],
                ])],
                charts: [new GroupedBarChart("volume", "Queries per physician", "Queries asked and answered within the window per physician.", "Physician", "Queries", 0,
                    [physician, "Dr. Patel"], [new ChartSeries("Asked", [9m, 4m]), new ChartSeries("Answered in window", [7m, 4m])])]),
            new PackageSection("denials", "Denials",
                charts: [new ParetoChart("carcs", "Coding-related denials by CARC", "Denied dollars by claim adjustment reason code, largest first, with the cumulative share.", "CARC", "Denied dollars", 2,
                    [new ParetoItem("CO-16", 1200m), new ParetoItem("CO-150", 5400.5m), new ParetoItem("CO-97", 800m), new ParetoItem("CO-11", 2100m)])]),
            new PackageSection("audit", "Audit results", notes: ["No audit this period."]),
            new PackageSection("code-sets", "Code-set compliance",
                tables: [new PackageTable("releases", "Encounters after each release", ["Release", "Effective", "Deleted codes used", "New codes used"],
                [
                    [Cell.Of("ICD-10-CM 2026"), new Cell.DateCell(new DateOnly(2025, 10, 1)), Cell.Of(0), Cell.Of(37)],
                ])]),
        ]);

    private static GroupedBarChart Panel(string id, string physician, decimal[] shares) =>
        new(id, physician, $"{physician} against the benchmark.", "Level", "Share of visits (%)", 1, ["99211", "99212", "99213", "99214", "99215"],
            [new ChartSeries("Physician", shares), new ChartSeries("Benchmark", [2.64m, 2.84m, 43.18m, 48.40m, 2.94m])]);

    public static ManifestFacts Facts(SigningKey key, long first = 1, long last = 6857) =>
        new("riverside", Month, new LedgerRange(first, last), [new CodeSetRelease("ICD-10-CM", "2026"), new CodeSetRelease("CPT", "2026")],
            CheckpointReceipt.Sign(new LedgerCheckpoint(last, new string('a', 64), GeneratedAt, new Dictionary<string, long> { ["encounter.received"] = last }), key));
}
