using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace CodeLedger.X12.Reading;

/// <summary>
/// Codes repeat endlessly in claim files (qualifiers, CARCs, procedure codes, modifiers). This
/// small direct-mapped cache hands back the same string for the same bytes instead of allocating
/// a new one each time; a miss simply replaces the slot. Not thread-safe: one per parse.
/// <para>
/// Values that are mostly unique (identifiers, address lines) must not go through a cache at all:
/// each one would evict a hot code and turn its next use into a miss and an allocation. Person
/// names repeat within a file (one patient, several claims) but far less than codes, so they get
/// a small cache of their own.
/// </para>
/// </summary>
internal sealed class X12StringCache(int slotBits = 11)
{
    private const int MaxLength = 16;

    // Each slot keeps the value's bytes packed into two 64-bit words beside the string, so a hit
    // is two integer comparisons and never reads the string itself (which may sit anywhere in the
    // heap and cost a cache miss).
    private readonly Slot[] _slots = new Slot[1 << slotBits];
    private readonly int _shift = 64 - slotBits;

    public string Get(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return string.Empty;
        }

        // One- and two-byte codes (Y, N, P, 1…; HC, UN, MI, IL, 11, D8…) are most of the values
        // looked up: tables indexed by the bytes themselves, no hashing and no comparison.
        if (value.Length == 1 && value[0] < 0x80)
        {
            return OneByte[value[0]];
        }

        if (value.Length == 2)
        {
            var first = (uint)(value[0] - Printable);
            var second = (uint)(value[1] - Printable);
            if (first < PrintableCount && second < PrintableCount)
            {
                ref var known = ref TwoBytes[(first * PrintableCount) + second];
                return known ??= X12Bytes.Text(value);
            }
        }

        if (value.Length > MaxLength)
        {
            return X12Bytes.Text(value);
        }

        var (low, high) = Pack(value);
        var hash = unchecked(((low * 0x9E3779B97F4A7C15UL) ^ (high * 0xC2B2AE3D27D4EB4FUL) ^ (ulong)value.Length) * 0x9E3779B97F4A7C15UL);
        ref var slot = ref _slots[(int)(hash >> _shift)];
        if (slot.Low == low && slot.High == high && slot.Length == value.Length && slot.Value is { } cached)
        {
            // Equal bytes decode to the equal string, so a byte match is a string match. The
            // length check separates values that differ only by trailing zero bytes.
            return cached;
        }

        // ASCII (all X12 basic and extended character sets) widens byte for byte; anything else
        // is decoded as UTF-8.
        var created = ((low | high) & 0x8080808080808080UL) == 0 ? Widen(value.Length, low, high) : X12Bytes.Text(value);
        slot = new Slot(low, high, value.Length, created);
        return created;
    }

    private static readonly string[] OneByte = Enumerable.Range(0, 0x80).Select(b => ((char)b).ToString()).ToArray();

    private const int Printable = 0x20;
    private const int PrintableCount = 0x80 - Printable;

    // Filled as codes are first seen and shared by every parse: two threads that fill the same
    // entry at once store equal strings, and either one is right.
    private static readonly string?[] TwoBytes = new string?[PrintableCount * PrintableCount];

    public string? GetOrNull(ReadOnlySpan<byte> value) => value.IsEmpty ? null : Get(value);

    /// <summary>
    /// The bytes as two little-endian words, zero past the end. Two overlapping loads cover any
    /// length: the bytes they share land on the same bits, so OR-ing them changes nothing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong Low, ulong High) Pack(ReadOnlySpan<byte> value)
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

    private static string Widen(int length, ulong low, ulong high) =>
        string.Create(length, (low, high), static (chars, words) =>
        {
            var (low, high) = words;
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)(byte)(i < 8 ? low >> (i * 8) : high >> ((i - 8) * 8));
            }
        });

    // The length sits in the slot so that a hit never reads the string, which may be anywhere in the heap.
    private readonly record struct Slot(ulong Low, ulong High, int Length, string? Value);
}
