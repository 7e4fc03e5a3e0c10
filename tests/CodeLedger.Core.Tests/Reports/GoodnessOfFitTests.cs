using CodeLedger.Core.Reports;

namespace CodeLedger.Core.Tests.Reports;

public sealed class GoodnessOfFitTests
{
    private static readonly string[] NewLevels = ["99202", "99203", "99204", "99205"];

    [Fact]
    public void Ten_twenty_thirty_forty_against_even_shares_is_chi_square_20_on_3_df()
    {
        // Expected 25 each: (15² + 5² + 5² + 15²) / 25 = 500 / 25 = 20; p = P(χ²(3) ≥ 20) = 0.00016974.
        var test = GoodnessOfFit.Test(NewLevels, [10, 20, 30, 40], [0.25, 0.25, 0.25, 0.25]);

        Assert.True(test.Tested);
        Assert.Equal((20.0000m, 3, 0.000170m, true), (test.Statistic, test.DegreesOfFreedom, test.PValue, test.Significant));
        Assert.Equal(NewLevels, test.Groups);
    }

    [Fact]
    public void A_level_expecting_fewer_than_five_merges_with_its_smaller_neighbour()
    {
        // Cardiology new patients, 100 visits: 99202 expects 0.44 and merges into 99203 (10.67): 11.11.
        // χ² = 18.89²/11.11 + 40.79²/70.79 + 21.90²/18.10 = 32.1186 + 23.5036 + 26.4978 = 82.1200 on 2 df.
        var test = GoodnessOfFit.Test(NewLevels, [10, 20, 30, 40], [0.0044, 0.1067, 0.7079, 0.1810]);

        Assert.Equal(["99202+99203", "99204", "99205"], test.Groups);
        Assert.Equal(2, test.DegreesOfFreedom);
        Assert.Equal(82.12m, decimal.Round(test.Statistic!.Value, 2));
        Assert.Equal(0m, test.PValue);
        Assert.True(test.Significant);
        Assert.Contains("merged", test.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_few_visits_are_not_tested_and_say_so()
    {
        // 6 visits over four even levels: 1.5 each; merging leaves one group of 6 at most two of 3: never two groups of 5.
        var test = GoodnessOfFit.Test(NewLevels, [0, 0, 3, 3], [0.25, 0.25, 0.25, 0.25]);

        Assert.False(test.Tested);
        Assert.Null(test.PValue);
        Assert.False(test.Significant);
        Assert.StartsWith("too few visits to test (6)", test.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void Exactly_at_the_expected_shares_is_chi_square_zero_and_p_one()
    {
        var test = GoodnessOfFit.Test(NewLevels, [10, 20, 30, 40], [0.1, 0.2, 0.3, 0.4]);

        Assert.Equal((0m, 1m, false), (test.Statistic, test.PValue, test.Significant));
    }
}
