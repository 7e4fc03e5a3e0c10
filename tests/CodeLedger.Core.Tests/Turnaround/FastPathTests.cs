using CodeLedger.Core.Codes;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Turnaround;
using CodeLedger.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CodeLedger.Core.Tests.Turnaround;

/// <summary>
/// The fast SLA arithmetic (business-hours calendar with running totals, tally without a sample per
/// encounter) against the day-by-day reference it replaced, as FsCheck properties on generated
/// intervals from a fixed replay seed (<see cref="Properties.Replay"/>): weekends,
/// holidays, daylight-saving changes (including zones that change at midnight or by half an hour),
/// working hours inside a gap or a repeated hour, intervals crossing months and years.
/// </summary>
public sealed class FastPathTests
{
    public static TheoryData<string, int, int, int, int> Zones => new()
    {
        // zone, opens h:m, closes h:m
        { "America/Chicago", 8, 0, 17, 0 },
        { "America/Chicago", 1, 30, 3, 15 },   // opens in the repeated hour in November, closes in the gap in March
        { "America/New_York", 2, 0, 2, 45 },   // wholly inside the spring gap
        { "Europe/London", 0, 0, 23, 59 },
        { "Australia/Lord_Howe", 1, 45, 2, 15 }, // half-hour daylight saving
        { "America/Santiago", 0, 0, 12, 0 },   // changes at midnight
        { "America/Havana", 0, 0, 9, 0 },      // changes at midnight
        { "Asia/Kolkata", 9, 30, 18, 0 },
        { "Pacific/Chatham", 2, 45, 4, 0 },
        { "Pacific/Kiritimati", 8, 0, 17, 0 },
        { "UTC", 8, 0, 17, 0 },
    };

    [Theory]
    [MemberData(nameof(Zones))]
    public void Business_hours_match_the_day_by_day_reference(string zone, int oh, int om, int ch, int cm)
    {
        var contract = Contract(zone, new TimeOnly(oh, om), new TimeOnly(ch, cm), TurnaroundClockKind.BusinessHours);
        var fast = new TurnaroundClock(contract);
        var reference = new ReferenceClock(contract);

        Properties.ForAll(Intervals(new DateTimeOffset(2025, 12, 20, 0, 0, 0, TimeSpan.Zero)), c =>
            Assert.Equal(reference.Measure(c.Start, c.Stop, c.Pauses), fast.Measure(c.Start, c.Stop, c.Pauses)), count: 20_000);

        // Every zone listed keeps its local date in order, so none falls back to walking the days.
        Assert.True(fast.UsesCalendar);
    }

