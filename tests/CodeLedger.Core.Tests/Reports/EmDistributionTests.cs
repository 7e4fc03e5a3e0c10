using CodeLedger.Core.EvaluationAndManagement;
using CodeLedger.Core.Reports;
using CodeLedger.Core.Tests.Audits;
using CodeLedger.Testing;
using FsCheck.Fluent;
using static CodeLedger.Core.Tests.Reports.ReportFixtures;

namespace CodeLedger.Core.Tests.Reports;

public sealed class EmDistributionTests
{
    private static readonly DateOnly Mar10 = new(2026, 3, 10);
    private static readonly DateOnly Sep10 = new(2025, 9, 10);

    [Fact]
    public void A_family_physician_against_the_established_benchmark_with_figures_worked_by_hand()
    {
        // 100 established visits 0/5/30/50/15 against 2.64/2.84/43.18/48.40/2.94%. Expected counts
        // 2.64, 2.84, 43.18, 48.40, 2.94: 99211 merges into 99212 (5.48), 99215 into 99214 (51.34).
        // χ² = 0.48²/5.48 + 13.18²/43.18 + 13.66²/51.34 = 0.0420 + 4.0230 + 3.6345 = 7.6995, df 2,
        // p = e^(−7.6995/2) = 0.021285: flagged.
        var doctor = Physician(1);
        var rows = Visits(doctor, Mar10, EmLevels.Established, 0, 5, 30, 50, 15).ToList();

        var figures = Assert.Single(EmDistribution.Build(March, rows, EmBenchmarkTable.Default, AuditFixtures.Pricing2026)).Established;

        Assert.Equal(100, figures.Visits);
        Assert.Equal([0m, 0.05m, 0.30m, 0.50m, 0.15m], figures.Levels.Select(l => l.Share!.Value));
        Assert.Equal([0.0264m, 0.0284m, 0.4318m, 0.4840m, 0.0294m], figures.Levels.Select(l => l.BenchmarkShare!.Value));
        Assert.Equal(["99211+99212", "99213", "99214+99215"], figures.VsBenchmark!.Groups);
        Assert.Equal(7.6995m, figures.VsBenchmark.Statistic);
        Assert.Equal(0.021285m, figures.VsBenchmark.PValue);
        Assert.True(figures.Flagged);
        Assert.Contains("DecisionHealth", figures.Benchmark, StringComparison.Ordinal);
        Assert.Contains("2015-2016", figures.Benchmark, StringComparison.Ordinal);
    }

    [Fact]
    public void The_revenue_difference_prices_the_gap_at_the_2026_RVUs_times_the_conversion_factor()
    {
        // Unit dollars, total non-facility RVUs × 33.4009 (CY2026 non-QP): 0.73 → 24.38, 1.78 → 59.45,
        // 2.85 → 95.19, 4.06 → 135.61, 5.76 → 192.39. Σ (expected − actual) × dollars =
        // 2.64×24.38 − 2.16×59.45 + 13.18×95.19 − 1.60×135.61 − 12.06×192.39 = −1,346.64.
        var rows = Visits(Physician(1), Mar10, EmLevels.Established, 0, 5, 30, 50, 15).ToList();

        var figures = Assert.Single(EmDistribution.Build(March, rows, EmBenchmarkTable.Default, AuditFixtures.Pricing2026)).Established;

        Assert.Equal([24.38m, 59.45m, 95.19m, 135.61m, 192.39m], figures.Levels.Select(l => l.UnitDollars!.Value));
        Assert.Equal(-1346.64m, figures.RevenueDifference);
        Assert.StartsWith("informational", figures.Revenue, StringComparison.Ordinal);
    }

    [Fact]
    public void A_specialty_without_a_benchmark_is_said_so_and_not_tested()
    {
        // Cardiology has new-patient shares only (FACTS.md §8: established not found).
        var rows = Visits(Physician(2, "cardiology"), Mar10, EmLevels.Established, 1, 2, 30, 40, 5).ToList();

        var figures = Assert.Single(EmDistribution.Build(March, rows, EmBenchmarkTable.Default, AuditFixtures.Pricing2026)).Established;

        Assert.Null(figures.VsBenchmark);
        Assert.False(figures.Flagged);
        Assert.Null(figures.RevenueDifference);
        Assert.Equal("no established-patient benchmark for cardiology in em-benchmarks.csv: not compared", figures.Benchmark);
        Assert.All(figures.Levels, l => Assert.Null(l.BenchmarkShare));
    }

