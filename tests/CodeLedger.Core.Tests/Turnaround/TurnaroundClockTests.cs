using CodeLedger.Core.Common;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Turnaround;
using static CodeLedger.Core.Tests.Turnaround.Contracts;

namespace CodeLedger.Core.Tests.Turnaround;

public sealed class TurnaroundClockTests
{
    private static TimeSpan Hours(double h) => TimeSpan.FromHours(h);

    [Fact]
    public void Business_hours_skip_the_weekend()
    {
        var clock = new TurnaroundClock(Chicago());

        // Friday 16:00 to Monday 09:00: one hour on Friday, one on Monday.
        Assert.Equal(Hours(2), clock.Measure(Local(3, 13, 16), Local(3, 16, 9)));
    }

    [Fact]
    public void Calendar_hours_count_nights_and_weekends()
    {
        var clock = new TurnaroundClock(Chicago(TurnaroundClockKind.CalendarHours));

        Assert.Equal(Hours(65), clock.Measure(Local(3, 13, 16), Local(3, 16, 9)));
    }

    [Fact]
    public void Business_day_after_the_spring_daylight_saving_change_opens_at_eight_local_time()
    {
        var clock = new TurnaroundClock(Chicago());

        // Clocks go forward on Sunday 8 March 2026. Friday 16:00 CST to Monday 10:00 CDT:
        // one hour Friday, two Monday (08:00 CDT is 13:00Z, not 14:00Z).
        Assert.Equal(Hours(3), clock.Measure(Local(3, 6, 16), Local(3, 9, 10)));
    }

    [Fact]
    public void Calendar_hours_across_the_spring_change_lose_the_skipped_hour()
    {
        var clock = new TurnaroundClock(Chicago(TurnaroundClockKind.CalendarHours));

        // Saturday 12:00 CST to Sunday 12:00 CDT is 23 hours of real time.
        Assert.Equal(Hours(23), clock.Measure(Local(3, 7, 12), Local(3, 8, 12)));
    }

    [Fact]
    public void Business_hours_across_the_autumn_change_count_a_full_local_day()
    {
        var clock = new TurnaroundClock(Chicago());

        // Clocks go back on Sunday 1 November 2026: Friday 8:00 CDT to Monday 17:00 CST is two full days.
        Assert.Equal(Hours(18), clock.Measure(Local(10, 30, 8), Local(11, 2, 17)));
    }

    [Fact]
    public void Holiday_does_not_count()
    {
        var clock = new TurnaroundClock(Chicago());

        // Friday 16:00 before Memorial Day to Tuesday 09:00: Friday 1 h, weekend and holiday 0, Tuesday 1 h.
        Assert.Equal(Hours(2), clock.Measure(Local(5, 22, 16), Local(5, 26, 9)));
    }

    [Fact]
    public void Open_query_pauses_the_clock_when_the_contract_says_so()
    {
        var clock = new TurnaroundClock(Chicago());
        TimePeriod[] query = [new(Local(3, 16, 13), Local(3, 17, 12))];

        // Monday 09:00 to Wednesday 09:00 is 8 + 9 + 1 = 18 business hours; the query was open 4 + 4 of them.
        Assert.Equal(Hours(10), clock.Measure(Local(3, 16, 9), Local(3, 18, 9), query));
    }

    [Fact]
    public void Open_query_does_not_pause_the_clock_when_the_contract_keeps_it_running()
    {
        var clock = new TurnaroundClock(Chicago(pausesForQueries: false));
        TimePeriod[] query = [new(Local(3, 16, 13), Local(3, 17, 12))];

        Assert.Equal(Hours(18), clock.Measure(Local(3, 16, 9), Local(3, 18, 9), query));
    }

    [Fact]
    public void Overlapping_queries_pause_the_clock_once()
    {
        var clock = new TurnaroundClock(Chicago());
        TimePeriod[] queries = [new(Local(3, 16, 13), Local(3, 16, 15)), new(Local(3, 16, 14), Local(3, 16, 16))];

        Assert.Equal(Hours(5), clock.Measure(Local(3, 16, 9), Local(3, 16, 17), queries));
    }

    [Fact]
    public void Stop_before_start_is_refused()
    {
        var clock = new TurnaroundClock(Chicago());

        var e = Assert.Throws<DomainException>(() => clock.Measure(Local(3, 16, 9), Local(3, 16, 8)));
        Assert.Equal("TURNAROUND-STOP-BEFORE-START", e.Code);
    }
}