    [Fact]
    public void Calendar_is_refused_where_turning_the_clocks_back_makes_the_local_date_go_back()
    {
        // Daylight saving ends on 1 November at 00:30, back to 23:30 on 31 October.
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(new DateTime(2000, 1, 1), new DateTime(2099, 12, 31), TimeSpan.FromHours(1),
            TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 29),
            TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 0, 30, 0), 11, 1));
        var zone = TimeZoneInfo.CreateCustomTimeZone("Test/Late-Fallback", TimeSpan.Zero, "late fallback", "standard", "daylight", [rule]);
        (DateTimeOffset, DateTimeOffset)? Window(DateOnly day) =>
            (new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), zone.GetUtcOffset(day.ToDateTime(new TimeOnly(9, 0)))),
             new DateTimeOffset(day.ToDateTime(new TimeOnly(17, 0)), zone.GetUtcOffset(day.ToDateTime(new TimeOnly(17, 0)))));

        Assert.Null(BusinessCalendar.TryBuild(zone, new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 30), Window));
        Assert.NotNull(BusinessCalendar.TryBuild(zone, new DateOnly(2026, 1, 5), new DateOnly(2026, 2, 27), Window));
    }

    [Property(Replay = Properties.Replay, MaxTest = 2_000, Arbitrary = [typeof(Generated)])]
    public void Calendar_hours_match_the_reference(Interval c)
    {
        var contract = Contract("America/Chicago", new TimeOnly(8, 0), new TimeOnly(17, 0), TurnaroundClockKind.CalendarHours);

        Assert.Equal(new ReferenceClock(contract).Measure(c.Start, c.Stop, c.Pauses), new TurnaroundClock(contract).Measure(c.Start, c.Stop, c.Pauses));
    }

    [Fact]
    public void Intervals_far_apart_widen_the_calendar_or_walk_the_days_and_still_match()
    {
        var contract = Contract("America/Chicago", new TimeOnly(8, 0), new TimeOnly(17, 0), TurnaroundClockKind.BusinessHours);
        var fast = new TurnaroundClock(contract);
        var reference = new ReferenceClock(contract);
        var stop = new DateTimeOffset(2026, 3, 31, 20, 0, 0, TimeSpan.Zero);

        // Clock starts ever further back: the calendar grows, then (beyond twenty years) is left aside.
        foreach (var years in new[] { 0, 1, 3, 8, 15, 25, 40 })
        {
            var start = stop.AddYears(-years).AddDays(-3).AddMinutes(17);
            Assert.Equal(reference.Measure(start, stop), fast.Measure(start, stop));
            Assert.Equal(reference.Measure(stop.AddDays(-1), stop), fast.Measure(stop.AddDays(-1), stop));
        }
    }

    [Property(Replay = Properties.Replay, MaxTest = 40, Arbitrary = [typeof(Generated)])]
    public void Report_from_a_tally_matches_the_report_from_samples(Month m)
    {
        var contract = Contract("America/Chicago", new TimeOnly(8, 0), new TimeOnly(17, 0), TurnaroundClockKind.BusinessHours);
        var tally = new TurnaroundTally(contract);
        foreach (var s in m.Samples)
        {
            tally.Add(s.Elapsed, s.Start, s.Stop, Guid.Parse(s.EncounterRef));
        }

        var expected = ReferenceSlaCalculator.Build(contract, "2026-03", m.Samples, m.Earlier);
        SlaAssert.Same(expected, SlaCalculator.Build(contract, "2026-03", m.Samples, m.Earlier));
        SlaAssert.Same(expected, SlaCalculator.Build(contract, "2026-03", tally, m.Earlier));
    }

    /// <summary>A turnaround interval with the query pauses inside (or around) it.</summary>
    public sealed record Interval(DateTimeOffset Start, DateTimeOffset Stop, TimePeriod[] Pauses);

    /// <summary>A month's finalized encounters and the breach verdicts of the months before.</summary>
    public sealed record Month(IReadOnlyList<TurnaroundSample> Samples, bool[] Earlier);

    /// <summary>FsCheck's generators for the properties above.</summary>
    public static class Generated
    {
        public static Arbitrary<Interval> Intervals() =>
            FastPathTests.Intervals(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)).ToArbitrary();

        public static Arbitrary<Month> Months()
        {
            var t0 = new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

            // Elapsed times on a coarse grid so rounded hours tie often and the id breaks the tie.
            var sample = from minutes in Gen.Choose(0, 1_000)
                         from ticks in Gen.Choose(0, 2)
                         from id in Gen.Choose(0, int.MaxValue)
                         let elapsed = TimeSpan.FromMinutes(minutes * 6).Add(TimeSpan.FromTicks(ticks))
                         select new TurnaroundSample(new Guid(id, 0, 0, new byte[8]).ToString(), t0, t0 + elapsed, elapsed);
            return (from count in Gen.Elements(0, 1, 2, 3, 10, 11, 1_000, 5_001)
                    from samples in Gen.ListOf(sample, count)
                    from before in Gen.Elements(true, false)
                    select new Month(samples, [true, before])).ToArbitrary();
        }
    }

    /// <summary>
    /// Mostly a report's shape (hours to days), sometimes weeks or a whole year, now and then to the
    /// tick; a third with query pauses, some beginning before the start or ending after the stop, some
    /// overlapping each other.
    /// </summary>
    private static Gen<Interval> Intervals(DateTimeOffset origin) =>
        from minutes in Gen.Choose(0, 500 * 24 * 60)
        from ticks in Gen.Frequency((6, Gen.Constant(0)), (1, Gen.Choose(0, int.MaxValue)))
        from length in Gen.Frequency(
            (1, Gen.Choose(0, 400).Select(days => TimeSpan.FromDays(days))),
            (4, Gen.Choose(0, 40 * 24 * 3600).Select(seconds => TimeSpan.FromSeconds(seconds))),
            (45, Gen.Choose(0, 150 * 3600).Select(seconds => TimeSpan.FromSeconds(seconds))))
        let start = origin.AddMinutes(minutes).AddTicks(ticks)
        from pauses in Gen.Frequency((2, Gen.Constant(Array.Empty<TimePeriod>())), (1, Pauses(start, start + length)))
        select new Interval(start, start + length, pauses);

    private static Gen<TimePeriod[]> Pauses(DateTimeOffset start, DateTimeOffset stop)
    {
        var span = (stop - start).Ticks;
        var pause = from offset in Gen.Choose(0, 1_400_000)
                    from length in Gen.Choose(0, 500_000)
                    let begins = start.AddTicks((long)((offset / 1_000_000.0 - 0.2) * span))
                    select new TimePeriod(begins, begins.AddTicks((long)(length / 1_000_000.0 * span) + 1));
        return from count in Gen.Choose(0, 3) from pauses in Gen.ArrayOf(pause, count) select pauses;
    }

    private static SlaContract Contract(string zone, TimeOnly opens, TimeOnly closes, TurnaroundClockKind clock) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2026, 1, 1), 48, clock, zone,
            new WorkingHours(opens, closes, [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Sunday]),
            [new DateOnly(2026, 1, 1), new DateOnly(2026, 5, 25), new DateOnly(2026, 3, 9), new DateOnly(2026, 11, 2), new DateOnly(2026, 12, 25)],
            95m, 72, openQueryPausesClock: true, correctedDocumentationRestartsClock: false,
            new ServiceCreditSchedule(95m, 2m, 20m), Money.Parse("12500.00"), remediationAfterConsecutiveBreachMonths: 3);
}