    [Fact]
    public void A_physician_without_a_specialty_has_no_benchmark()
    {
        var rows = Visits(Physician(3, specialty: null), Mar10, EmLevels.New, 1, 1, 1, 1).ToList();

        var figures = Assert.Single(EmDistribution.Build(March, rows, EmBenchmarkTable.Default, null)).New;

        Assert.Contains("no specialty on file", figures.Benchmark, StringComparison.Ordinal);
    }

    [Fact]
    public void The_previous_twelve_months_stand_beside_the_month_and_a_shift_names_both_causes()
    {
        var doctor = Physician(4);
        var rows = Visits(doctor, Mar10, EmLevels.Established, 0, 0, 10, 10, 30)
            .Concat(Visits(doctor, Sep10, EmLevels.Established, 0, 0, 60, 30, 10))
            .Concat(Visits(doctor, new DateOnly(2025, 2, 28), EmLevels.Established, 0, 0, 0, 0, 500)) // thirteen months back: outside
            .ToList();

        var figures = Assert.Single(EmDistribution.Build(March, rows, EmBenchmarkTable.Default, null)).Established;

        Assert.Equal(100, figures.PriorVisits);
        Assert.Equal([0, 0, 60, 30, 10], figures.Levels.Select(l => l.PriorCount));
        Assert.Equal(0.6m, figures.Levels[2].PriorShare);
        Assert.True(figures.VsPriorTwelveMonths!.Significant);
        Assert.Contains("sicker", figures.Shift, StringComparison.Ordinal);
        Assert.Contains("coded", figures.Shift, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_physicians_with_encounters_in_the_month_are_listed_in_npi_order()
    {
        var rows = Visits(Physician(9), Mar10, EmLevels.New, 1, 0, 0, 0)
            .Concat(Visits(Physician(5), Mar10, EmLevels.New, 1, 0, 0, 0))
            .Concat(Visits(Physician(6), Sep10, EmLevels.New, 1, 0, 0, 0))
            .ToList();

        var physicians = EmDistribution.Build(March, rows, EmBenchmarkTable.Default, null);

        Assert.Equal([AuditFixtures.Npi(5).Value, AuditFixtures.Npi(9).Value], physicians.Select(p => p.Npi));
    }

    [Fact]
    public void A_deleted_99201_is_left_out_of_the_distribution_and_counted()
    {
        var doctor = Physician(7);
        List<ReportEncounter> rows = [Encounter(doctor, Mar10, "99201"), Encounter(doctor, Mar10, "99203"), Encounter(doctor, Mar10, "99221")];

        var figures = Assert.Single(EmDistribution.Build(March, rows, EmBenchmarkTable.Default, null));

        Assert.Equal((1, 1, 0), (figures.Deleted99201, figures.New.Visits, figures.Established.Visits));
    }

    [Fact]
    public void A_physician_exactly_at_the_benchmark_has_chi_square_zero_p_one_and_no_revenue_difference()
    {
        var table = Table("specialty,patient_type,code,share,data_year,source\n"
            + "family-medicine,new,99202,0.1,2024,test\nfamily-medicine,new,99203,0.2,2024,test\nfamily-medicine,new,99204,0.3,2024,test\nfamily-medicine,new,99205,0.4,2024,test\n");
        Properties.ForAll(Gen.Choose(1, 60), k =>
        {
            var rows = Visits(Physician(8), Mar10, EmLevels.New, k, 2 * k, 3 * k, 4 * k).ToList();

            var figures = Assert.Single(EmDistribution.Build(March, rows, table, AuditFixtures.Pricing2026)).New;

            Assert.Equal(0m, figures.RevenueDifference);
            Assert.False(figures.Flagged);
            if (figures.VsBenchmark!.Tested)
            {
                Assert.Equal((0m, 1m), (figures.VsBenchmark.Statistic, figures.VsBenchmark.PValue));
            }
        }, count: 30);
    }

    [Fact]
    public void Shares_of_a_physician_with_visits_sum_to_one_within_rounding() =>
        Properties.ForAll(Gen.ArrayOf(Gen.Choose(0, 40), 5).Where(c => c.Sum() > 0), counts =>
        {
            var rows = Visits(Physician(10), Mar10, EmLevels.Established, counts).ToList();

            var figures = Assert.Single(EmDistribution.Build(March, rows, EmBenchmarkTable.Default, null)).Established;

            Assert.InRange(figures.Levels.Sum(l => l.Share!.Value), 0.9997m, 1.0003m);
            Assert.Equal(counts.Sum(), figures.Visits);
            Assert.Equal(PatientType.Established, figures.PatientType);
        }, count: 50);
}
