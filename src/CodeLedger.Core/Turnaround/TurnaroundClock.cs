using CodeLedger.Core.Common;
using CodeLedger.Core.Contracts;

namespace CodeLedger.Core.Turnaround;

/// <summary>
/// Measures turnaround in a contract's terms: calendar hours, or business hours (the contract's
/// working hours on working days that are not holidays, read in the contract's time zone, so a
/// daylight-saving change moves the UTC window, never its local length), minus the time a
/// documentation query was open when the contract pauses the clock for queries.
/// Not thread-safe: it caches each day's window; use one per report.
/// </summary>
public sealed class TurnaroundClock
{
    /// <summary>
    /// The widest calendar built: a report over a month with clock starts years before it stays a
    /// few thousand windows; beyond this the clock walks the days as it would without one.
    /// </summary>
    private const int MaxCalendarDays = 366 * 20;

    /// <summary>Days added on each side of the first interval asked about, so a month's report builds its calendar once or twice.</summary>
    private const int CalendarMarginDays = 31;

    // Instants a calendar can be built around, far from the ends of DateOnly's range.
    private static readonly DateTime CalendarFloor = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime CalendarCeiling = new(9000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly TurnaroundClockKind _kind;
    private readonly TimeZoneInfo _zone;
    private readonly WorkingHours _hours;
    private readonly HashSet<DateOnly> _holidays;
    private readonly bool _openQueryPausesClock;
    private readonly bool[] _workingDay = new bool[7];

    // A month's report asks about the same few dozen days a million times; zone rules are read once per day.
    private readonly Dictionary<DateOnly, (DateTimeOffset Opens, DateTimeOffset Closes)> _windows = [];

    // Business time as running totals over the days asked about so far (see BusinessCalendar);
    // null until first needed, or for good when the zone's rules make it inexact.
    private BusinessCalendar? _calendar;
    private bool _calendarRefused;

    public TurnaroundClock(SlaContract contract)
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

    /// <summary>Whether business time is being read from a calendar (for tests: the fast path is taken where it should be).</summary>
    internal bool UsesCalendar => _calendar is not null;

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

        if (CalendarFor(from.UtcTicks, to.UtcTicks) is { } calendar)
        {
            return TimeSpan.FromTicks(calendar.Between(from.UtcTicks, to.UtcTicks));
        }

        return CountedDayByDay(from, to);
    }

    /// <summary>The definition of business time: each working day's window, from the local date of the start to that of the stop, clipped to the interval.</summary>
    private TimeSpan CountedDayByDay(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, _zone).DateTime);
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, _zone).DateTime);
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            var (opens, closes) = Window(day);
            var a = opens > from ? opens : from;
            var b = closes < to ? closes : to;
            if (b > a)
            {
                total += b - a;
            }
        }

        return total;
    }

    private (DateTimeOffset Opens, DateTimeOffset Closes) Window(DateOnly day)
    {
        if (!_windows.TryGetValue(day, out var window))
        {
            window = (ToUtc(day.ToDateTime(_hours.Opens)), ToUtc(day.ToDateTime(_hours.Closes)));
            _windows[day] = window;
        }

        return window;
    }

    /// <summary>
    /// A calendar that covers both instants, widened (to at least twice its span, so a report
    /// rebuilds it a few times at most) when one falls outside; null when none can be exact.
    /// </summary>
    private BusinessCalendar? CalendarFor(long fromTicks, long toTicks)
    {
        if (_calendar is { } current && current.Covers(fromTicks, toTicks))
        {
            return current;
        }

        if (_calendarRefused || fromTicks < CalendarFloor.Ticks || toTicks > CalendarCeiling.Ticks)
        {
            return null;
        }

        var fromDay = DateOnly.FromDateTime(new DateTime(fromTicks)).AddDays(-2);
        var toDay = DateOnly.FromDateTime(new DateTime(toTicks)).AddDays(2);
        DateOnly first, last;
        if (_calendar is { } narrow)
        {
            var span = narrow.LastDay.DayNumber - narrow.FirstDay.DayNumber;
            first = Min(fromDay, narrow.FirstDay.AddDays(-span));
            last = Max(toDay, narrow.LastDay.AddDays(span));
        }
        else
        {
            first = fromDay.AddDays(-CalendarMarginDays);
            last = toDay.AddDays(CalendarMarginDays);
        }

        if (last.DayNumber - first.DayNumber > MaxCalendarDays)
        {
            return null;
        }

        _calendar = BusinessCalendar.TryBuild(_zone, first, last, day => IsWorkingDay(day) ? Window(day) : null);
        _calendarRefused = _calendar is null;
        return _calendar;
    }

    private bool IsWorkingDay(DateOnly day) => _workingDay[(int)day.DayOfWeek] && !_holidays.Contains(day);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

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
