using CodeLedger.Core.Codes;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Turnaround;
using CodeLedger.Testing;

namespace CodeLedger.Core.Tests.Turnaround;

/// <summary>
/// The fast SLA arithmetic (business-hours calendar with running totals, tally without a sample per
/// encounter) against the day-by-day reference it replaced, on generated intervals: weekends,
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
        var random = new Random(zone.GetHashCode(StringComparison.Ordinal) ^ (oh * 100) + om);
        var fast = new TurnaroundClock(contract);
        var reference = new ReferenceClock(contract);
        var origin = new DateTimeOffset(2025, 12, 20, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 20_000; i++)
        {
            // Mostly a report's shape (hours to days), sometimes weeks or a whole year, now and then to the tick.
            var start = origin.AddMinutes(random.Next(0, 500 * 24 * 60)).AddTicks(i % 7 == 0 ? random.Next() : 0);
            var length = (i % 50) switch
            {
                0 => TimeSpan.FromDays(random.Next(0, 400)),
                < 5 => TimeSpan.FromDays(random.NextDouble() * 40),
                _ => TimeSpan.FromHours(random.NextDouble() * 150),
            };
            var stop = start + length;
            TimePeriod[] pauses = i % 3 == 0 ? [.. Pauses(random, start, stop)] : [];

            Assert.Equal(reference.Measure(start, stop, pauses), fast.Measure(start, stop, pauses));
        }

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

    [Fact]
    public void Calendar_hours_match_the_reference()
    {
        var contract = Contract("America/Chicago", new TimeOnly(8, 0), new TimeOnly(17, 0), TurnaroundClockKind.CalendarHours);
        var random = new Random(7);
        var fast = new TurnaroundClock(contract);
        var reference = new ReferenceClock(contract);
        for (var i = 0; i < 2_000; i++)
        {
            var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(0, 400 * 24 * 60));
            var stop = start.AddMinutes(random.Next(0, 20_000));
            TimePeriod[] pauses = [.. Pauses(random, start, stop)];

            Assert.Equal(reference.Measure(start, stop, pauses), fast.Measure(start, stop, pauses));
        }
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

    [Fact]
    public void Report_from_a_tally_matches_the_report_from_samples()
    {
        var random = new Random(20260301);
        foreach (var count in new[] { 0, 1, 2, 3, 10, 11, 1_000, 5_001 })
        {
            var contract = Contract("America/Chicago", new TimeOnly(8, 0), new TimeOnly(17, 0), TurnaroundClockKind.BusinessHours);
            var t0 = new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

            // Elapsed times on a coarse grid so rounded hours tie often and the id breaks the tie.
            var samples = Enumerable.Range(0, count).Select(_ =>
            {
                var elapsed = TimeSpan.FromMinutes(random.Next(0, 6_000) / 6 * 6).Add(TimeSpan.FromTicks(random.Next(0, 3)));
                return new TurnaroundSample(Guid.NewGuid().ToString(), t0, t0 + elapsed, elapsed);
            }).ToList();
            bool[] earlier = [true, random.Next(2) == 0];

            var tally = new TurnaroundTally(contract);
            foreach (var s in samples)
            {
                tally.Add(s.Elapsed, s.Start, s.Stop, Guid.Parse(s.EncounterRef));
            }

            var expected = ReferenceSlaCalculator.Build(contract, "2026-03", samples, earlier);
            SlaAssert.Same(expected, SlaCalculator.Build(contract, "2026-03", samples, earlier));
            SlaAssert.Same(expected, SlaCalculator.Build(contract, "2026-03", tally, earlier));
        }
    }

    private static IEnumerable<TimePeriod> Pauses(Random random, DateTimeOffset start, DateTimeOffset stop)
    {
        var span = (stop - start).Ticks;
        for (var k = random.Next(0, 4); k > 0; k--)
        {
            // Some begin before the start or end after the stop, some overlap each other.
            var from = start.AddTicks((long)((random.NextDouble() * 1.4 - 0.2) * span));
            yield return new TimePeriod(from, from.AddTicks((long)(random.NextDouble() * 0.5 * span) + 1));
        }
    }

    private static SlaContract Contract(string zone, TimeOnly opens, TimeOnly closes, TurnaroundClockKind clock) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2026, 1, 1), 48, clock, zone,
            new WorkingHours(opens, closes, [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Sunday]),
            [new DateOnly(2026, 1, 1), new DateOnly(2026, 5, 25), new DateOnly(2026, 3, 9), new DateOnly(2026, 11, 2), new DateOnly(2026, 12, 25)],
            95m, 72, openQueryPausesClock: true, correctedDocumentationRestartsClock: false,
            new ServiceCreditSchedule(95m, 2m, 20m), Money.Parse("12500.00"), remediationAfterConsecutiveBreachMonths: 3);
}
