using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Ledger;

/// <summary>
/// The canonical form of a ledger event and its SHA-256 (docs/LEDGER.md). The canonical form is
/// the concatenation of eight length-prefixed UTF-8 fields, each written as
/// <c>{byte length in decimal}:{bytes}\n</c>:
/// the format tag <c>codeledger-ledger-v1</c>, the sequence number in decimal, the instant as
/// <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>, actor, type, subject, payload and the previous hash.
/// Length prefixes make the form unambiguous whatever the fields contain, and are easy to
/// reproduce in any language.
/// </summary>
public static class LedgerHash
{
    public const string FormatTag = "codeledger-ledger-v1";

    /// <summary>The previous hash of the first event.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Compute(long sequence, DateTimeOffset instant, string actor, string type, string subject, string payload, string previousHash)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        Hash(sequence, instant, actor, type, subject, payload, default, previousHash, digest);
        return Convert.ToHexStringLower(digest);
    }

    public static string Compute(LedgerEntry e) => Compute(e.Sequence, e.Instant, e.Actor, e.Type, e.Subject, e.Payload, e.PreviousHash);

    /// <summary>
    /// Whether the entry's stored hash is the SHA-256 of its canonical form: the same test as comparing
    /// with <see cref="Compute(LedgerEntry)"/>, without building the hash's text (a full verification
    /// hashes every event, millions of them).
    /// </summary>
    public static bool Matches(LedgerEntry e)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        if (e.TryGetPayloadUtf8(out var payload))
        {
            // Read as stored bytes: hashed as they are, with no string between (LedgerEntry.FromUtf8Payload).
            Hash(e.Sequence, e.Instant, e.Actor, e.Type, e.Subject, null, payload, e.PreviousHash, digest);
        }
        else
        {
            Hash(e.Sequence, e.Instant, e.Actor, e.Type, e.Subject, e.Payload, default, e.PreviousHash, digest);
        }

        Span<char> hex = stackalloc char[SHA256.HashSizeInBytes * 2];
        Convert.TryToHexStringLower(digest, hex, out _);
        return e.Hash.AsSpan().SequenceEqual(hex);
    }

    /// <summary>
    /// The canonical form written into one pooled buffer and hashed with this thread's SHA-256 context (ThreadSha256): the
    /// numbers and the instant are formatted straight to UTF-8, so no field becomes an intermediate string.
    /// </summary>
    /// <remarks>The payload is <paramref name="payload"/>'s text, or when that is null the UTF-8 bytes <paramref name="payloadUtf8"/>.</remarks>
    private static void Hash(long sequence, DateTimeOffset instant, string actor, string type, string subject, string? payload, ReadOnlySpan<byte> payloadUtf8, string previousHash, Span<byte> digest)
    {
        // The instant's one text form (Instants.Format), written as ASCII bytes.
        Span<byte> instantBytes = stackalloc byte[64];
        if (!Instants.Normalize(instant).UtcDateTime.TryFormat(instantBytes, out var instantLength, InstantFormat, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("an instant's text form did not fit its buffer");
        }

        Span<byte> sequenceBytes = stackalloc byte[20];
        sequence.TryFormat(sequenceBytes, out var sequenceLength, default, CultureInfo.InvariantCulture);

        // Each field is at most its prefix (a decimal length, at most 11 digits, and ':'), its bytes and '\n'.
        var capacity = (3 * 14) + FormatTag.Length + sequenceLength + instantLength + (5 * 14)
            + Encoding.UTF8.GetMaxByteCount(actor.Length) + Encoding.UTF8.GetMaxByteCount(type.Length) + Encoding.UTF8.GetMaxByteCount(subject.Length)
            + (payload is null ? payloadUtf8.Length : Encoding.UTF8.GetMaxByteCount(payload.Length)) + Encoding.UTF8.GetMaxByteCount(previousHash.Length);
        var buffer = ArrayPool<byte>.Shared.Rent(capacity);
        try
        {
            var at = 0;
            Bytes(buffer, ref at, FormatTagBytes);
            Bytes(buffer, ref at, sequenceBytes[..sequenceLength]);
            Bytes(buffer, ref at, instantBytes[..instantLength]);
            Text(buffer, ref at, actor);
            Text(buffer, ref at, type);
            Text(buffer, ref at, subject);
            if (payload is null)
            {
                Bytes(buffer, ref at, payloadUtf8);
            }
            else
            {
                Text(buffer, ref at, payload);
            }

            Text(buffer, ref at, previousHash);
            ThreadSha256.Hash(buffer.AsSpan(0, at), digest);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // FormatTag as UTF-8 (LedgerHashTests pins the canonical form, so the two cannot drift apart unnoticed).
    private static ReadOnlySpan<byte> FormatTagBytes => "codeledger-ledger-v1"u8;

    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary>Writes <c>{byte length}:{bytes}\n</c> for a field already in UTF-8.</summary>
    private static void Bytes(byte[] buffer, ref int at, ReadOnlySpan<byte> value)
    {
        value.Length.TryFormat(buffer.AsSpan(at), out var written, default, CultureInfo.InvariantCulture);
        at += written;
        buffer[at++] = (byte)':';
        value.CopyTo(buffer.AsSpan(at));
        at += value.Length;
        buffer[at++] = (byte)'\n';
    }

    /// <summary>Writes <c>{byte length}:{bytes}\n</c> for a text field, encoded straight into the buffer.</summary>
    private static void Text(byte[] buffer, ref int at, string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        count.TryFormat(buffer.AsSpan(at), out var written, default, CultureInfo.InvariantCulture);
        at += written;
        buffer[at++] = (byte)':';
        at += Encoding.UTF8.GetBytes(value, buffer.AsSpan(at));
        buffer[at++] = (byte)'\n';
    }
}
