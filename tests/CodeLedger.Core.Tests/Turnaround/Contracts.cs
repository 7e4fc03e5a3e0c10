using CodeLedger.Core.Codes;
using CodeLedger.Core.Contracts;

namespace CodeLedger.Core.Tests.Turnaround;

/// <summary>Contracts as a practice in Chicago signs them: 48 business hours, 8:00–17:00 Monday to Friday, Memorial Day off.</summary>
internal static class Contracts
{
    public static readonly DateOnly MemorialDay = new(2026, 5, 25);

    public static SlaContract Chicago(TurnaroundClockKind clock = TurnaroundClockKind.BusinessHours, bool pausesForQueries = true, int targetHours = 48) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2026, 1, 1), targetHours, clock, "America/Chicago",
            WorkingHours.MondayToFriday(new TimeOnly(8, 0), new TimeOnly(17, 0)), [new DateOnly(2026, 1, 1), MemorialDay],
            95m, 72, pausesForQueries, correctedDocumentationRestartsClock: false,
            new ServiceCreditSchedule(95m, 2m, 20m), Money.Parse("12500.00"), remediationAfterConsecutiveBreachMonths: 3);

    /// <summary>A wall-clock time in Chicago as an instant.</summary>
    public static DateTimeOffset Local(int month, int day, int hour, int minute = 0)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        var local = new DateTime(2026, month, day, hour, minute, 0);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
