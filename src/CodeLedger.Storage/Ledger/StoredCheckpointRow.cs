namespace CodeLedger.Storage.Ledger;

/// <summary>
/// A signed checkpoint receipt kept in the database (table ledger_checkpoints), so that the next
/// checkpoint walks only the events after it (<see cref="LedgerCheckpoints"/>). Not ledgered: it is
/// a verification result about the ledger, not state the events describe (docs/LEDGER.md,
/// "Stored checkpoints"). Trusted only when <see cref="Receipt"/> verifies under the signing key.
/// </summary>
public sealed class StoredCheckpointRow
{
    /// <summary>The key id of the key that signed <see cref="Receipt"/> (for finding the signer's own rows).</summary>
    public string KeyId { get; set; } = string.Empty;

    public long Sequence { get; set; }

    public string Head { get; set; } = string.Empty;

    public DateTimeOffset SignedAt { get; set; }

    /// <summary>The receipt byte for byte as <c>ledger checkpoint</c> writes it (ASCII JSON).</summary>
    public string Receipt { get; set; } = string.Empty;
}
