using CodeLedger.Core.Codes;
using CodeLedger.Core.Contracts;

namespace CodeLedger.Core.Turnaround;

/// <summary>
/// Turns a month of turnaround samples into the contract's verdict. The rules, from the contract:
/// an encounter is within target when its elapsed time is at most the target; the month is in breach
/// when the share within target is below the credit schedule's compliance threshold; the credit is
/// the schedule's percentage of the monthly fee per point below the threshold, capped; a remediation
/// plan is owed after the contract's number of consecutive months in breach.
/// </summary>
public static class SlaCalculator
{
    /// <param name="earlierMonthsInBreach">Breach verdicts of the months before, most recent first.</param>
    public static SlaMonthReport Build(SlaContract contract, string month, IReadOnlyList<TurnaroundSample> samples, IEnumerable<bool> earlierMonthsInBreach)
    {
        var tally = new TurnaroundTally(contract);
        foreach (var s in samples)
        {
            tally.Add(s);
        }

        return Build(contract, month, tally, earlierMonthsInBreach);
    }

    /// <param name="tally">The month's measurements; its elapsed times are sorted in place.</param>
    /// <param name="earlierMonthsInBreach">Breach verdicts of the months before, most recent first.</param>
    public static SlaMonthReport Build(SlaContract contract, string month, TurnaroundTally tally, IEnumerable<bool> earlierMonthsInBreach)
    {
        var schedule = contract.CreditSchedule;
        var count = tally.Count;
        var within = tally.WithinTarget;
        var ticks = tally.ElapsedTicks;
        ticks.Sort();
        var breaches = tally.Breaches.ToList();
        breaches.Sort((a, b) => b.ElapsedHours != a.ElapsedHours ? b.ElapsedHours.CompareTo(a.ElapsedHours) : string.CompareOrdinal(a.EncounterRef, b.EncounterRef));

        decimal? compliance = count == 0 ? null : decimal.Round(within * 100m / count, 2, MidpointRounding.AwayFromZero);

        // A month without finalized encounters is not a breach: there is nothing to measure.
        var inBreach = compliance is { } c && c < schedule.ComplianceThresholdPercent;
        var creditPercent = inBreach
            ? Math.Min((schedule.ComplianceThresholdPercent - compliance!.Value) * schedule.PercentOfFeePerPoint, schedule.CapPercentOfFee)
            : 0m;
        var credit = Money.FromDecimal(decimal.Round(contract.MonthlyFee.Amount * creditPercent / 100m, 2, MidpointRounding.AwayFromZero));

        var consecutive = BreachRun.Length(inBreach, earlierMonthsInBreach);

        return new SlaMonthReport(
            month,
            contract.TurnaroundTargetHours,
            contract.Clock == TurnaroundClockKind.BusinessHours ? "business-hours" : "calendar-hours",
            count,
            count == 0 ? null : Hours(Mean(ticks)),
            count == 0 ? null : Hours(Median(ticks)),
            count == 0 ? null : Hours(NearestRank(ticks, 90)),
            count == 0 ? null : Hours(ticks[0]),
            count == 0 ? null : Hours(ticks[^1]),
            within,
            compliance,
            schedule.ComplianceThresholdPercent,
            inBreach,
            decimal.Round(creditPercent, 4),
            contract.MonthlyFee,
            credit,
            consecutive,
            contract.RemediationAfterConsecutiveBreachMonths,
            BreachRun.RemediationPlanRequired(contract, consecutive),
            breaches);
    }

    /// <summary>The month's verdict alone, for the months before the one reported.</summary>
    public static bool IsBreach(SlaContract contract, int count, int within) =>
        count > 0 && decimal.Round(within * 100m / count, 2, MidpointRounding.AwayFromZero) < contract.CreditSchedule.ComplianceThresholdPercent;

    internal static decimal Hours(long ticks) => decimal.Round((decimal)ticks / TimeSpan.TicksPerHour, 2, MidpointRounding.AwayFromZero);

    private static long Mean(ReadOnlySpan<long> sorted)
    {
        decimal sum = 0;
        foreach (var t in sorted)
        {
            sum += t;
        }

        return (long)decimal.Round(sum / sorted.Length);
    }

    private static long Median(ReadOnlySpan<long> sorted)
    {
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] / 2) + (sorted[mid] / 2) + ((sorted[mid - 1] % 2 + sorted[mid] % 2) / 2);
    }

    /// <summary>Nearest-rank percentile: the smallest value with at least p% of the values at or below it.</summary>
    private static long NearestRank(ReadOnlySpan<long> sorted, int percentile)
    {
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
