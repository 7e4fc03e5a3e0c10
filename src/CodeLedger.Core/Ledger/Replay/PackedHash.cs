using System.Buffers;
using System.Collections.Concurrent;

namespace CodeLedger.Core.Ledger.Replay;

/// <summary>
/// A PHI hash as the replay fold holds it, one per note, per demographics and per query text, so a
/// million encounters hold a few million: the text <c>hmac-sha256:KEYID:HEX</c> (about 230 bytes as
/// a .NET string) is kept as its prefix up to the last colon, shared, and its lower-case hex digits
/// as bytes (56 bytes for a SHA-256). Any other text is kept as it is. <see cref="Text"/> gives back
/// exactly the text packed.
/// </summary>
internal readonly struct PackedHash
{
    // Prefixes are one per PHI key, so a few; the cap keeps an adversarial ledger from growing the
    // shared table (beyond it a prefix is simply not shared).
    private const int MaxSharedPrefixes = 64;
    private static readonly ConcurrentDictionary<string, string> Prefixes = new(StringComparer.Ordinal);
    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

    private readonly string? _head;
    private readonly byte[]? _digits;

    private PackedHash(string? head, byte[]? digits)
    {
        _head = head;
        _digits = digits;
    }

    public static PackedHash Of(string? text)
    {
        if (text is null)
        {
            return default;
        }

        var colon = text.LastIndexOf(':');
        var hex = text.AsSpan(colon + 1);
        if (hex.Length == 0 || hex.Length % 2 != 0 || hex.ContainsAnyExcept(LowerHex))
        {
            return new PackedHash(text, null);
        }

        var head = text.AsSpan(0, colon + 1);
        var shared = Prefixes.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(head, out var known)
            ? known
            : Prefixes.Count < MaxSharedPrefixes ? Prefixes.GetOrAdd(head.ToString(), static h => h) : head.ToString();
        return new PackedHash(shared, Convert.FromHexString(hex));
    }

    public bool IsNull => _head is null;

    public string? Text => _digits is null ? _head : string.Concat(_head, Convert.ToHexStringLower(_digits));
}
