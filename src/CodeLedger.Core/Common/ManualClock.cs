namespace CodeLedger.Core.Common;

/// <summary>
/// A clock that moves only when told. The demo runs a simulated month on it, so the same seed
/// gives the same ledger byte for byte; tests use FakeTimeProvider for the same reason.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = Instants.Normalize(start);

    public override DateTimeOffset GetUtcNow() => _now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Moves to an instant; never backwards, because a ledger's instants only increase.</summary>
    public void MoveTo(DateTimeOffset instant)
    {
        var next = Instants.Normalize(instant);
        if (next > _now)
        {
            _now = next;
        }
    }
}
