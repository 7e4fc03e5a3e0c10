using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Turnaround;

namespace CodeLedger.Testing;

// The SLA arithmetic exactly as it was before the report was made fast (commit 7cee3b5): a walk over
// local days with a time-zone conversion at each end for every interval, and a sample object per
// encounter. Kept verbatim as the reference the fast path must match to the tick and the cent.
// Shared by the core and storage tests (linked into the storage test project).

/// <summary>The turnaround clock before the business-hours calendar: day by day, per interval.</summary>
internal sealed class ReferenceClock
{
    private readonly TurnaroundClockKind _kind;
    private readonly TimeZoneInfo _zone;
    private readonly WorkingHours _hours;
    private readonly HashSet<DateOnly> _holidays;
    private readonly bool _openQueryPausesClock;
    private readonly bool[] _workingDay = new bool[7];

    // A month's report asks about the same few dozen days a million times; zone rules are read once per day.
    private readonly Dictionary<DateOnly, (DateTimeOffset Opens, DateTimeOffset Closes)> _windows = [];

    public ReferenceClock(SlaContract contract)
    {
        _kind = contract.Clock;
        _zone = TimeZoneInfo.FindSystemTimeZoneById(contract.TimeZoneId);
        _hours = contract.WorkingHours;
        _holidays = [.. contract.Holidays];
        _openQueryPausesClock = contract.OpenQueryPausesClock;
        foreach (var day in _hours.Days)
        {
            _workingDay[(int)day] = true;
        }
    }

    public TurnaroundClockKind Kind => _kind;

    /// <summary>
    /// Time on the clock from <paramref name="start"/> (documentation complete, or receipt if later)
    /// to <paramref name="stop"/> (finalized). Pauses outside [start, stop] and overlaps between
    /// pauses are counted once; pauses are ignored when the contract does not pause the clock.
    /// </summary>
    public TimeSpan Measure(DateTimeOffset start, DateTimeOffset stop, IEnumerable<TimePeriod>? pauses = null)
    {
        if (stop < start)
        {
            throw new DomainException(TurnaroundErrors.StopBeforeStart, $"turnaround stops ({Instants.Format(stop)}) before it starts ({Instants.Format(start)})");
        }

        var elapsed = Counted(start, stop);
        if (!_openQueryPausesClock || pauses is null)
        {
            return elapsed;
        }

        foreach (var pause in Merge(pauses, start, stop))
        {
            elapsed -= Counted(pause.Start, pause.End);
        }

        return elapsed;
    }

    /// <summary>Clock time between two instants, before any pause.</summary>
    public TimeSpan Counted(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        if (_kind == TurnaroundClockKind.CalendarHours)
        {
            return to - from;
        }

        var total = TimeSpan.Zero;
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, _zone).DateTime);
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, _zone).DateTime);
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            if (!_workingDay[(int)day.DayOfWeek] || _holidays.Contains(day))
            {
                continue;
            }

            if (!_windows.TryGetValue(day, out var window))
            {
                window = (ToUtc(day.ToDateTime(_hours.Opens)), ToUtc(day.ToDateTime(_hours.Closes)));
                _windows[day] = window;
            }

            var (opens, closes) = window;
            var a = opens > from ? opens : from;
            var b = closes < to ? closes : to;
            if (b > a)
            {
                total += b - a;
            }
        }

        return total;
    }

    /// <summary>
    /// A local wall-clock time in the contract's zone as a UTC instant. A time that does not exist
    /// (inside a spring-forward gap) is read with the offset in force before the gap, which moves it
    /// forward by the gap's length, the way a wall clock does.
    /// </summary>
    private DateTimeOffset ToUtc(DateTime local)
    {
        var offset = _zone.IsInvalidTime(local) ? _zone.GetUtcOffset(local.AddHours(-3)) : _zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private static List<TimePeriod> Merge(IEnumerable<TimePeriod> pauses, DateTimeOffset start, DateTimeOffset stop)
    {
        var merged = new List<TimePeriod>();
        foreach (var p in pauses.Where(p => p.End > start && p.Start < stop).OrderBy(p => p.Start))
        {
            var s = p.Start < start ? start : p.Start;
            var e = p.End > stop ? stop : p.End;
            if (merged.Count > 0 && s <= merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = new TimePeriod(last.Start, e > last.End ? e : last.End);
            }
            else
            {
                merged.Add(new TimePeriod(s, e));
            }
        }

        return merged;
    }
}

