namespace CodeLedger.Core.Ledger;

/// <summary>
/// One event of the tamper-evident ledger, exactly as stored and exported. <see cref="Payload"/>
/// is the JSON text byte for byte as it was hashed; it never holds PHI (hashes of PHI at most).
/// </summary>
public sealed record LedgerEntry(
    long Sequence,
    DateTimeOffset Instant,
    string Actor,
    string Type,
    string Subject,
    string Payload,
    string PreviousHash,
    string Hash);
