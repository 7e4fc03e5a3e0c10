namespace CodeLedger.Core.Ledger;

/// <summary>
/// The outcome of walking a ledger. When broken, <see cref="FailedSequence"/> is the first
/// sequence number whose event does not verify (for a deleted event: the number that is missing),
/// and <see cref="FailedLine"/> the 1-based line of an export where that was found.
/// </summary>
public sealed record LedgerVerification(long EventCount, bool IsIntact, long? FailedSequence, long? FailedLine, string? Reason, string HeadHash)
{
    public static LedgerVerification Intact(long count, string head) => new(count, true, null, null, null, head);

    public static LedgerVerification Broken(long countBefore, long sequence, long? line, string reason, string head) =>
        new(countBefore, false, sequence, line, reason, head);
}
