namespace CodeLedger.X12.Reading;

/// <summary>
/// A small direct-mapped cache of immutable model values (a date reference, a diagnosis, a pointer
/// list) keyed by the bytes they were read from, packed into two numbers. Claim files repeat
/// the same values claim after claim; handing back the value built last time saves the parse and,
/// for objects, the allocation. The values are immutable, so sharing one is invisible to a consumer.
/// Keys are content, not object identity: identity hashes cost a runtime call each. A miss
/// replaces the slot. Not thread-safe: one per parse.
/// </summary>
internal sealed class X12Interner<T>
{
    private const int SlotBits = 8;
    private readonly Entry[] _slots = new Entry[1 << SlotBits];

    /// <summary>The slot for this key; <see cref="Entry.Matches"/> tells whether it holds the value.</summary>
    public ref Entry Slot(ulong low, ulong high)
    {
        var hash = unchecked(((low * 0x9E3779B97F4A7C15UL) ^ (high * 0xC2B2AE3D27D4EB4FUL)) * 0x9E3779B97F4A7C15UL);
        return ref _slots[(int)(hash >> (64 - SlotBits))];
    }

    internal struct Entry
    {
        private ulong _low;
        private ulong _high;

        private bool _filled;

        public T Value { get; private set; }

        public readonly bool Matches(ulong low, ulong high) => _low == low && _high == high && _filled;

        public T Store(ulong low, ulong high, T value)
        {
            _low = low;
            _high = high;
            _filled = true;
            Value = value;
            return value;
        }
    }
}

/// <summary>Helpers for interning keys.</summary>
internal static class X12Interning
{
    /// <summary>
    /// Up to eight bytes as one number (an amount such as 1234.56, a qualifier, a CARC). Zero
    /// padding keeps the key unique only when the value holds no zero byte, which valid X12 never
    /// does; a damaged value with one is refused, so it is parsed and reported, never matched to
    /// a cached value that lacks the zero.
    /// </summary>
    public static bool TryPack(ReadOnlySpan<byte> value, out ulong packed)
    {
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
