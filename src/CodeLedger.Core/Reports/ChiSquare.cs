namespace CodeLedger.Core.Reports;

/// <summary>
/// The chi-square distribution's upper tail, P(X ≥ x) for X ~ χ²(df): the p-value of a
/// goodness-of-fit statistic. It is the regularized upper incomplete gamma function Q(df/2, x/2),
/// computed as in Numerical Recipes (§6.2): by its series when x/2 &lt; df/2 + 1 (then Q = 1 − P) and
/// by its continued fraction (modified Lentz) otherwise, each to a relative error of 1e-15; ln Γ by
/// the Lanczos approximation (g = 7, n = 9), good to about 15 digits for the half-integers used here.
/// </summary>
public static class ChiSquare
{
    private const double Epsilon = 1e-15;
    private const int MaxIterations = 10_000;

    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    /// <summary>P(χ²(df) ≥ x): 1 at x = 0, falling towards 0 as x grows.</summary>
    public static double Survival(double x, int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        if (double.IsNaN(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), "the statistic is not a number");
        }

        return x <= 0 ? 1.0 : UpperRegularizedGamma(degreesOfFreedom / 2.0, x / 2.0);
    }

    /// <summary>Q(a, x) = Γ(a, x) / Γ(a), for a &gt; 0 and x ≥ 0.</summary>
    public static double UpperRegularizedGamma(double a, double x)
    {
        if (x <= 0)
        {
            return 1.0;
        }

        return x < a + 1 ? Math.Max(0, 1.0 - LowerSeries(a, x)) : UpperContinuedFraction(a, x);
    }

    /// <summary>ln Γ(z) for z &gt; 0 (Lanczos; reflection is not needed for the positive arguments used here).</summary>
    public static double LogGamma(double z)
    {
        if (z < 0.5)
        {
            return Math.Log(Math.PI / Math.Sin(Math.PI * z)) - LogGamma(1 - z);
        }

        z -= 1;
        var sum = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++)
        {
            sum += Lanczos[i] / (z + i);
        }

        var t = z + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((z + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    /// <summary>P(a, x) by its series: e^−x x^a / Γ(a) · Σ x^n / (a (a+1) … (a+n)).</summary>
    private static double LowerSeries(double a, double x)
    {
        var term = 1.0 / a;
        var sum = term;
        for (var n = 1; n < MaxIterations; n++)
        {
            term *= x / (a + n);
            sum += term;
            if (Math.Abs(term) < Math.Abs(sum) * Epsilon)
            {
                break;
            }
        }

        return sum * Math.Exp(-x + (a * Math.Log(x)) - LogGamma(a));
    }

    /// <summary>Q(a, x) by its continued fraction, evaluated by the modified Lentz method.</summary>
    private static double UpperContinuedFraction(double a, double x)
    {
        const double tiny = 1e-300;
        var b = x + 1 - a;
        var c = 1 / tiny;
        var d = 1 / b;
        var h = d;
        for (var i = 1; i < MaxIterations; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = (an * d) + b;
            if (Math.Abs(d) < tiny)
            {
                d = tiny;
            }

            c = b + (an / c);
            if (Math.Abs(c) < tiny)
            {
                c = tiny;
            }

            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon)
            {
                break;
            }
        }

        return Math.Exp(-x + (a * Math.Log(x)) - LogGamma(a)) * h;
    }
}
