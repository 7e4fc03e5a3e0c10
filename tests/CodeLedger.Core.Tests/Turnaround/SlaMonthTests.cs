using CodeLedger.Core.Common;
using CodeLedger.Core.Turnaround;
using CodeLedger.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CodeLedger.Core.Tests.Turnaround;

public sealed class SlaMonthTests
{
    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    private static DateTimeOffset Utc(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Month_is_read_as_yyyy_mm_only()
    {
        Assert.Equal("2026-03", SlaMonth.Parse("2026-03").ToString());
        Assert.Equal("SLA-MONTH", Assert.Throws<DomainException>(() => SlaMonth.Parse("2026-3")).Code);
        Assert.False(SlaMonth.TryParse("March 2026", out _));
    }

    [Fact]
    public void Chicago_march_runs_from_local_midnight_to_local_midnight_across_the_clock_change()
    {
        var window = SlaMonth.Parse("2026-03").Window(Zone("America/Chicago"));

        // CST (UTC-6) on 1 March, CDT (UTC-5) on 1 April.
        Assert.Equal((Utc(2026, 3, 1, 6), Utc(2026, 4, 1, 5)), (window.Start, window.End));
    }

    [Fact]
    public void Havana_november_begins_at_the_first_of_its_two_midnights()
    {
        // Cuba turns the clocks back from 01:00 to 00:00 on 1 November 2026: midnight happens twice.
        Assert.Equal(Utc(2026, 11, 1, 4), SlaMonth.Parse("2026-11").Window(Zone("America/Havana")).Start);
    }

    [Fact]
    public void Day_whose_midnight_is_skipped_begins_when_the_gap_ends()
    {
        // Chile springs forward from 00:00 to 01:00 on 6 September 2026.
        Assert.Equal(Utc(2026, 9, 6, 4), SlaMonth.StartOfDay(new DateOnly(2026, 9, 6), Zone("America/Santiago")));
    }

    [Property(Replay = Properties.Replay, MaxTest = 500, Arbitrary = [typeof(Generated)])]
    public void Months_tile_time_and_every_instant_of_a_window_is_in_its_month_locally(MonthInZone c)
    {
        var window = c.Month.Window(c.Zone);
        var inside = window.Start.AddTicks((long)((window.End - window.Start).Ticks * c.Share));

        Assert.Equal(window.End, c.Month.AddMonths(1).Window(c.Zone).Start);
        Assert.Equal(c.Month, SlaMonth.Of(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(inside, c.Zone).DateTime)));
        Assert.Equal(c.Month.AddMonths(-1), SlaMonth.Of(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(window.Start.AddTicks(-1), c.Zone).DateTime)));
    }

    /// <summary>A month in a zone, and a point of its window as a share of its length.</summary>
    public sealed record MonthInZone(TimeZoneInfo Zone, SlaMonth Month, double Share);

    /// <summary>FsCheck's generator: zones with daylight saving at midnight, by half an hour, or none.</summary>
    public static class Generated
    {
        private static readonly string[] Zones = ["America/Chicago", "America/Havana", "America/Santiago", "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Chatham", "Europe/London", "UTC"];

        public static Arbitrary<MonthInZone> MonthsInZones() =>
            (from zone in Gen.Elements(Zones)
             from months in Gen.Choose(0, 12 * 30)
             from share in Gen.Choose(0, 1_000_000)
             select new MonthInZone(Zone(zone), SlaMonth.Of(new DateOnly(2010, 1, 1)).AddMonths(months), share / 1_000_000.0)).ToArbitrary();
    }

    [Fact]
    public void Contract_in_force_with_each_vendor_is_the_latest_that_took_effect_by_the_last_day()
    {
        var vendor = Guid.NewGuid();
        var old = Contract(vendor, new DateOnly(2025, 1, 1));
        var midMonth = Contract(vendor, new DateOnly(2026, 3, 20));
        var future = Contract(vendor, new DateOnly(2026, 4, 1));
        var other = Contract(Guid.NewGuid(), new DateOnly(2026, 2, 1));

        var inForce = SlaMonth.Parse("2026-03").InForce([old, midMonth, future, other]);

        Assert.Equal(new[] { midMonth, other }.OrderBy(c => c.VendorId), inForce);
    }

    private static Core.Contracts.SlaContract Contract(Guid vendor, DateOnly effective) =>
        new(Guid.NewGuid(), Guid.NewGuid(), vendor, effective, 48, Core.Contracts.TurnaroundClockKind.CalendarHours, "UTC",
            Core.Contracts.WorkingHours.MondayToFriday(new TimeOnly(8, 0), new TimeOnly(17, 0)), [], 95m, 72, true, false,
            new Core.Contracts.ServiceCreditSchedule(95m, 2m, 20m), Core.Codes.Money.Parse("100.00"), 3);
}
