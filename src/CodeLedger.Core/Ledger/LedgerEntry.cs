using System.Text;

namespace CodeLedger.Core.Ledger;

/// <summary>
/// One event of the tamper-evident ledger, exactly as stored and exported. <see cref="Payload"/>
/// is the JSON text byte for byte as it was hashed; it never holds PHI (hashes of PHI at most).
/// </summary>
/// <remarks>
/// A reader that holds the payload's stored UTF-8 bytes keeps them (<see cref="FromUtf8Payload"/>):
/// replay verification hashes every payload and reads its JSON, both from UTF-8, and decoding millions
/// of payloads into strings only to encode them again was a third of the strings it made
/// (docs/PERFORMANCE.md). <see cref="Payload"/> is then decoded on first use. Two entries are equal when
/// every field, the payload's text included, is equal, however each was made.
/// </remarks>
public sealed record LedgerEntry
{
    private readonly byte[]? _payloadUtf8;
    private string? _payload;

    public LedgerEntry(long sequence, DateTimeOffset instant, string actor, string type, string subject, string payload, string previousHash, string hash)
        : this(sequence, instant, actor, type, subject, previousHash, hash)
    {
        _payload = payload;
    }

    private LedgerEntry(long sequence, DateTimeOffset instant, string actor, string type, string subject, string previousHash, string hash)
    {
        Sequence = sequence;
        Instant = instant;
        Actor = actor;
        Type = type;
        Subject = subject;
        PreviousHash = previousHash;
        Hash = hash;
    }

    private LedgerEntry(long sequence, DateTimeOffset instant, string actor, string type, string subject, byte[] payloadUtf8, string previousHash, string hash)
        : this(sequence, instant, actor, type, subject, previousHash, hash)
    {
        _payloadUtf8 = payloadUtf8;
    }

    /// <summary>An entry whose payload is the UTF-8 bytes <paramref name="payloadUtf8"/> as stored (kept, not copied).</summary>
    public static LedgerEntry FromUtf8Payload(long sequence, DateTimeOffset instant, string actor, string type, string subject, byte[] payloadUtf8, string previousHash, string hash)
    {
        ArgumentNullException.ThrowIfNull(payloadUtf8);
        return new LedgerEntry(sequence, instant, actor, type, subject, payloadUtf8, previousHash, hash);
    }

    public long Sequence { get; init; }

    public DateTimeOffset Instant { get; init; }

    public string Actor { get; init; }

    public string Type { get; init; }

    public string Subject { get; init; }

    /// <summary>The payload's JSON text (decoded from its UTF-8 bytes on first use when the entry was read as bytes).</summary>
    public string Payload
    {
        get => _payload ??= Encoding.UTF8.GetString(_payloadUtf8!);
        init
        {
            _payload = value;
            _payloadUtf8 = null;
        }
    }

    public string PreviousHash { get; init; }

    public string Hash { get; init; }

    /// <summary>The payload's UTF-8 bytes as the reader held them, when it did (<see cref="FromUtf8Payload"/>).</summary>
    public bool TryGetPayloadUtf8(out ReadOnlySpan<byte> utf8)
    {
        utf8 = _payloadUtf8;
        return _payloadUtf8 is not null;
    }

    public bool Equals(LedgerEntry? other) =>
        other is not null
        && Sequence == other.Sequence && Instant.Equals(other.Instant)
        && string.Equals(Actor, other.Actor, StringComparison.Ordinal) && string.Equals(Type, other.Type, StringComparison.Ordinal)
        && string.Equals(Subject, other.Subject, StringComparison.Ordinal) && string.Equals(Payload, other.Payload, StringComparison.Ordinal)
        && string.Equals(PreviousHash, other.PreviousHash, StringComparison.Ordinal) && string.Equals(Hash, other.Hash, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Sequence, Instant, Type, Subject, Hash);

    public void Deconstruct(out long sequence, out DateTimeOffset instant, out string actor, out string type, out string subject, out string payload, out string previousHash, out string hash) =>
        (sequence, instant, actor, type, subject, payload, previousHash, hash) = (Sequence, Instant, Actor, Type, Subject, Payload, PreviousHash, Hash);
}
