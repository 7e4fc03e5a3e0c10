using System.Text.RegularExpressions;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Ledger.Checkpoints;

/// <summary>
/// What a vendor attests about its ledger at one moment: the ledger held events 1 to
/// <see cref="Sequence"/>, the last of them with hash <see cref="Head"/>, that many of each type.
/// Because each event's hash covers its predecessor's, the head pins every event before it: a
/// ledger that still holds an event <see cref="Sequence"/> with hash <see cref="Head"/> (and whose
/// chain verifies) holds exactly the events the receipt's reader was shown.
/// </summary>
public sealed partial record LedgerCheckpoint
{
    public LedgerCheckpoint(long sequence, string head, DateTimeOffset at, IReadOnlyDictionary<string, long> eventsByType)
    {
        if (sequence < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), sequence, "a checkpoint covers at least one event");
        }

        if (!IsHash(head))
        {
            throw new ArgumentException("the head is 64 lower-case hex digits", nameof(head));
        }

        if (eventsByType.Any(t => !IsEventType(t.Key) || t.Value < 1) || eventsByType.Values.Sum() != sequence)
        {
            throw new ArgumentException("events by type are dotted lower-case types with positive counts adding up to the sequence", nameof(eventsByType));
        }

        Sequence = sequence;
        Head = head;
        At = Instants.Normalize(at);
        EventsByType = new SortedDictionary<string, long>(eventsByType.ToDictionary(), StringComparer.Ordinal);
    }

    /// <summary>The last event the checkpoint covers (and how many it covers: sequences start at 1 with no gaps).</summary>
    public long Sequence { get; }

    /// <summary>The hash of event <see cref="Sequence"/>.</summary>
    public string Head { get; }

    /// <summary>When the checkpoint was taken (the injected clock, microseconds, UTC).</summary>
    public DateTimeOffset At { get; }

    /// <summary>How many of events 1..<see cref="Sequence"/> have each type, in ordinal order of the type.</summary>
    public IReadOnlyDictionary<string, long> EventsByType { get; }

    public bool Equals(LedgerCheckpoint? other) =>
        other is not null && Sequence == other.Sequence && Head == other.Head && At == other.At
        && EventsByType.SequenceEqual(other.EventsByType);

    public override int GetHashCode() => HashCode.Combine(Sequence, Head, At);

    /// <summary>A SHA-256 as the ledger writes it: 64 lower-case hex digits.</summary>
    public static bool IsHash(string? text) => text is not null && HashPattern().IsMatch(text);

    /// <summary>An event type as the ledger writes them (<c>encounter.received</c>, <c>phi.read-refused</c>): ASCII, so its order is the same in every language.</summary>
    public static bool IsEventType(string? text) => text is not null && EventTypePattern().IsMatch(text);

    [GeneratedRegex("^[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex HashPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex EventTypePattern();
}
