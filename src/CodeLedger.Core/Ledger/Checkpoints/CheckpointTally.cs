using CodeLedger.Core.Common;

namespace CodeLedger.Core.Ledger.Checkpoints;

/// <summary>
/// Takes a checkpoint of a ledger read in order: walks the hash chain as <c>ledger verify</c> does
/// and counts the events by type. A ledger whose chain does not verify, or that is empty, gets no
/// checkpoint: a vendor's signature must never attest a broken chain.
/// </summary>
public sealed class CheckpointTally
{
    private readonly LedgerVerifier _chain = new();
    private readonly Dictionary<string, long> _byType = new(StringComparer.Ordinal);
    private LedgerEntry? _last;

    /// <summary>Adds the next event; false once the chain is broken (the rest need not be read).</summary>
    public bool Add(LedgerEntry e)
    {
        if (!_chain.Add(e))
        {
            return false;
        }

        _byType[e.Type] = _byType.GetValueOrDefault(e.Type) + 1;
        _last = e;
        return true;
    }

    public LedgerCheckpoint Checkpoint(DateTimeOffset at)
    {
        var chain = _chain.Result();
        if (!chain.IsIntact)
        {
            throw new DomainException(CheckpointErrors.LedgerNotIntact,
                $"the ledger does not verify (BROKEN at sequence {chain.FailedSequence}: {chain.Reason}); no checkpoint is signed for a broken chain");
        }

        if (_last is null)
        {
            throw new DomainException(CheckpointErrors.LedgerNotIntact, "the ledger is empty: there is nothing to checkpoint");
        }

        if (_byType.Keys.FirstOrDefault(t => !LedgerCheckpoint.IsEventType(t)) is { } odd)
        {
            throw new DomainException(CheckpointErrors.LedgerNotIntact, $"the ledger holds an event type that is not dotted lower-case ASCII ({odd.Length} characters); no checkpoint is signed");
        }

        return new LedgerCheckpoint(_last.Sequence, _last.Hash, at, _byType);
    }
}
