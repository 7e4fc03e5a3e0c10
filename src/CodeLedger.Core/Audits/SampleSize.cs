namespace CodeLedger.Core.Audits;

/// <summary>
/// The sample size for estimating a proportion (accuracy) within a margin at 95% confidence, by the
/// normal approximation with the finite population correction (Cochran, Sampling Techniques, 3rd
/// ed., §4.4): n0 = z²·p(1−p)/e², n = n0 / (1 + (n0 − 1)/N), rounded up. Margin 0.05 and expected
/// accuracy 0.95 on a large frame give 73; on a frame of 500, 64.
/// </summary>
public static class SampleSize
{
    /// <summary>The two-sided 95% normal quantile, z(0.975).</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>n0, before the finite population correction.</summary>
    public static double Infinite(decimal margin, decimal expected)
    {
        var e = (double)margin;
        var p = (double)expected;
        return Z95 * Z95 * p * (1 - p) / (e * e);
    }

    /// <summary>n for a frame of <paramref name="population"/> encounters: never more than the frame, at least 1.</summary>
    public static int Required(decimal margin, decimal expected, int population)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(population, 1);
        var n0 = Infinite(margin, expected);
        var n = n0 / (1 + ((n0 - 1) / population));

        // A hair of floating error must not add an encounter: 73.0000000001 is 73.
        var rounded = (int)Math.Ceiling(Math.Round(n, 9));
        return Math.Clamp(rounded, 1, population);
    }
}
