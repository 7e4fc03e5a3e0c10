using System.Globalization;

namespace CodeLedger.Core.Reports;

/// <summary>
/// A chi-square goodness-of-fit test of observed level counts against expected shares.
/// <para>
/// The rule for small counts (decided here, after Cochran 1954 and the usual textbook practice):
/// the chi-square approximation needs every expected count to be at least 5. When one is smaller,
/// the level with the smallest expected count is merged with its smaller adjacent neighbour (levels
/// are ordered, so only neighbours merge: 99202 with 99203, never 99202 with 99205), and again,
/// until every group expects at least 5. When fewer than two groups remain there is nothing to test:
/// the result says "too few visits to test" instead of a p-value. A level the benchmark gives no
/// share (expected 0) is always merged, so a statistic never divides by zero.
/// </para>
/// </summary>
/// <param name="Tested">False when there were too few visits (see <see cref="Statement"/>).</param>
/// <param name="Groups">The levels tested, merged ones joined by '+', e.g. "99202+99203".</param>
/// <param name="Statistic">Σ (observed − expected)² / expected over the groups, rounded to 4 decimals; null when not tested.</param>
/// <param name="DegreesOfFreedom">Groups − 1; null when not tested.</param>
/// <param name="PValue">P(χ²(df) ≥ statistic), rounded to 6 decimals; null when not tested.</param>
/// <param name="Significant">p &lt; 0.05.</param>
public sealed record GoodnessOfFit(bool Tested, IReadOnlyList<string> Groups, decimal? Statistic, int? DegreesOfFreedom, decimal? PValue, bool Significant, string Statement)
{
    public const double MinimumExpected = 5.0;
    public const double SignificanceLevel = 0.05;

    /// <summary>Tests <paramref name="observed"/> (one count per level) against <paramref name="shares"/> (one per level, summing to 1).</summary>
    public static GoodnessOfFit Test(IReadOnlyList<string> levels, IReadOnlyList<int> observed, IReadOnlyList<double> shares)
    {
        var n = observed.Sum();
        var groups = new List<(string Name, double Observed, double Expected)>();
        for (var i = 0; i < levels.Count; i++)
        {
            groups.Add((levels[i], observed[i], shares[i] * n));
        }

        while (groups.Count > 1)
        {
            var smallest = -1;
            for (var i = 0; i < groups.Count; i++)
            {
                if (groups[i].Expected < MinimumExpected && (smallest < 0 || groups[i].Expected < groups[smallest].Expected))
                {
                    smallest = i;
                }
            }

            if (smallest < 0)
            {
                break;
            }

            // The smaller neighbour absorbs it; at the ends there is only one.
            var other = smallest == 0 ? 1
                : smallest == groups.Count - 1 ? smallest - 1
                : groups[smallest - 1].Expected <= groups[smallest + 1].Expected ? smallest - 1 : smallest + 1;
            var (lo, hi) = (Math.Min(smallest, other), Math.Max(smallest, other));
            groups[lo] = (groups[lo].Name + "+" + groups[hi].Name, groups[lo].Observed + groups[hi].Observed, groups[lo].Expected + groups[hi].Expected);
            groups.RemoveAt(hi);
        }

        var names = groups.Select(g => g.Name).ToList();
        if (groups.Count < 2 || groups.Any(g => g.Expected < MinimumExpected))
        {
            return new GoodnessOfFit(false, names, null, null, null, false, string.Create(CultureInfo.InvariantCulture,
                $"too few visits to test ({n}): even with adjacent levels merged, fewer than two groups expect at least {MinimumExpected:0} visits"));
        }

        var statistic = groups.Sum(g => (g.Observed - g.Expected) * (g.Observed - g.Expected) / g.Expected);
        var df = groups.Count - 1;
        var p = ChiSquare.Survival(statistic, df);
        var roundedStatistic = decimal.Round((decimal)statistic, 4, MidpointRounding.AwayFromZero);
        var roundedP = decimal.Round((decimal)p, 6, MidpointRounding.AwayFromZero);
        var significant = p < SignificanceLevel;
        var merged = groups.Count < levels.Count ? $"; levels merged so every group expects at least {MinimumExpected:0}: {string.Join(", ", names)}" : string.Empty;
        var statement = string.Create(CultureInfo.InvariantCulture,
            $"χ² = {roundedStatistic:0.0000}, df = {df}, p = {FormatP(roundedP)}{merged}: {(significant ? "the difference is significant at the 5% level" : "no significant difference at the 5% level")}");
        return new GoodnessOfFit(true, names, roundedStatistic, df, roundedP, significant, statement);
    }

    private static string FormatP(decimal p) => p < 0.000001m ? "< 0.000001" : p.ToString("0.000000", CultureInfo.InvariantCulture);
}
