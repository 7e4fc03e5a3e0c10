using CodeLedger.Core.Queries;
using CodeLedger.Core.Reports;
using static CodeLedger.Core.Tests.Reports.ReportFixtures;

namespace CodeLedger.Core.Tests.Reports;

public sealed class MonthlyFiguresTests
{
    private static (List<ReportEncounter> Encounters, List<ReportQuery> Queries) Month()
    {
        var rows = new List<ReportEncounter>();
        var queries = new List<ReportQuery>();
        for (var p = 1; p <= 4; p++)
        {
            var doctor = Physician(p, p % 2 == 0 ? "family-medicine" : "cardiology");
            rows.AddRange(Visits(doctor, new DateOnly(2026, 3, p), EmLevels.Established, 1, 3 * p, 20, 10 + p, 2));
            rows.AddRange(Visits(doctor, new DateOnly(2026, 3, p + 10), EmLevels.New, p, 4, 10, 3));
            rows.AddRange(Visits(doctor, new DateOnly(2025, 11, p), EmLevels.Established, 0, 5, 25, 10, 1));
            rows.AddRange(Enumerable.Range(0, 5).Select(i => Encounter(doctor, new DateOnly(2026, 3, 20), "99213", hours: (i * 11) + p)));
            queries.Add(Query(doctor, (QueryCategory)p, Utc(3, p + 1), QueryStatus.Answered, p * 3));
            queries.Add(Query(doctor, QueryCategory.EmSupport, Utc(3, p + 2), QueryStatus.Unresolved));
        }

        return (rows, queries);
    }

    [Fact]
    public void The_same_input_in_any_order_gives_byte_identical_json()
    {
        var (rows, queries) = Month();
        var contract = Contract();

        var first = MonthlyFiguresJson.Write(MonthlyReport.Build(Input(rows, queries, contract)));
        rows.Reverse();
        queries.Reverse();
        var second = MonthlyFiguresJson.Write(MonthlyReport.Build(Input(rows, queries, contract)));

        Assert.Equal(first, second);
        Assert.DoesNotContain("NaN", first, StringComparison.Ordinal);
        Assert.Contains("\"month\": \"2026-03\"", first, StringComparison.Ordinal);
        Assert.Contains("\"monthlyFee\": 10000.00", first, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sections_computed_at_once_give_the_same_bytes_every_time()
    {
        // E/M and code-set compliance run on other threads beside the rest (MonthlyReport.Build): the
        // figures must not depend on which finishes first, on builds running side by side either.
        var (rows, queries) = Month();
        var contract = Contract();
        var first = MonthlyFiguresJson.Write(MonthlyReport.Build(Input(rows, queries, contract)));

        var again = Enumerable.Range(0, 8).AsParallel().Select(_ => MonthlyFiguresJson.Write(MonthlyReport.Build(Input(rows, queries, contract)))).ToList();

        Assert.All(again, json => Assert.Equal(first, json));
    }

    [Fact]
    public void The_json_is_invariant_whatever_the_threads_culture()
    {
        var (rows, queries) = Month();
        var invariant = MonthlyFiguresJson.Write(MonthlyReport.Build(Input(rows, queries, Contract())));
        var saved = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            var german = MonthlyFiguresJson.Write(MonthlyReport.Build(Input(rows, queries, Contract())));
            var tables = ReportTables.From(MonthlyReport.Build(Input(rows, queries, Contract())));

            Assert.Equal(Strip(invariant), Strip(german));
            Assert.DoesNotContain(tables.SelectMany(t => t.Rows).SelectMany(r => r), c => System.Text.RegularExpressions.Regex.IsMatch(c, @"^-?\d+,\d+$"));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = saved;
        }

        // Contracts carry fresh ids per build; everything else must match.
        static string Strip(string json) => System.Text.RegularExpressions.Regex.Replace(json, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "ID");
    }

    [Fact]
    public void No_phi_reaches_the_figures_or_the_tables()
    {
        // A stored query carries the question and the answer (PHI-bearing): the report reads neither.
        var doctor = Physician(1);
        var stored = new DocumentationQuery(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), QueryCategory.Laterality,
            "Jane Roe, born 1961-04-12, member W123456789: which knee was injected?", ["left", "right", DocumentationQuery.Other, DocumentationQuery.ClinicallyUndetermined], Utc(3, 2), 72);
        stored.Respond("left", Utc(3, 3));
        var (rows, _) = Month();

        var figures = MonthlyReport.Build(Input(rows, [ReportQuery.From(stored, doctor)], Contract()));
        var json = MonthlyFiguresJson.Write(figures);
        var cells = string.Join("\n", ReportTables.From(figures).SelectMany(t => t.Rows).SelectMany(r => r));

        foreach (var phi in new[] { "Jane", "Roe", "1961", "W123456789", "knee", "\"left\"" })
        {
            Assert.DoesNotContain(phi, json, StringComparison.Ordinal);
            Assert.DoesNotContain(phi, cells, StringComparison.Ordinal);
        }

        Assert.Equal(1, figures.Queries.Total.AnsweredWithinWindow);
    }

    [Fact]
    public void Every_table_row_has_its_tables_columns()
    {
        var (rows, queries) = Month();

        var tables = ReportTables.From(MonthlyReport.Build(Input(rows, queries, Contract(), audit: null)));

        Assert.Equal(["executive-summary", "em-distribution", "em-tests", "turnaround", "turnaround-histogram", "queries", "query-feedback", "audit", "audit-components", "audit-error-categories", "denials", "denials-by-cause", "code-set-compliance"],
            tables.Select(t => t.Name));
        Assert.All(tables, t => Assert.All(t.Rows, r => Assert.Equal(t.Columns.Count, r.Count)));
        Assert.Equal(4 * 9, tables.Single(t => t.Name == "em-distribution").Rows.Count);
        Assert.Equal("no audit this period", tables.Single(t => t.Name == "audit").Rows[0][1]);
        Assert.Empty(tables.Single(t => t.Name == "denials").Rows); // the practice bills nothing through CodeLedger: no denial row, not a row of zeros
    }

    [Fact]
    public void The_figures_count_the_months_encounters_only()
    {
        var (rows, queries) = Month();

        var figures = MonthlyReport.Build(Input(rows, queries, Contract()));

        Assert.Equal(rows.Count(r => r.FinalizedOn.Month == 3 && r.FinalizedOn.Year == 2026), figures.Encounters);
        Assert.Equal(4, figures.EmDistribution.Count);
        Assert.Equal(20, figures.Turnaround.Report!.Count);
    }

    [Fact]
    public void A_contract_read_in_another_time_zone_is_refused()
    {
        var input = Input([], contract: Contract()) with { TimeZoneId = "America/Chicago" };

        Assert.Equal("REPORT-INPUT", Assert.Throws<CodeLedger.Core.Common.DomainException>(() => MonthlyReport.Build(input)).Code);
    }
}
