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
        var writer = new ArrayBufferWriter<byte>(256 + payload.Length);
        Field(writer, FormatTag);
        Field(writer, sequence.ToString(CultureInfo.InvariantCulture));
        Field(writer, Instants.Format(instant));
        Field(writer, actor);
        Field(writer, type);
        Field(writer, subject);
        Field(writer, payload);
        Field(writer, previousHash);
        return Convert.ToHexStringLower(SHA256.HashData(writer.WrittenSpan));
    }

    public static string Compute(LedgerEntry e) => Compute(e.Sequence, e.Instant, e.Actor, e.Type, e.Subject, e.Payload, e.PreviousHash);

    private static void Field(ArrayBufferWriter<byte> writer, string value)
    {
        var byteCount = Encoding.UTF8.GetByteCount(value);
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{byteCount}:");
        Encoding.UTF8.GetBytes(prefix, writer);
        Encoding.UTF8.GetBytes(value, writer);
        writer.Write("\n"u8);
    }
}
