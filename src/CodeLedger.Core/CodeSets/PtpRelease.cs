using System.Collections.Frozen;

namespace CodeLedger.Core.CodeSets;

/// <summary>
/// An NCCI practitioner PTP release, laid out for the edit engine's hot path. Every code of the
/// release gets a dense ordinal; the rows are sorted by (column 1 ordinal, column 2 ordinal) in
/// parallel arrays, and <c>rangeStart</c> gives each column 1 code its slice. In front of the
/// slices sits a bit matrix, one row of bits per column 1 ordinal and one bit per column 2
/// ordinal, set when the pair has any row: a claim's pairs are mostly not edits (about 1 in 8 is,
/// on a realistic mix), so a lookup is usually one load and one bit test, and only a pair that
/// has rows pays for the search in its slice (about a hundred to a thousand entries). The matrix
/// costs ordinals^2 / 8 bytes (21 MB for the 13,026 codes of a practitioner quarter) and halved
/// the PTP check: a binary search in a cold slice is several cache misses and, in a hot one,
/// a chain of mispredicted branches. A hash table of pairs (one probe, but no locality between
/// the pairs of one column 1 code) and a Bloom filter were measured and did less well.
/// </summary>
public sealed class PtpRelease : CodeSetRelease
{
    private readonly FrozenDictionary<int, int> ordinalOfKey;
    private readonly int[] keyOfOrdinal;
    private readonly int[] rangeStart;
    private readonly int[] column2;
    private readonly int[] effective;
    private readonly int[] deletion;
    private readonly byte[] indicator;
    private readonly byte[] flags;
    private readonly ushort[] rationale;
    private readonly string[] rationales;
    private readonly ulong[] pairBits;
    private readonly int pairWords;

    internal PtpRelease(CodeSetReleaseInfo info, PtpRows rows)
        : base(info)
    {
        var n = rows.Count;
        var distinct = new HashSet<int>();
        for (var i = 0; i < n; i++)
        {
            distinct.Add((int)(rows.Keys[i] >> 32));
            distinct.Add(unchecked((int)(rows.Keys[i] & 0xFFFF_FFFF)));
        }

        keyOfOrdinal = [.. distinct.Order()];
        ordinalOfKey = keyOfOrdinal.Select((key, ordinal) => (key, ordinal)).ToFrozenDictionary(x => x.key, x => x.ordinal);

        // Keys are packed base 36, so ordering by key is ordering by code; the ordinals keep that order.
        var sortKeys = new long[n];
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            sortKeys[i] = ((long)ordinalOfKey[(int)(rows.Keys[i] >> 32)] << 32) | (uint)ordinalOfKey[unchecked((int)(rows.Keys[i] & 0xFFFF_FFFF))];
            order[i] = i;
        }

        Array.Sort(sortKeys, order);
        column2 = new int[n];
        effective = new int[n];
        deletion = new int[n];
        indicator = new byte[n];
        flags = new byte[n];
        rationale = new ushort[n];
        rangeStart = new int[keyOfOrdinal.Length + 1];
        for (var i = 0; i < n; i++)
        {
            var r = order[i];
            column2[i] = unchecked((int)(sortKeys[i] & 0xFFFF_FFFF));
            effective[i] = rows.Effective[r];
            deletion[i] = rows.Deletion[r];
            indicator[i] = rows.Indicator[r];
            flags[i] = rows.Flags[r];
            rationale[i] = rows.Rationale[r];
            rangeStart[(int)(sortKeys[i] >> 32) + 1]++;
        }

        for (var o = 0; o < keyOfOrdinal.Length; o++)
        {
            rangeStart[o + 1] += rangeStart[o];
        }

        pairWords = (keyOfOrdinal.Length + 63) >> 6;
        pairBits = new ulong[keyOfOrdinal.Length * pairWords];
        for (var a = 0; a < keyOfOrdinal.Length; a++)
        {
            for (var i = rangeStart[a]; i < rangeStart[a + 1]; i++)
            {
                pairBits[(a * pairWords) + (column2[i] >> 6)] |= 1UL << (column2[i] & 63);
            }
        }

