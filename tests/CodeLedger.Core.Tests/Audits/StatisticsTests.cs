using CodeLedger.Core.Audits;

namespace CodeLedger.Core.Tests.Audits;

public class StatisticsTests
{
    [Theory]
    [InlineData(19, 20, 0.764, 0.991)]
    [InlineData(95, 100, 0.888, 0.978)]
    [InlineData(20, 20, 0.839, 1.000)]
    [InlineData(0, 10, 0.000, 0.278)]
    public void Wilson_bounds_match_the_published_values(int successes, int trials, double lower, double upper)
    {
        var p = Proportion.Wilson(successes, trials);

        Assert.Equal(lower, p.Lower, 3);
        Assert.Equal(upper, p.Upper, 3);
        Assert.Equal((double)successes / trials, p.Point, 12);
    }

    [Fact]
    public void Margin_five_points_at_95_percent_expected_needs_73_on_a_large_frame_and_64_on_500()
    {
        // n0 = 1.959964² × 0.95 × 0.05 / 0.05² = 3.841459 × 0.0475 / 0.0025 = 72.99 -> 73.
        Assert.Equal(72.99, SampleSize.Infinite(0.05m, 0.95m), 2);
        Assert.Equal(73, SampleSize.Required(0.05m, 0.95m, 10_000_000));

        // FPC: 72.99 / (1 + 71.99 / 500) = 72.99 / 1.14398 = 63.80 -> 64.
        Assert.Equal(64, SampleSize.Required(0.05m, 0.95m, 500));

        // The textbook worst case p = 0.5 at ±5 points: 384.15 -> 385.
        Assert.Equal(385, SampleSize.Required(0.05m, 0.5m, int.MaxValue));

        // Never more than the frame.
        Assert.Equal(10, SampleSize.Required(0.01m, 0.5m, 10));
    }

    [Fact]
    public void The_floor_sentence_says_what_the_interval_supports()
    {
        // 96 of 100 -> 96.0%, Wilson 90.2%-98.4%: the floor is inside the interval.
        var (notShown, s1) = AuditScorer.Floor(Proportion.Wilson(96, 100), 0.95m);
        Assert.Equal(FloorVerdict.NotDemonstrated, notShown);
        Assert.Equal("point estimate 96.0%, lower bound 90.2%: the 95% floor is not demonstrated", s1);

        // 990 of 1000 -> 99.0%, lower bound 98.2%.
        var (shown, s2) = AuditScorer.Floor(Proportion.Wilson(990, 1000), 0.95m);
        Assert.Equal(FloorVerdict.Demonstrated, shown);
        Assert.Equal("point estimate 99.0%, lower bound 98.2%: the 95% floor is demonstrated", s2);

        // 16 of 20 -> 80.0%, upper bound 91.9%.
        var (missed, s3) = AuditScorer.Floor(Proportion.Wilson(16, 20), 0.95m);
        Assert.Equal(FloorVerdict.Missed, missed);
        Assert.Equal("point estimate 80.0%, upper bound 91.9% below the floor: the 95% floor is missed", s3);

        var (_, internalAudit) = AuditScorer.Floor(Proportion.Wilson(16, 20), 0.95m, AuditKind.Internal);
        Assert.StartsWith("internal audit: ", internalAudit, StringComparison.Ordinal);
    }
}
