namespace CodeLedger.Core.Ledger;

/// <summary>
/// Walks events in stored order and checks, for each, that its sequence number is the next one,
/// that it names the previous event's hash, and that its own hash is the SHA-256 of its canonical
/// form. An edited event fails its own hash; a deleted one leaves a gap; an inserted one either
/// has a wrong hash or breaks the link of the event after it; swapped events fail both.
/// </summary>
public sealed class LedgerVerifier
{
    private long _expected = 1;
    private string _previous = LedgerHash.Genesis;
    private LedgerVerification? _failure;

    public LedgerVerifier()
    {
    }

    private LedgerVerifier(long sequence, string hash)
    {
        _expected = sequence + 1;
        _previous = hash;
    }

    /// <summary>
    /// A walk that resumes after event <paramref name="sequence"/>, taken to have hash
    /// <paramref name="hash"/>: the events before it are not seen, so this checks only what follows.
    /// The caller answers for the prefix (a signed checkpoint it checked still holds, docs/LEDGER.md).
    /// <see cref="Count"/> counts the events walked, not the ledger's length.
    /// </summary>
    public static LedgerVerifier After(long sequence, string hash)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        return new(sequence, hash);
    }

    public long Count { get; private set; }

    public bool IsBroken => _failure is not null;

    /// <summary>Checks the next event; returns false (and keeps the first failure) when it does not verify.</summary>
    public bool Add(LedgerEntry e, long? line = null)
    {
        if (_failure is not null)
        {
            return false;
        }

        if (e.Sequence != _expected)
        {
            var reason = e.Sequence > _expected
                ? $"event {_expected} is missing (found {e.Sequence} after {_expected - 1})"
                : $"event {e.Sequence} is out of order or duplicated (expected {_expected})";
            return Fail(_expected, line, reason);
        }

        if (!string.Equals(e.PreviousHash, _previous, StringComparison.Ordinal))
        {
            return Fail(e.Sequence, line, $"event {e.Sequence} does not link to the hash of event {e.Sequence - 1}");
        }

        if (!LedgerHash.Matches(e))
        {
            return Fail(e.Sequence, line, $"event {e.Sequence} was altered: its content does not match its hash");
        }

        _previous = e.Hash;
        _expected++;
        Count++;
        return true;
    }

    public bool Fail(long sequence, long? line, string reason)
    {
        _failure ??= LedgerVerification.Broken(Count, sequence, line, reason, _previous);
        return false;
    }

    public LedgerVerification Result() => _failure ?? LedgerVerification.Intact(Count, _previous);

    public static LedgerVerification Verify(IEnumerable<LedgerEntry> entries)
    {
        var verifier = new LedgerVerifier();
        foreach (var e in entries)
        {
            if (!verifier.Add(e))
            {
                break;
            }
        }

        return verifier.Result();
    }
}