/// <summary>The SLA calculator before the tally: one <see cref="TurnaroundSample"/> per encounter.</summary>
internal static class ReferenceSlaCalculator
{
    /// <param name="earlierMonthsInBreach">Breach verdicts of the months before, most recent first.</param>
    public static SlaMonthReport Build(SlaContract contract, string month, IReadOnlyList<TurnaroundSample> samples, IEnumerable<bool> earlierMonthsInBreach)
    {
        var target = TimeSpan.FromHours(contract.TurnaroundTargetHours);
        var schedule = contract.CreditSchedule;
        var count = samples.Count;
        var ticks = new long[count];
        var within = 0;
        var breaches = new List<SlaBreach>();
        for (var i = 0; i < count; i++)
        {
            var s = samples[i];
            ticks[i] = s.Elapsed.Ticks;
            if (s.Elapsed <= target)
            {
                within++;
            }
            else
            {
                breaches.Add(new SlaBreach(s.EncounterRef, s.Start, s.Stop, Hours(s.Elapsed.Ticks), Hours((s.Elapsed - target).Ticks)));
            }
        }

        Array.Sort(ticks);
        breaches.Sort((a, b) => b.ElapsedHours != a.ElapsedHours ? b.ElapsedHours.CompareTo(a.ElapsedHours) : string.CompareOrdinal(a.EncounterRef, b.EncounterRef));

        decimal? compliance = count == 0 ? null : decimal.Round(within * 100m / count, 2, MidpointRounding.AwayFromZero);

        // A month without finalized encounters is not a breach: there is nothing to measure.
        var inBreach = compliance is { } c && c < schedule.ComplianceThresholdPercent;
        var creditPercent = inBreach
            ? Math.Min((schedule.ComplianceThresholdPercent - compliance!.Value) * schedule.PercentOfFeePerPoint, schedule.CapPercentOfFee)
            : 0m;
        var credit = Money.FromDecimal(decimal.Round(contract.MonthlyFee.Amount * creditPercent / 100m, 2, MidpointRounding.AwayFromZero));

        var consecutive = 0;
        if (inBreach)
        {
            consecutive = 1 + earlierMonthsInBreach.TakeWhile(b => b).Count();
        }

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
            consecutive >= contract.RemediationAfterConsecutiveBreachMonths,
            breaches);
    }

    /// <summary>The month's verdict alone, for the months before the one reported.</summary>
    public static bool IsBreach(SlaContract contract, int count, int within) =>
        count > 0 && decimal.Round(within * 100m / count, 2, MidpointRounding.AwayFromZero) < contract.CreditSchedule.ComplianceThresholdPercent;

    private static decimal Hours(long ticks) => decimal.Round((decimal)ticks / TimeSpan.TicksPerHour, 2, MidpointRounding.AwayFromZero);

    private static long Mean(long[] sorted)
    {
        decimal sum = 0;
        foreach (var t in sorted)
        {
            sum += t;
        }

        return (long)decimal.Round(sum / sorted.Length);
    }

    private static long Median(long[] sorted)
    {
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] / 2) + (sorted[mid] / 2) + ((sorted[mid - 1] % 2 + sorted[mid] % 2) / 2);
    }

    /// <summary>Nearest-rank percentile: the smallest value with at least p% of the values at or below it.</summary>
    private static long NearestRank(long[] sorted, int percentile)
    {
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}

/// <summary>Two SLA reports are the same when every figure and every breach, in order, is.</summary>
internal static class SlaAssert
{
    private static readonly SlaBreach[] NoBreaches = [];

    public static void Same(SlaMonthReport expected, SlaMonthReport actual)
    {
        Assert.Equal(expected with { Breaches = NoBreaches }, actual with { Breaches = NoBreaches });
        Assert.Equal(expected.Breaches, actual.Breaches);
    }
}
