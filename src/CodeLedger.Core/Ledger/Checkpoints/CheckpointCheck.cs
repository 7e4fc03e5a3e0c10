using CodeLedger.Core.Common;

namespace CodeLedger.Core.Ledger.Checkpoints;

/// <summary>
/// Checks a ledger, read in order, against receipts a practice kept. For each receipt: its
/// signature verifies against the key it states; that key is the one the user pins, when one is
/// pinned; the ledger still holds an event with the receipt's sequence and hash (a ledger cut
/// short fails <c>CHECKPOINT-TRUNCATED</c>, one rewritten at or before that event, even with a
/// consistently recomputed chain, fails <c>CHECKPOINT-REWRITTEN</c>); and the events up to it have
/// the counts by type the receipt states. The hash chain itself is <c>ledger verify</c>'s walk;
/// this check reads only sequences, hashes and types, in one pass.
/// </summary>
public sealed class CheckpointCheck
{
    private readonly List<Pending> _pending;
    private readonly Dictionary<string, long> _byType = new(StringComparer.Ordinal);
    private readonly List<CheckpointFinding> _findings = [];
    private long _last;
    private long _seen;

    public CheckpointCheck(IEnumerable<(string Source, CheckpointReceipt Receipt)> receipts, KeyPin? pin)
    {
        _pending = [];
        foreach (var (source, receipt) in receipts)
        {
            if (!receipt.SignatureVerifies())
            {
                _findings.Add(new(source, receipt, CheckpointErrors.Signature,
                    $"the signature does not verify against the receipt's own public key (key id {receipt.PublicKey.KeyId}): the receipt was altered after it was signed"));
            }
            else if (pin is not null && !pin.Matches(receipt.PublicKey))
            {
                _findings.Add(new(source, receipt, CheckpointErrors.KeyNotPinned,
                    $"signed by key id {receipt.PublicKey.KeyId}, not the pinned key id {pin.KeyId}"));
            }
            else
            {
                _pending.Add(new(source, receipt, pin is not null));
            }
        }

        _pending.Sort((a, b) => a.Receipt.Checkpoint.Sequence.CompareTo(b.Receipt.Checkpoint.Sequence));
    }

    /// <summary>Sees the next event of the ledger, in stored order.</summary>
    public void Add(LedgerEntry e)
    {
        _seen++;
        var before = _last;
        _last = Math.Max(_last, e.Sequence);
        _byType[e.Type] = _byType.GetValueOrDefault(e.Type) + 1;
        while (_pending.Count > 0 && _pending[0].Receipt.Checkpoint.Sequence <= e.Sequence)
        {
            var p = _pending[0];
            _pending.RemoveAt(0);
            _findings.Add(p.Receipt.Checkpoint.Sequence == e.Sequence ? Judge(p, e) : Missing(p, $"event {p.Receipt.Checkpoint.Sequence} is not in the ledger (event {e.Sequence} follows event {before})"));
        }
    }

    /// <summary>One finding per receipt, in the order the receipts were given; ok when <see cref="CheckpointFinding.Error"/> is null.</summary>
    public IReadOnlyList<CheckpointFinding> Finish()
    {
        foreach (var p in _pending)
        {
            _findings.Add(new(p.Source, p.Receipt, CheckpointErrors.Truncated,
                _seen == 0
                    ? $"the ledger is empty, but the receipt signed {Instants.Format(p.Receipt.Checkpoint.At)} attests event {p.Receipt.Checkpoint.Sequence} with hash {p.Receipt.Checkpoint.Head}: every event was removed"
                    : $"the ledger ends at event {_last}, but the receipt signed {Instants.Format(p.Receipt.Checkpoint.At)} attests event {p.Receipt.Checkpoint.Sequence} with hash {p.Receipt.Checkpoint.Head}: events the practice was shown have been removed"));
        }

        _pending.Clear();
        return _findings;
    }

    private CheckpointFinding Judge(Pending p, LedgerEntry e)
    {
        var c = p.Receipt.Checkpoint;
        if (!string.Equals(e.Hash, c.Head, StringComparison.Ordinal))
        {
            return new(p.Source, p.Receipt, CheckpointErrors.Rewritten,
                $"event {c.Sequence} now has hash {e.Hash}, but the receipt signed {Instants.Format(c.At)} attests {c.Head}: the ledger was rewritten at or before event {c.Sequence}");
        }

        var differ = c.EventsByType.Keys.Union(_byType.Keys, StringComparer.Ordinal)
            .Where(t => c.EventsByType.GetValueOrDefault(t) != _byType.GetValueOrDefault(t))
            .Order(StringComparer.Ordinal)
            .Select(t => $"{t} {_byType.GetValueOrDefault(t)} (receipt {c.EventsByType.GetValueOrDefault(t)})")
            .ToList();
        if (differ.Count > 0)
        {
            return new(p.Source, p.Receipt, CheckpointErrors.Counts,
                $"events 1 to {c.Sequence} by type differ from the receipt signed {Instants.Format(c.At)}: {string.Join(", ", differ)}");
        }

        var pinned = p.Pinned ? "the pinned key" : "not pinned: compare it with the key id the vendor published, or pass --public-key";
        return new(p.Source, p.Receipt, null,
            $"event {c.Sequence} still has hash {c.Head}; signed {Instants.Format(c.At)} by key id {p.Receipt.PublicKey.KeyId} ({pinned})");
    }

    private static CheckpointFinding Missing(Pending p, string why) =>
        new(p.Source, p.Receipt, CheckpointErrors.Truncated, $"{why}, but the receipt signed {Instants.Format(p.Receipt.Checkpoint.At)} attests it with hash {p.Receipt.Checkpoint.Head}: events the practice was shown have been removed");

    private sealed record Pending(string Source, CheckpointReceipt Receipt, bool Pinned);
}

/// <summary>What checking one receipt found: <see cref="Error"/> null when the ledger still holds what it attests.</summary>
public sealed record CheckpointFinding(string Source, CheckpointReceipt Receipt, ErrorCode? Error, string Message)
{
    public bool IsOk => Error is null;
}
