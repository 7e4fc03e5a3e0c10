using System.Diagnostics.CodeAnalysis;

namespace CodeLedger.X12.Reading;

/// <summary>
/// A small cache of immutable model values (a date reference, a diagnosis, a pointer list) keyed
/// by the bytes they were read from, packed into two numbers. Claim files repeat the same values
/// claim after claim; handing back the value built last time saves the parse and, for objects,
/// the allocation. The values are immutable, so sharing one is invisible to a consumer.
/// Keys are content, not object identity: identity hashes cost a runtime call each.
/// <para>
/// Two-way set associative: a key may sit in either entry of its set, and a miss moves the set's
/// newer entry over the older one. Direct mapping (one entry per hash) let two values that
/// happen to share a slot evict each other on every use: in the benchmark's 837P, three pairs
/// of its 24 diagnoses did, and each such claim allocated its diagnoses afresh. Not thread-safe:
/// one per parse.
/// </para>
/// </summary>
internal sealed class X12Interner<T>
{
    private const int SetBits = 8;
    private readonly Entry[] _entries = new Entry[2 << SetBits];

    /// <summary>The value stored for this key, if it is still held.</summary>
    public bool TryGet(ulong low, ulong high, [MaybeNullWhen(false)] out T value)
    {
        var first = SetOf(low, high) * 2;
        ref var newer = ref _entries[first];
        if (newer.Matches(low, high))
        {
            value = newer.Value;
            return true;
        }

        ref var older = ref _entries[first + 1];
        if (older.Matches(low, high))
        {
            value = older.Value;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Keeps the value for this key, in place of the older of its set's two entries.</summary>
    public T Add(ulong low, ulong high, T value)
    {
        var first = SetOf(low, high) * 2;
        _entries[first + 1] = _entries[first];
        _entries[first] = new Entry(low, high, value, Filled: true);
        return value;
    }

    internal static int SetOf(ulong low, ulong high)
    {
        var hash = unchecked(((low * 0x9E3779B97F4A7C15UL) ^ (high * 0xC2B2AE3D27D4EB4FUL)) * 0x9E3779B97F4A7C15UL);
        return (int)(hash >> (64 - SetBits));
    }

    private readonly record struct Entry(ulong Low, ulong High, T Value, bool Filled)
    {
        // An empty entry never matches, not even the key (0, 0).
        public bool Matches(ulong low, ulong high) => Low == low && High == high && Filled;
    }
}

/// <summary>Helpers for interning keys.</summary>
internal static class X12Interning
{
    /// <summary>
    /// Up to eight bytes as one number (an amount such as 1234.56, a qualifier, a CARC), the first
    /// byte lowest. Zero padding keeps the key unique only when the value holds no zero byte,
    /// which valid X12 never does; a damaged value with one is refused, so it is parsed and
    /// reported, never matched to a cached value that lacks the zero.
    /// </summary>
    public static bool TryPack(ReadOnlySpan<byte> value, out ulong packed)
    {
        // Byte by byte: packing with overlapping loads and a word-wide zero test measured within
        // the noise of this loop on a whole parse (docs/PERFORMANCE.md).
        packed = 0;
        if (value.Length > 8)
        {
            return false;
        }

        for (var i = value.Length - 1; i >= 0; i--)
        {
            if (value[i] == 0)
            {
                packed = 0;
                return false;
            }

            packed = (packed << 8) | value[i];
        }

        return true;
    }
}