        rationales = [.. rows.Rationales];
        PairCount = n == 0 ? 0 : 1 + Enumerable.Range(1, n - 1).Count(i => sortKeys[i] != sortKeys[i - 1]);
    }

    public int RowCount => column2.Length;

    /// <summary>The code keys of every code in the release, in ordinal order.</summary>
    public IReadOnlyList<int> Keys => keyOfOrdinal;

    public int PairCount { get; }

    /// <summary>The release's ordinal of a <see cref="Codes.ProcedureCode.Key"/>, or -1 when the code is in no edit.</summary>
    public int Ordinal(int codeKey) => ordinalOfKey.TryGetValue(codeKey, out var o) ? o : -1;

    /// <summary>The indicator in force on the date for the ordered pair of code keys, or null.</summary>
    public PtpModifierIndicator? Find(int column1Key, int column2Key, DateOnly date)
    {
        var a = Ordinal(column1Key);
        var b = Ordinal(column2Key);
        return a < 0 || b < 0 ? null : FindByOrdinal(a, b, date.DayNumber);
    }

    /// <summary>
    /// The indicator in force on the day for the ordered pair of ordinals, or null. When several
    /// rows are in force the strictest wins (0 before 1); indicator 9 rows never apply.
    /// Allocation-free.
    /// </summary>
    public PtpModifierIndicator? FindByOrdinal(int column1Ordinal, int column2Ordinal, int dayNumber)
    {
        if ((pairBits[(column1Ordinal * pairWords) + (column2Ordinal >> 6)] & (1UL << (column2Ordinal & 63))) == 0)
        {
            return null;
        }

        // The pair has rows: lower bound in the column 1 slice, without branches on the data (the
        // conditional becomes a cmov) so a search costs no mispredictions. Array.BinarySearch<int>
        // went through a generic comparer and was two thirds of the PTP check in an earlier profile.
        var i = rangeStart[column1Ordinal];
        var end = rangeStart[column1Ordinal + 1];
        var length = end - i;
        while (length > 1)
        {
            var half = length >> 1;
            i = column2[i + half - 1] < column2Ordinal ? i + half : i;
            length -= half;
        }

        if (column2[i] < column2Ordinal)
        {
            i++;
        }

        PtpModifierIndicator? found = null;
        for (; i < end && column2[i] == column2Ordinal; i++)
        {
            if (effective[i] <= dayNumber && dayNumber <= deletion[i] && indicator[i] != (byte)PtpModifierIndicator.NotApplicable)
            {
                if (indicator[i] == (byte)PtpModifierIndicator.NotAllowed)
                {
                    return PtpModifierIndicator.NotAllowed;
                }

                found = PtpModifierIndicator.Allowed;
            }
        }

        return found;
    }

    /// <summary>Every row for the pair, in force or not (for explanations and tests, not the hot path).</summary>
    public IReadOnlyList<PtpEdit> Rows(int column1Key, int column2Key)
    {
        var a = Ordinal(column1Key);
        var b = Ordinal(column2Key);
        var list = new List<PtpEdit>();
        if (a >= 0 && b >= 0)
        {
            for (var i = rangeStart[a]; i < rangeStart[a + 1]; i++)
            {
                if (column2[i] == b)
                {
                    list.Add(Row(a, i));
                }
            }
        }

        return list;
    }

    public IEnumerable<PtpEdit> AllRows()
    {
        for (var a = 0; a < keyOfOrdinal.Length; a++)
        {
            for (var i = rangeStart[a]; i < rangeStart[a + 1]; i++)
            {
                yield return Row(a, i);
            }
        }
    }

    private PtpEdit Row(int column1Ordinal, int i) => new(
        CodeKeys.ToCode(keyOfOrdinal[column1Ordinal]),
        CodeKeys.ToCode(keyOfOrdinal[column2[i]]),
        DateOnly.FromDayNumber(effective[i]),
        deletion[i] == int.MaxValue ? null : DateOnly.FromDayNumber(deletion[i]),
        (PtpModifierIndicator)indicator[i],
        (flags[i] & 1) != 0,
        rationales[rationale[i]]);
}
