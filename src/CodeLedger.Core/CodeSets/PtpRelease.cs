namespace CodeLedger.Core.CodeSets;

/// <summary>
/// An NCCI practitioner PTP release held as parallel arrays sorted by the packed pair key, with a
/// dictionary from pair to its first row: 2.5 million rows take about 100 MB and a lookup on the
/// hot path hashes one long. A pair may have several rows (one per effective period).
/// </summary>
public sealed class PtpRelease : CodeSetRelease
{
    private readonly long[] keys;
    private readonly int[] effective;
    private readonly int[] deletion;
    private readonly byte[] indicator;
    private readonly byte[] flags;
    private readonly ushort[] rationale;
    private readonly string[] rationales;
    private readonly Dictionary<long, int> firstRow;

    internal PtpRelease(CodeSetReleaseInfo info, PtpRows rows)
        : base(info)
    {
        var order = rows.SortedOrder();
        var n = order.Length;
        keys = new long[n];
        effective = new int[n];
        deletion = new int[n];
        indicator = new byte[n];
        flags = new byte[n];
        rationale = new ushort[n];
        for (var i = 0; i < n; i++)
        {
            var r = order[i];
            keys[i] = rows.Keys[r];
            effective[i] = rows.Effective[r];
            deletion[i] = rows.Deletion[r];
            indicator[i] = rows.Indicator[r];
            flags[i] = rows.Flags[r];
            rationale[i] = rows.Rationale[r];
        }

        rationales = [.. rows.Rationales];
        firstRow = new Dictionary<long, int>(n);
        for (var i = 0; i < n; i++)
        {
            firstRow.TryAdd(keys[i], i);
        }
    }

    public int RowCount => keys.Length;

    public int PairCount => firstRow.Count;

    /// <summary>
    /// The indicator of the edit in force on the date for the ordered pair of code keys, or null.
    /// When several rows are in force the strictest wins (0 before 1); indicator 9 rows never
    /// apply. Allocation-free.
    /// </summary>
    public PtpModifierIndicator? Find(int column1Key, int column2Key, DateOnly date)
    {
        var key = CodeKeys.Pair(column1Key, column2Key);
        if (!firstRow.TryGetValue(key, out var i))
        {
            return null;
        }

        var day = date.DayNumber;
        PtpModifierIndicator? found = null;
        for (; i < keys.Length && keys[i] == key; i++)
        {
            if (effective[i] <= day && day <= deletion[i] && indicator[i] != (byte)PtpModifierIndicator.NotApplicable)
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
        var key = CodeKeys.Pair(column1Key, column2Key);
        var list = new List<PtpEdit>();
        if (firstRow.TryGetValue(key, out var i))
        {
            for (; i < keys.Length && keys[i] == key; i++)
            {
                list.Add(Row(i));
            }
        }

        return list;
    }

    public IEnumerable<PtpEdit> AllRows()
    {
        for (var i = 0; i < keys.Length; i++)
        {
            yield return Row(i);
        }
    }

    private PtpEdit Row(int i) => new(
        CodeKeys.ToCode((int)(keys[i] >> 32)),
        CodeKeys.ToCode(unchecked((int)(keys[i] & 0xFFFF_FFFF))),
        DateOnly.FromDayNumber(effective[i]),
        deletion[i] == int.MaxValue ? null : DateOnly.FromDayNumber(deletion[i]),
        (PtpModifierIndicator)indicator[i],
        (flags[i] & 1) != 0,
        rationales[rationale[i]]);
}
