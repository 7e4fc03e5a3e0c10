using CodeLedger.Core.Common;

namespace CodeLedger.Core.Ledger.Checkpoints;

/// <summary>
/// Takes a checkpoint of a ledger read in order: walks the hash chain as <c>ledger verify</c> does
/// and counts the events by type. A ledger whose chain does not verify, or that is empty, gets no
/// checkpoint: a vendor's signature must never attest a broken chain.
/// </summary>
public sealed class CheckpointTally
{
    private readonly LedgerVerifier _chain;
    private readonly Dictionary<string, long> _byType = new(StringComparer.Ordinal);
    private long _lastSequence;
    private string? _lastHash;

    /// <summary>A tally of the whole ledger, from event 1.</summary>
    public CheckpointTally() => _chain = new LedgerVerifier();

    /// <summary>
    /// A tally that resumes at <paramref name="from"/>: its counts are taken as they stand and only
    /// the events after its sequence are walked (the first must link to its head). Give only a
    /// checkpoint whose signature verified under the signing key and whose event still has its hash
    /// in the ledger (<see cref="CheckpointResume"/>): the checkpoint answers for the prefix.
    /// </summary>
    public CheckpointTally(LedgerCheckpoint from)
    {
        _chain = LedgerVerifier.After(from.Sequence, from.Head);
        foreach (var (type, count) in from.EventsByType)
        {
            _byType[type] = count;
        }

        _lastSequence = from.Sequence;
        _lastHash = from.Head;
    }

    /// <summary>How many events this tally walked (after its starting checkpoint, if any).</summary>
    public long Walked => _chain.Count;

    /// <summary>Adds the next event; false once the chain is broken (the rest need not be read).</summary>
    public bool Add(LedgerEntry e)
    {
        if (!_chain.Add(e))
        {
            return false;
        }

        _byType[e.Type] = _byType.GetValueOrDefault(e.Type) + 1;
        _lastSequence = e.Sequence;
        _lastHash = e.Hash;
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

        if (_lastHash is null)
        {
            throw new DomainException(CheckpointErrors.LedgerNotIntact, "the ledger is empty: there is nothing to checkpoint");
        }

        if (_byType.Keys.FirstOrDefault(t => !LedgerCheckpoint.IsEventType(t)) is { } odd)
        {
            throw new DomainException(CheckpointErrors.LedgerNotIntact, $"the ledger holds an event type that is not dotted lower-case ASCII ({odd.Length} characters); no checkpoint is signed");
        }

        return new LedgerCheckpoint(_lastSequence, _lastHash, at, _byType);
    }
}
