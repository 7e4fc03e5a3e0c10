using System.Runtime.CompilerServices;

namespace CodeLedger.X12.Reading;

/// <summary>
/// Codes repeat endlessly in claim files (qualifiers, CARCs, procedure codes, modifiers). This
/// small direct-mapped cache hands back the same string for the same bytes instead of allocating
/// a new one each time; a miss simply replaces the slot. Not thread-safe: one per parse.
/// </summary>
internal sealed class X12StringCache
{
    private const int MaxLength = 16;
    private const int SlotBits = 11;

    // Each slot keeps the value's bytes packed into two 64-bit words beside the string, so a hit
    // is two integer comparisons and never reads the string itself (which may sit anywhere in the
    // heap and cost a cache miss).
    private readonly Slot[] _slots = new Slot[1 << SlotBits];

    public string Get(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return string.Empty;
        }

        if (value.Length > MaxLength)
        {
            return X12Bytes.Text(value);
        }

        var (low, high) = Pack(value);
        var hash = unchecked(((low * 0x9E3779B97F4A7C15UL) ^ (high * 0xC2B2AE3D27D4EB4FUL) ^ (ulong)value.Length) * 0x9E3779B97F4A7C15UL);
        ref var slot = ref _slots[(int)(hash >> (64 - SlotBits))];
        if (slot.Low == low && slot.High == high && slot.Value is { } cached && cached.Length == value.Length)
        {
            // Equal bytes decode to the equal string, so a byte match is a string match. The
            // length check separates values that differ only by trailing zero bytes.
            return cached;
        }

        var created = X12Bytes.Text(value);
        slot = new Slot(low, high, created);
        return created;
    }

    public string? GetOrNull(ReadOnlySpan<byte> value) => value.IsEmpty ? null : Get(value);

    /// <summary>Up to 16 bytes as two little-endian words, zero padded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong Low, ulong High) Pack(ReadOnlySpan<byte> value)
    {
        // Codes are mostly 1–8 bytes: shifting them in directly beats padding a stack copy.
        ulong low = 0;
        ulong high = 0;
        var split = Math.Min(value.Length, 8);
        for (var i = split - 1; i >= 0; i--)
        {
            low = (low << 8) | value[i];
        }

        for (var i = value.Length - 1; i >= 8; i--)
        {
            high = (high << 8) | value[i];
        }

        return (low, high);
    }

    private readonly record struct Slot(ulong Low, ulong High, string? Value);
}
