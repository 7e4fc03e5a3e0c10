using CodeLedger.Core.Codes;
using CodeLedger.Core.Reports;
using CodeLedger.Core.Turnaround;
using static CodeLedger.Core.Tests.Reports.ReportFixtures;

namespace CodeLedger.Core.Tests.Reports;

public sealed class TurnaroundSectionTests
{
    private static IEnumerable<ReportEncounter> Finalized(DateOnly day, params double[] hours) =>
        hours.Select(h => Encounter(Physician(1), day, "99213", hours: h));

    [Fact]
    public void The_months_figures_are_the_SLA_calculations_over_the_months_encounters()
    {
        var contract = Contract();
        var march = Finalized(new DateOnly(2026, 3, 5), 1, 2, 3, 4, 5, 6, 7, 8, 9, 50).ToList();
        var rows = march.Concat(Finalized(new DateOnly(2026, 2, 5), 100)).ToList(); // February in breach, January empty

        var figures = TurnaroundSection.Build(contract, March, rows);
        var direct = SlaCalculator.Build(contract, "2026-03", [.. march.Select(e => e.Turnaround!)], [true, false]);

        // Mean 9.5, median 5.5, nearest-rank p90 9, 1–50: 9 of 10 within 24 h, 90% < 95%: 5 points × 2% of 10,000.00.
        var r = figures.Report!;
        Assert.Equal((10, 9.5m, 5.5m, 9m, 1m, 50m), (r.Count, r.MeanHours, r.MedianHours, r.P90Hours, r.MinHours, r.MaxHours));
        Assert.Equal((9, 90m, true, Money.Parse("1000.00")), (r.WithinTarget, r.CompliancePercent, r.InBreach, r.ServiceCredit));
        Assert.Equal(2, r.ConsecutiveBreachMonths);
        Assert.Equal(direct.Breaches, r.Breaches);
        Assert.Equal(direct with { Breaches = r.Breaches }, r);
    }

    [Fact]
    public void The_histogram_puts_each_time_in_the_bin_whose_upper_edge_it_reaches()
    {
        var rows = Finalized(new DateOnly(2026, 3, 5), 0, 4, 4.01, 24, 24.5, 200).ToList();

        var bins = TurnaroundSection.Build(Contract(), March, rows).Histogram;

        Assert.Equal(["0–4 h", "4–8 h", "8–12 h", "12–24 h", "24–48 h", "48–72 h", "72–120 h", "120–168 h", "over 168 h"], bins.Select(b => b.Label));
        Assert.Equal([2, 1, 0, 1, 1, 0, 0, 0, 1], bins.Select(b => b.Count));
        Assert.Equal(rows.Count, bins.Sum(b => b.Count));
    }

    [Fact]
    public void The_three_previous_months_stand_beside_it_and_a_month_before_the_contract_is_empty()
    {
        var contract = Contract(effective: new DateOnly(2026, 1, 15));
        var rows = Finalized(new DateOnly(2026, 3, 5), 1).Concat(Finalized(new DateOnly(2026, 2, 5), 30, 1)).Concat(Finalized(new DateOnly(2026, 1, 20), 2)).ToList();

        var previous = TurnaroundSection.Build(contract, March, rows).Previous;

        Assert.Equal(["2026-02", "2026-01", "2025-12"], previous.Select(p => p.Month));
        Assert.Equal((2, 50m, true), (previous[0].Report!.Count, previous[0].Report!.CompliancePercent, previous[0].Report!.InBreach));
        Assert.Equal(1, previous[1].Report!.Count);
        Assert.Null(previous[2].Report);
    }

    [Fact]
    public void Consecutive_breaches_come_from_the_months_before()
    {
        var contract = Contract();
        var rows = Finalized(new DateOnly(2026, 3, 5), 30).Concat(Finalized(new DateOnly(2026, 2, 5), 30)).Concat(Finalized(new DateOnly(2026, 1, 5), 30)).ToList();

        var r = TurnaroundSection.Build(contract, March, rows).Report!;

        Assert.Equal((3, true), (r.ConsecutiveBreachMonths, r.RemediationPlanRequired));
    }

    [Fact]
    public void Without_a_contract_nothing_is_judged()
    {
        var figures = TurnaroundSection.Build(null, March, Finalized(new DateOnly(2026, 3, 5), 30).ToList());

        Assert.Null(figures.Report);
        Assert.Equal(1, figures.Histogram.Sum(b => b.Count));
        Assert.StartsWith("no SLA contract in force", figures.Statement, StringComparison.Ordinal);
    }
}
