namespace CodeLedger.Core.Turnaround;

/// <summary>
/// The business-hours windows of a range of local days as sorted UTC ticks with running totals, so
/// the business time between two instants is two binary searches and a subtraction instead of a walk
/// over days with a time-zone conversion at each end. A month's report asks this a million times.
/// <para>
/// Exactly equal to summing, day by day from the local date of the start to the local date of the
/// stop, each working day's window clipped to the interval (the way <see cref="TurnaroundClock"/>
/// defines business time), when three things hold over the range; <see cref="TryBuild"/> checks them
/// and refuses the range otherwise, and the clock then walks the days: every window lies inside its
/// own local day; the windows are in order and do not overlap; and the local date never goes back as
/// time goes on (a zone that turns its clocks back across midnight would break that).
/// </para>
/// </summary>
internal sealed class BusinessCalendar
{
    /// <summary>No zone is further than 14 hours from UTC (Pacific/Kiritimati, Etc/GMT-14).</summary>
    private static readonly long MaxOffsetTicks = TimeSpan.FromHours(14).Ticks;

    /// <summary>Offsets are sampled this often to find the zone's transitions; no zone changes its offset twice within it.</summary>
    private static readonly long ScanStepTicks = TimeSpan.FromMinutes(30).Ticks;

    private readonly long[] _opens;
    private readonly long[] _closes;

    // _before[k]: business ticks in the windows before window k; _before[^1] is the total.
    private readonly long[] _before;

    private BusinessCalendar(DateOnly firstDay, DateOnly lastDay, long[] opens, long[] closes, long[] before)
    {
        FirstDay = firstDay;
        LastDay = lastDay;
        _opens = opens;
        _closes = closes;
        _before = before;

        // Whatever the zone, an instant in [CoversFrom, CoversTo) has a local date within [FirstDay, LastDay].
        CoversFromTicks = UtcMidnightTicks(firstDay) + MaxOffsetTicks;
        CoversToTicks = UtcMidnightTicks(lastDay.AddDays(1)) - MaxOffsetTicks;
    }

    public DateOnly FirstDay { get; }

    public DateOnly LastDay { get; }

    public long CoversFromTicks { get; }

    public long CoversToTicks { get; }

    /// <summary>Whether both instants lie where every window that could touch the interval between them is known.</summary>
    public bool Covers(long fromTicks, long toTicks) => fromTicks >= CoversFromTicks && toTicks < CoversToTicks;

    /// <summary>Business ticks in [from, to), both inside the covered range, from before to.</summary>
    public long Between(long fromTicks, long toTicks) => Cumulative(toTicks) - Cumulative(fromTicks);

    /// <param name="window">The window of a working day that is not a holiday, in UTC; null for a day off.</param>
    /// <returns>The calendar, or null when the range breaks one of the conditions under which it is exact.</returns>
    public static BusinessCalendar? TryBuild(TimeZoneInfo zone, DateOnly firstDay, DateOnly lastDay, Func<DateOnly, (DateTimeOffset Opens, DateTimeOffset Closes)?> window)
    {
        var opens = new List<long>();
        var closes = new List<long>();
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            if (window(day) is not var (o, c))
            {
                continue;
            }

            if (c < o || LocalDate(zone, o) != day || (c > o && LocalDate(zone, c.AddTicks(-1)) != day))
            {
                return null;
            }

            if (opens.Count > 0 && o.UtcTicks < closes[^1])
            {
                return null;
            }

            opens.Add(o.UtcTicks);
            closes.Add(c.UtcTicks);
        }

        var before = new long[opens.Count + 1];
        for (var k = 0; k < opens.Count; k++)
        {
            before[k + 1] = before[k] + (closes[k] - opens[k]);
        }

        // Checked over every instant whose local date could be in the range, so it holds inside each
        // window as well as between the instants asked about.
        var scanFrom = UtcMidnightTicks(firstDay) - MaxOffsetTicks;
        var scanTo = UtcMidnightTicks(lastDay.AddDays(1)) + MaxOffsetTicks;
        return LocalDateNeverGoesBack(zone, scanFrom, scanTo) ? new BusinessCalendar(firstDay, lastDay, [.. opens], [.. closes], before) : null;
    }

    /// <summary>Business ticks in all windows up to the instant: the windows closed by then, and the part of the one open.</summary>
    private long Cumulative(long ticks)
    {
        // The first window that closes after the instant; every window before it is over.
        int lo = 0, hi = _closes.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_closes[mid] <= ticks)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo < _opens.Length && ticks > _opens[lo] ? _before[lo] + (ticks - _opens[lo]) : _before[lo];
    }

    /// <summary>
    /// Within one offset the local date only moves forward; it can go back only where the offset
    /// drops. Finds each drop by sampling and bisection and checks the date on both sides of it.
    /// </summary>
    private static bool LocalDateNeverGoesBack(TimeZoneInfo zone, long fromTicks, long toTicks)
    {
        var t = fromTicks;
        var offset = Offset(zone, t);
        while (t < toTicks)
        {
            var next = Math.Min(t + ScanStepTicks, toTicks);
            var nextOffset = Offset(zone, next);
            if (nextOffset < offset)
            {
                // Bisect to the first tick with the new offset.
                long lo = t, hi = next;
                while (hi - lo > 1)
                {
                    var mid = lo + ((hi - lo) / 2);
                    if (Offset(zone, mid) == offset)
                    {
                        lo = mid;
                    }
                    else
                    {
                        hi = mid;
                    }
                }

                if (DateOnly.FromDateTime(new DateTime(hi + nextOffset)) < DateOnly.FromDateTime(new DateTime(lo + offset)))
                {
                    return false;
                }
            }

            t = next;
            offset = nextOffset;
        }

        return true;
    }

    private static long Offset(TimeZoneInfo zone, long utcTicks) => zone.GetUtcOffset(new DateTimeOffset(utcTicks, TimeSpan.Zero)).Ticks;

    private static DateOnly LocalDate(TimeZoneInfo zone, DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    private static long UtcMidnightTicks(DateOnly day) => day.ToDateTime(TimeOnly.MinValue).Ticks;
}
