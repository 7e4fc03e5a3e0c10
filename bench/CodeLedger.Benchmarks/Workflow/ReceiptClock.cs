namespace CodeLedger.Benchmarks.Workflow;

/// <summary>Receipt on 1 April 2026, inside the bench BAA: intake benchmarks receive their encounters at this instant.</summary>
internal sealed class ReceiptClock : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(2026, 4, 1, 14, 0, 0, TimeSpan.Zero);
}
