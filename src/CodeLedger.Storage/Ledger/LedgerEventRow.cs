namespace CodeLedger.Storage.Ledger;

/// <summary>The stored form of a ledger event (table ledger_events). Rows are only ever inserted.</summary>
public sealed class LedgerEventRow
{
    public long Sequence { get; set; }

    public DateTimeOffset Instant { get; set; }

    public string Actor { get; set; } = string.Empty;

    public string Type { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public string Payload { get; set; } = string.Empty;

    public string PreviousHash { get; set; } = string.Empty;

    public string Hash { get; set; } = string.Empty;
}
