using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

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
        var length = value.Length;
        if (length > 8)
        {
            packed = 0;
            return false;
        }

        if (length == 0)
        {
            packed = 0;
            return true;
        }

        packed = Pack(value).Low;

        // Bytes past the end are set to 0xFF so that only the value's own can read as zero; then
        // the classic test (v − 0x01…01) & ~v & 0x80…80 is non-zero exactly when a byte is zero.
        var padded = packed | (length == 8 ? 0 : ~0UL << (length * 8));
        if (((padded - 0x0101010101010101UL) & ~padded & 0x8080808080808080UL) != 0)
        {
            packed = 0;
            return false;
        }

        return true;
    }

    /// <summary>
    /// Up to sixteen bytes as two little-endian words, zero past the end. Two overlapping loads
    /// cover any length: the bytes they share land on the same bits, so OR-ing them changes nothing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (ulong Low, ulong High) Pack(ReadOnlySpan<byte> value)
    {
        var length = value.Length;
        if (length >= 8)
        {
            var low = BinaryPrimitives.ReadUInt64LittleEndian(value);
            var high = length == 8 ? 0 : BinaryPrimitives.ReadUInt64LittleEndian(value[(length - 8)..]) >> ((16 - length) * 8);
            return (low, high);
        }

        if (length >= 4)
        {
            return (BinaryPrimitives.ReadUInt32LittleEndian(value) | ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(value[(length - 4)..]) << ((length - 4) * 8)), 0);
        }

        if (length >= 2)
        {
            return (BinaryPrimitives.ReadUInt16LittleEndian(value) | ((ulong)BinaryPrimitives.ReadUInt16LittleEndian(value[(length - 2)..]) << ((length - 2) * 8)), 0);
        }

        return (value[0], 0);
    }
}
