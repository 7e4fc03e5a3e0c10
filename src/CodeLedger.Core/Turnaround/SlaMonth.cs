using System.Globalization;
using CodeLedger.Core.Common;
using CodeLedger.Core.Contracts;

namespace CodeLedger.Core.Turnaround;

/// <summary>
/// A calendar month of an SLA report, read in the contract's time zone: an encounter belongs to the
/// month in which it was finalized there. The window runs from the first instant of the 1st, local
/// time, to the first instant of the next month's 1st, so consecutive months tile time with no gap
/// and no overlap, whatever daylight saving does at midnight.
/// </summary>
public readonly record struct SlaMonth : IComparable<SlaMonth>
{
    private SlaMonth(DateOnly first) => First = first;

    /// <summary>The month's first day.</summary>
    public DateOnly First { get; }

    /// <summary>The month's last day: a contract is in force in the month when it took effect by then.</summary>
    public DateOnly Last => First.AddMonths(1).AddDays(-1);

    public static SlaMonth Of(DateOnly day) => new(new DateOnly(day.Year, day.Month, 1));

    public static bool TryParse(string? text, out SlaMonth month)
    {
        var ok = DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first);
        month = ok ? new SlaMonth(first) : default;
        return ok;
    }

    public static SlaMonth Parse(string text) =>
        TryParse(text, out var month) ? month : throw new DomainException(ContractErrors.Month, $"month '{text}' is not YYYY-MM");

    public SlaMonth AddMonths(int months) => new(First.AddMonths(months));

    /// <summary>The month as UTC instants [start, end) in <paramref name="zone"/>.</summary>
    public TimePeriod Window(TimeZoneInfo zone) => new(StartOfDay(First, zone), StartOfDay(First.AddMonths(1), zone));

    /// <summary>
    /// The first instant of a local day. Where midnight falls in a spring-forward gap (Santiago,
    /// Havana, Beirut change at midnight) the day begins when the gap ends; where it is repeated by
    /// a fall-back, at its first occurrence.
    /// </summary>
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        var offset = zone.IsInvalidTime(midnight) ? zone.GetUtcOffset(midnight.AddHours(-3))
            : zone.IsAmbiguousTime(midnight) ? zone.GetAmbiguousTimeOffsets(midnight).Max()
            : zone.GetUtcOffset(midnight);
        return new DateTimeOffset(midnight, offset).ToUniversalTime();
    }

    /// <summary>Of a practice's contracts, the one in force with each vendor in the month: the latest that took effect by its last day.</summary>
    public IReadOnlyList<SlaContract> InForce(IEnumerable<SlaContract> contracts)
    {
        var last = Last;
        return [.. contracts.Where(c => c.EffectiveOn <= last).GroupBy(c => c.VendorId).Select(g => g.MaxBy(c => c.EffectiveOn)!).OrderBy(c => c.VendorId)];
    }

    public int CompareTo(SlaMonth other) => First.CompareTo(other.First);

    public static bool operator <(SlaMonth a, SlaMonth b) => a.CompareTo(b) < 0;

    public static bool operator >(SlaMonth a, SlaMonth b) => a.CompareTo(b) > 0;

    public static bool operator <=(SlaMonth a, SlaMonth b) => a.CompareTo(b) <= 0;

    public static bool operator >=(SlaMonth a, SlaMonth b) => a.CompareTo(b) >= 0;

    public override string ToString() => First.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
