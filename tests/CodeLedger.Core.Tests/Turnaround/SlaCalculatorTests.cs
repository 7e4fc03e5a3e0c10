using CodeLedger.Core.Codes;
using CodeLedger.Core.Turnaround;
using static CodeLedger.Core.Tests.Turnaround.Contracts;

namespace CodeLedger.Core.Tests.Turnaround;

public sealed class SlaCalculatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    private static List<TurnaroundSample> Samples(params double[] hours) =>
        [.. hours.Select((h, i) => new TurnaroundSample($"E{i:D3}", T0, T0.AddHours(h), TimeSpan.FromHours(h)))];

    private static double[] WithinAndOver(int within, int over) =>
        [.. Enumerable.Repeat(10.0, within), .. Enumerable.Range(1, over).Select(i => 48.0 + i)];

    [Fact]
    public void Statistics_use_the_median_of_the_middle_pair_and_the_nearest_rank_p90()
    {
        var report = SlaCalculator.Build(Chicago(), "2026-03", Samples(1, 2, 3, 4, 5, 6, 7, 8, 9, 50), []);

        Assert.Equal((10, 9.5m, 5.5m, 9m, 1m, 50m), (report.Count, report.MeanHours, report.MedianHours, report.P90Hours, report.MinHours, report.MaxHours));
    }

    [Fact]
    public void Exactly_the_target_is_within_target()
    {
        var report = SlaCalculator.Build(Chicago(), "2026-03", Samples(48, 48.01), []);

        Assert.Equal(1, report.WithinTarget);
        Assert.Equal("E001", Assert.Single(report.Breaches).EncounterRef);
    }

    [Fact]
    public void Compliance_at_the_threshold_owes_no_credit()
    {
        var report = SlaCalculator.Build(Chicago(), "2026-03", Samples(WithinAndOver(19, 1)), []);

        Assert.Equal((95m, false, Money.Zero), (report.CompliancePercent, report.InBreach, report.ServiceCredit));
    }

    [Fact]
    public void Credit_is_the_fee_share_per_point_below_the_threshold()
    {
        // 90% within target: 5 points below 95, 2% of the 12,500.00 fee per point.
        var report = SlaCalculator.Build(Chicago(), "2026-03", Samples(WithinAndOver(18, 2)), []);

        Assert.Equal((10m, Money.Parse("1250.00")), (report.CreditPercentOfFee, report.ServiceCredit));
    }

    [Fact]
    public void Credit_is_capped()
    {
        // 50% within target: 45 points below, 90% of the fee uncapped; the cap is 20%.
        var report = SlaCalculator.Build(Chicago(), "2026-03", Samples(WithinAndOver(10, 10)), []);

        Assert.Equal((20m, Money.Parse("2500.00")), (report.CreditPercentOfFee, report.ServiceCredit));
    }

    [Fact]
    public void Remediation_plan_is_required_after_the_contract_number_of_consecutive_breaches()
    {
        var breach = Samples(WithinAndOver(18, 2));

        Assert.False(SlaCalculator.Build(Chicago(), "2026-03", breach, [true, false, true]).RemediationPlanRequired);
        var third = SlaCalculator.Build(Chicago(), "2026-03", breach, [true, true, false]);
        Assert.Equal((3, true), (third.ConsecutiveBreachMonths, third.RemediationPlanRequired));
    }

    [Fact]
    public void An_empty_month_is_not_a_breach()
    {
        var report = SlaCalculator.Build(Chicago(), "2026-03", [], [true, true]);

        Assert.Equal((0, null, false, false), (report.Count, report.CompliancePercent, report.InBreach, report.RemediationPlanRequired));
    }
}
