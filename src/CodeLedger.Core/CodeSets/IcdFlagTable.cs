namespace CodeLedger.Core.CodeSets;

/// <summary>
/// The edit engine's ICD-10-CM lookup: an open-addressing table of longs, each slot the packed
/// code (<see cref="IcdKeys.Pack"/>, under 2^37) with the entry's flags in bits 40-47. A lookup is
/// one multiply, usually one cache line, and no object: the profile showed the frozen dictionary's
/// bucket and entry arrays costing two cache misses per diagnosis.
/// </summary>
internal sealed class IcdFlagTable
{
    private const int FlagShift = 40;
    private const long KeyMask = (1L << FlagShift) - 1;

    private readonly long[] slots;
    private readonly int shift;

    public IcdFlagTable(IReadOnlyCollection<(long Key, byte Flags)> entries)
    {
        // At most half full, so probe runs stay short; the size is a power of two.
        var bits = 4;
        while ((1 << bits) < entries.Count * 2)
        {
            bits++;
        }

        slots = new long[1 << bits];
        shift = 64 - bits;
        foreach (var (key, flags) in entries)
        {
            var i = Slot(key);
            while (slots[i] != 0)
            {
                i = (i + 1) & (slots.Length - 1);
            }

            slots[i] = key | ((long)flags << FlagShift);
        }
    }

    /// <summary>The flags of the code, or 0 when the release does not hold it.</summary>
    public byte Flags(long key)
    {
        if (key <= 0)
        {
            return 0;
        }

        var mask = slots.Length - 1;
        for (var i = Slot(key); ; i = (i + 1) & mask)
        {
            var slot = slots[i];
            if (slot == 0)
            {
                return 0;
            }

            if ((slot & KeyMask) == key)
            {
                return (byte)(slot >> FlagShift);
            }
        }
    }

    private int Slot(long key) => (int)(unchecked((ulong)key * 0x9E37_79B9_7F4A_7C15UL) >> shift);
}
