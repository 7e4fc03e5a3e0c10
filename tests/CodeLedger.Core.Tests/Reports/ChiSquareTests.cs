using CodeLedger.Core.Reports;
using CodeLedger.Testing;
using FsCheck.Fluent;

namespace CodeLedger.Core.Tests.Reports;

/// <summary>
/// The survival function against the critical values every chi-square table prints and against the
/// closed forms for small df (df 1: erfc(√(x/2)); df 2: e^(−x/2); df 3: erfc(√(x/2)) + √(2x/π) e^(−x/2);
/// df 4: e^(−x/2)(1 + x/2)), which the incomplete-gamma code does not use.
/// </summary>
public sealed class ChiSquareTests
{
    [Theory]
    [InlineData(3.84, 1, 0.05004352124870509)]
    [InlineData(11.07, 5, 0.05000961862240547)]
    [InlineData(20.0, 3, 0.00016974243555282643)]
    [InlineData(9.49, 4, 0.049953131223294894)]
    [InlineData(7.81, 3, 0.050106056350005944)]
    [InlineData(50.0, 1, 1.5374597944280351e-12)]
    public void Known_values(double statistic, int df, double p) =>
        Assert.Equal(p, ChiSquare.Survival(statistic, df), p * 1e-9);

    [Fact]
    public void The_5_percent_critical_values_of_a_table_give_p_about_0_05()
    {
        // Critical values at α = 0.05 for df 1..10 (any statistics textbook's table).
        double[] critical = [3.841, 5.991, 7.815, 9.488, 11.070, 12.592, 14.067, 15.507, 16.919, 18.307];
        for (var df = 1; df <= critical.Length; df++)
        {
            Assert.Equal(0.05, ChiSquare.Survival(critical[df - 1], df), 0.0005);
        }
    }

    [Fact]
    public void A_statistic_of_zero_has_p_one() => Assert.Equal(1.0, ChiSquare.Survival(0, 3));

    [Fact]
    public void Two_degrees_of_freedom_is_the_exponential_tail() =>
        Properties.ForAll(Gen.Choose(0, 100_000).Select(i => i / 1000.0), x =>
            Assert.Equal(Math.Exp(-x / 2), ChiSquare.Survival(x, 2), 1e-12));

    [Fact]
    public void Four_degrees_of_freedom_match_the_closed_form_on_both_sides_of_the_series_switch() =>
        Properties.ForAll(Gen.Choose(1, 60_000).Select(i => i / 1000.0), x =>
        {
            var expected = Math.Exp(-x / 2) * (1 + (x / 2));
            Assert.True(Math.Abs(expected - ChiSquare.Survival(x, 4)) <= 1e-12 + (1e-10 * expected), $"x = {x}");
        });

    [Fact]
    public void The_tail_falls_as_the_statistic_grows() =>
        Properties.ForAll(Gen.Choose(1, 12).SelectMany(df => Gen.Choose(0, 5000).Select(i => (df, x: i / 100.0))), c =>
            Assert.True(ChiSquare.Survival(c.x, c.df) >= ChiSquare.Survival(c.x + 0.5, c.df)));
}
