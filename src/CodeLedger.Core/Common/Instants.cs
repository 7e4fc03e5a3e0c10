namespace CodeLedger.Core.Common;

/// <summary>
/// Instants are stored in UTC with microsecond precision: PostgreSQL's timestamptz keeps
/// microseconds, so anything finer would not survive a round trip and would break hashes
/// computed before and after storage.
/// </summary>
public static class Instants
{
    public static DateTimeOffset Normalize(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    public static DateTimeOffset Now(TimeProvider time) => Normalize(time.GetUtcNow());

    /// <summary>The one text form of an instant used in hashes, exports and JSON: 2026-01-31T14:05:09.123456Z.</summary>
    public static string Format(DateTimeOffset instant) =>
        Normalize(instant).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
