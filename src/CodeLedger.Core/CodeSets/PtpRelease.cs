using System.Collections.Immutable;
using System.Security.Cryptography;

namespace CodeLedger.Core.CodeSets;

/// <summary>
/// An NCCI practitioner PTP release, laid out for the edit engine's hot path. Every code of the
/// release gets a dense ordinal; the rows are sorted by (column 1 ordinal, column 2 ordinal) in
/// parallel arrays, and <c>rangeStart</c> gives each column 1 code its slice. In front of the
/// slices sits a triangular matrix with four bits per unordered pair of codes, two for each
/// order: no rows; rows to search; or, for a pair whose rows cannot change state after
/// the release's effective date (no row starts later or is deleted later), the answer from that
/// date on, indicator 1 or 0. A claim's pairs are mostly not edits (about 1 in 8 ordered pairs
/// is, on a realistic mix) and nearly all edits are settled, so the engine answers both orders of
/// a pair of lines with one load and a few bit operations; only a claim dated before the release
/// or a pair with rows ending or starting later pays for the search in its column 1 slice (about a
/// hundred to a thousand entries). The matrix costs ordinals^2 / 4 bytes (42 MB for the 13,026
/// codes of a practitioner quarter) and a pass over the rows, so it is built only once the release
/// has answered 65,536 pair lookups by search: a ten-line scrub never builds it. Read from an
/// index, the rows come in parts of about <see cref="RowsPerPart"/> rows, each a run of column 1
/// codes, read and checked against its hash when a lookup first needs one of its codes
/// (<see cref="CodeSetIndexParts"/>); the matrix reads them all. Measured on the 1M-line scrub batch: a binary search per
/// ordered pair (several cache misses in a cold slice, a chain of mispredicted branches in a hot
/// one) cost twice a one-bit-per-pair matrix, and the search on the pairs that have rows was
/// still an eighth of the engine; a hash table of pairs (one probe, but no locality between the
/// pairs of one code) and a Bloom filter did less well than the matrix.
/// </summary>
public sealed class PtpRelease : CodeSetRelease
{
    /// <summary>Pair states in the matrix (two bits per order).</summary>
    public const int NoRows = 0;
    public const int Search = 1;
    public const int SettledAllowed = 2;
    public const int SettledNotAllowed = 3;
    public const int PairStateMask = 3;

    /// <summary>
    /// Rows per part of the index, about 70 KB: a claim's codes need a few parts, a batch reads
    /// them all, one at a time; and a part stays under the 85,000 bytes past which an array goes
    /// to the large object heap, whose allocations bring on full collections.
    /// </summary>
    public const int RowsPerPart = 4_096;

    private readonly int[] keyOfOrdinal;
    private readonly int[] rangeStart;
    private readonly int[] column2;
    private readonly int[] effective;
    private readonly int[] deletion;
    private readonly byte[] indicator;
    private readonly byte[] flags;
    private readonly ushort[] rationale;
    private readonly string[] rationales;
    /// <summary>Pair lookups answered by search before the matrix is built (about 10 ms of searching).</summary>
    private const int LookupsBeforeMatrix = 1 << 16;

    private readonly int settledFrom;

    // Read from an index: the parts (null when the release was built in this process, every row
    // present), the first ordinal of each part and one past the last, each part's SHA-256 as the
    // verified main index lists it, the part of each ordinal, and which parts are in the arrays.
    private readonly CodeSetIndexParts? parts;
    private readonly int[] partStart = [];
    private readonly byte[] partHashes = [];
    private readonly int[] partOf = [];
    private readonly bool[] loaded = [];
    private readonly Lock partLock = new();
    private volatile bool allLoaded;

    private readonly Lock matrixLock = new();
    private Matrix? matrix;
    private int lookupsBeforeMatrix = LookupsBeforeMatrix;

    internal PtpRelease(CodeSetReleaseInfo info, PtpRows rows)
        : this(info, Sorted(rows))
    {
    }

    private PtpRelease(CodeSetReleaseInfo info, Columns c)
        : base(info)
    {
        var n = c.Column2.Length;
        if (c.RangeStart.Length != c.KeyOfOrdinal.Length + 1 || c.RangeStart[^1] != n
            || c.Effective.Length != n || c.Deletion.Length != n || c.Indicator.Length != n || c.Flags.Length != n || c.Rationale.Length != n)
        {
            throw new FormatException("the PTP index's columns differ in length");
        }

        (keyOfOrdinal, rangeStart, column2, effective, deletion, indicator, flags, rationale, rationales) =
            (c.KeyOfOrdinal, c.RangeStart, c.Column2, c.Effective, c.Deletion, c.Indicator, c.Flags, c.Rationale, c.Rationales);
        settledFrom = info.EffectiveDate.DayNumber;
        allLoaded = true;
        var pairs = 0;
        for (var a = 0; a < keyOfOrdinal.Length; a++)
        {
            for (var i = rangeStart[a]; i < rangeStart[a + 1]; i++)
            {
                if (i == rangeStart[a] || column2[i] != column2[i - 1])
                {
                    pairs++;
                }
            }
        }

        PairCount = pairs;
    }

    /// <summary>A release read from its main index, its rows to come from <paramref name="parts"/>.</summary>
    private PtpRelease(CodeSetReleaseInfo info, Directory d, CodeSetIndexParts parts)
        : base(info)
    {
        var codes = d.KeyOfOrdinal.Length;
        if (d.RangeStart.Length != codes + 1 || d.RangeStart[0] != 0 || d.PartStart.Length < 1 || d.PartStart[0] != 0 || d.PartStart[^1] != codes
            || d.PartHashes.Length != 32 * (d.PartStart.Length - 1))
        {
            throw new FormatException("the PTP index's directory is inconsistent");
        }

        (keyOfOrdinal, rangeStart, rationales, PairCount, partStart, partHashes, this.parts) = (d.KeyOfOrdinal, d.RangeStart, d.Rationales, d.PairCount, d.PartStart, d.PartHashes, parts);
        settledFrom = info.EffectiveDate.DayNumber;
        partOf = new int[codes];
        for (var p = 0; p + 1 < partStart.Length; p++)
        {
            if (partStart[p + 1] < partStart[p])
            {
                throw new FormatException("the PTP index's directory is inconsistent");
            }

            partOf.AsSpan(partStart[p], partStart[p + 1] - partStart[p]).Fill(p);
        }

        loaded = new bool[partStart.Length - 1];

        // Not zeroed: a part's slice is written before anything reads it (Ensure), and the pages
        // of parts never read are never touched, so they cost no memory.
        var n = rangeStart[^1];
        column2 = GC.AllocateUninitializedArray<int>(n);
        effective = GC.AllocateUninitializedArray<int>(n);
        deletion = GC.AllocateUninitializedArray<int>(n);
        indicator = GC.AllocateUninitializedArray<byte>(n);
        flags = GC.AllocateUninitializedArray<byte>(n);
        rationale = GC.AllocateUninitializedArray<ushort>(n);
    }

    public int RowCount => column2.Length;

    /// <summary>The code keys of every code in the release, in ordinal order.</summary>
    public IReadOnlyList<int> Keys => keyOfOrdinal;

    public int PairCount { get; }

    /// <summary>The release's ordinal of a <see cref="Codes.ProcedureCode.Key"/>, or -1 when the code is in no edit.</summary>
    public int Ordinal(int codeKey) => Array.BinarySearch(keyOfOrdinal, codeKey) is var o and >= 0 ? o : -1;

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
        if (column1Ordinal == column2Ordinal)
        {
            return SearchByOrdinal(column1Ordinal, column2Ordinal, dayNumber);
        }

        var states = PairStates(column1Ordinal, column2Ordinal);
        return Resolve(column1Ordinal, column2Ordinal, states & PairStateMask, dayNumber);
    }

    /// <summary>
    /// Both orders of two different ordinals, from one load of the pair matrix: the low two bits
    /// are the state of <paramref name="ordinal"/> as column 1, the next two of
    /// <paramref name="otherOrdinal"/> as column 1. 0 (no rows in either order) for most pairs of a
    /// claim; otherwise pass each order's state to <see cref="Resolve"/>.
    /// </summary>
    public int PairStates(int ordinal, int otherOrdinal)
    {
        var m = Volatile.Read(ref matrix);
        if (m is null)
        {
            if (Interlocked.Decrement(ref lookupsBeforeMatrix) > 0)
            {
                return SearchState(ordinal, otherOrdinal) | (SearchState(otherOrdinal, ordinal) << 2);
            }

            m = BuildMatrix();
        }

        var a = m.Rank[ordinal];
        var b = m.Rank[otherOrdinal];
        var bit = PairBit(Math.Min(a, b), Math.Max(a, b), keyOfOrdinal.Length);
        var states = (int)((m.States[bit >> 6] >> (int)(bit & 63)) & 15);
        return a < b ? states : (states >> 2) | ((states & PairStateMask) << 2);
    }

    /// <summary>The indicator in force on the day for an ordered pair, given its state from <see cref="PairStates"/>.</summary>
    public PtpModifierIndicator? Resolve(int column1Ordinal, int column2Ordinal, int state, int dayNumber) => state switch
    {
        NoRows => null,
        SettledAllowed when dayNumber >= settledFrom => PtpModifierIndicator.Allowed,
        SettledNotAllowed when dayNumber >= settledFrom => PtpModifierIndicator.NotAllowed,
        _ => SearchByOrdinal(column1Ordinal, column2Ordinal, dayNumber),
    };

    /// <summary><see cref="FindByOrdinal"/> by a search in the column 1 slice, without the pair matrix.</summary>
    public PtpModifierIndicator? SearchByOrdinal(int column1Ordinal, int column2Ordinal, int dayNumber)
    {
        var i = LowerBound(column1Ordinal, column2Ordinal);
        var end = rangeStart[column1Ordinal + 1];
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

    /// <summary>
    /// The first row of the column 1 slice whose column 2 is not below <paramref name="column2Ordinal"/>,
    /// without branches on the data (the conditional becomes a cmov), so a search costs no
    /// mispredictions. Array.BinarySearch&lt;int&gt; went through a generic comparer and was two
    /// thirds of the PTP check in an earlier profile.
    /// </summary>
    private int LowerBound(int column1Ordinal, int column2Ordinal)
    {
        Ensure(column1Ordinal);
        var i = rangeStart[column1Ordinal];
        var length = rangeStart[column1Ordinal + 1] - i;
        if (length == 0)
        {
            return i;
        }

        while (length > 1)
        {
            var half = length >> 1;
            i = column2[i + half - 1] < column2Ordinal ? i + half : i;
            length -= half;
        }

        return column2[i] < column2Ordinal ? i + 1 : i;
    }

    /// <summary>The matrix state of one ordered pair, found by search (before the matrix is built).</summary>
    private int SearchState(int column1Ordinal, int column2Ordinal)
    {
        var start = LowerBound(column1Ordinal, column2Ordinal);
        var end = start;
        while (end < rangeStart[column1Ordinal + 1] && column2[end] == column2Ordinal)
        {
            end++;
        }

        return end == start ? NoRows : StateOf(start, end);
    }

    /// <summary>
    /// Builds the pair matrix once a release has answered enough lookups to repay it: a short
    /// scrub never pays its 42 MB and its pass over the rows, a batch pays once.
    /// </summary>
    private Matrix BuildMatrix()
    {
        lock (matrixLock)
        {
            if (matrix is { } built)
            {
                return built;
            }

            EnsureAll();
            var ordinals = keyOfOrdinal.Length;
            var rank = RankByPairCount(ordinals);
            var states = new ulong[((2L * ordinals * (ordinals - 1)) >> 6) + 1];
            for (var a = 0; a < ordinals; a++)
            {
                for (var i = rangeStart[a]; i < rangeStart[a + 1];)
                {
                    var b = column2[i];
                    var end = i;
                    while (end < rangeStart[a + 1] && column2[end] == b)
                    {
                        end++;
                    }

                    if (a != b)
                    {
                        var (ra, rb) = (rank[a], rank[b]);
                        var bit = PairBit(Math.Min(ra, rb), Math.Max(ra, rb), ordinals) + (ra < rb ? 0 : 2);
                        states[bit >> 6] |= (ulong)StateOf(i, end) << (int)(bit & 63);
                    }

                    i = end;
                }
            }

            var m = new Matrix(rank, states);
            Volatile.Write(ref matrix, m);
            return m;
        }
    }

    /// <summary>Every row for the pair, in force or not (for explanations and tests, not the hot path).</summary>
    public IReadOnlyList<PtpEdit> Rows(int column1Key, int column2Key)
    {
        var a = Ordinal(column1Key);
        var b = Ordinal(column2Key);
        var list = new List<PtpEdit>();
        if (a >= 0 && b >= 0)
        {
            Ensure(a);
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
        EnsureAll();
        for (var a = 0; a < keyOfOrdinal.Length; a++)
        {
            for (var i = rangeStart[a]; i < rangeStart[a + 1]; i++)
            {
                yield return Row(a, i);
            }
        }
    }

    /// <summary>
    /// Writes the main index (codes, slices, rationales, and each part's first code and SHA-256)
    /// and returns the parts: the rows of runs of column 1 codes, about <see cref="RowsPerPart"/> each.
    /// </summary>
    internal ImmutableArray<byte[]> Write(IndexWriter w)
    {
        EnsureAll();
        var starts = new List<int> { 0 };
        var written = ImmutableArray.CreateBuilder<byte[]>();
        var hashes = new List<byte>();
        for (var a = 0; a < keyOfOrdinal.Length;)
        {
            var end = a + 1;
            while (end < keyOfOrdinal.Length && rangeStart[end + 1] - rangeStart[a] <= RowsPerPart)
            {
                end++;
            }

            var (from, count) = (rangeStart[a], rangeStart[end] - rangeStart[a]);
            var part = new IndexWriter();
            part.Array<int>(column2.AsSpan(from, count));
            part.Array<int>(effective.AsSpan(from, count));
            part.Array<int>(deletion.AsSpan(from, count));
            part.Array<byte>(indicator.AsSpan(from, count));
            part.Array<byte>(flags.AsSpan(from, count));
            part.Array<ushort>(rationale.AsSpan(from, count));
            var bytes = part.ToArray();
            written.Add(bytes);
            hashes.AddRange(SHA256.HashData(bytes));
            starts.Add(end);
            a = end;
        }

        w.Array<int>(keyOfOrdinal);
        w.Array<int>(rangeStart);
        w.Strings(rationales);
        w.Int(PairCount);
        w.Array<int>([.. starts]);
        w.Array<byte>([.. hashes]);
        return written.ToImmutable();
    }

    internal static PtpRelease Read(CodeSetReleaseInfo info, IndexReader r, CodeSetIndexParts parts) =>
        new(info, new Directory(r.Array<int>(), r.Array<int>(), [.. r.Strings().All()], r.Int(), r.Array<int>(), r.Array<byte>()), parts);

    /// <summary>Makes sure the rows of the column 1 ordinal are in the arrays.</summary>
    private void Ensure(int column1Ordinal)
    {
        if (allLoaded)
        {
            return;
        }

        var p = partOf[column1Ordinal];
        if (Volatile.Read(ref loaded[p]))
        {
            return;
        }

        lock (partLock)
        {
            if (!loaded[p] && !TryLoad(p, parts!.Read(p)))
            {
                Repair();
            }
        }
    }

    private void EnsureAll()
    {
        if (allLoaded)
        {
            return;
        }

        lock (partLock)
        {
            // A damaged part stops the read, and the release is rebuilt once the store's reader is closed.
            var damaged = false;
            foreach (var (p, bytes) in parts!.ReadAll())
            {
                if ((uint)p < (uint)loaded.Length && !loaded[p] && !TryLoad(p, bytes))
                {
                    damaged = true;
                    break;
                }
            }

            // Damaged, or a part missing from the store.
            if (damaged || Array.IndexOf(loaded, false) >= 0)
            {
                Repair();
            }

            allLoaded = true;
        }
    }

    /// <summary>Copies a part into the arrays if it hashes to the main index's entry and its columns fit its slice.</summary>
    private bool TryLoad(int p, byte[]? bytes)
    {
        if (bytes is null || !SHA256.HashData(bytes).AsSpan().SequenceEqual(partHashes.AsSpan(32 * p, 32)))
        {
            return false;
        }

        var (from, count) = (rangeStart[partStart[p]], rangeStart[partStart[p + 1]] - rangeStart[partStart[p]]);
        try
        {
            var r = new IndexReader(bytes, 0);
            if (!Fill(r.Span<int>(), column2) || !Fill(r.Span<int>(), effective) || !Fill(r.Span<int>(), deletion)
                || !Fill(r.Span<byte>(), indicator) || !Fill(r.Span<byte>(), flags) || !Fill(r.Span<ushort>(), rationale) || !r.AtEnd)
            {
                return false;
            }

            // Each column straight into its slice, with no array in between.
            bool Fill<T>(ReadOnlySpan<T> column, T[] into)
                where T : unmanaged
            {
                if (column.Length != count)
                {
                    return false;
                }

                column.CopyTo(into.AsSpan(from, count));
                return true;
            }
        }
        catch (FormatException)
        {
            return false;
        }

        Volatile.Write(ref loaded[p], true);
        return true;
    }

    /// <summary>
    /// A part missing or damaged: the release is parsed again from its verified file (and its index
    /// rewritten by the store), and every row is taken from it. Its codes and slices are those of
    /// this main index, which the same release's SHA-256 vouched for.
    /// </summary>
    private void Repair()
    {
        if (parts!.Rebuild() is not PtpRelease full || !full.keyOfOrdinal.AsSpan().SequenceEqual(keyOfOrdinal) || !full.rangeStart.AsSpan().SequenceEqual(rangeStart))
        {
            throw new InvalidOperationException($"the rebuilt {Info.Label} does not match its index's directory");
        }

        full.EnsureAll();
        full.column2.CopyTo(column2, 0);
        full.effective.CopyTo(effective, 0);
        full.deletion.CopyTo(deletion, 0);
        full.indicator.CopyTo(indicator, 0);
        full.flags.CopyTo(flags, 0);
        full.rationale.CopyTo(rationale, 0);
        loaded.AsSpan().Fill(true);
        allLoaded = true;
    }

    /// <summary>
    /// The rows in the release's order: every code gets a dense ordinal (keys are packed base 36,
    /// so ordering by key is ordering by code and the ordinals keep that order), and the rows are
    /// sorted by (column 1 ordinal, column 2 ordinal) with a slice per column 1 code.
    /// </summary>
    private static Columns Sorted(PtpRows rows)
    {
        var n = rows.Count;
        var distinct = new HashSet<int>();
        for (var i = 0; i < n; i++)
        {
            distinct.Add((int)(rows.Keys[i] >> 32));
            distinct.Add(unchecked((int)(rows.Keys[i] & 0xFFFF_FFFF)));
        }

        int[] keyOfOrdinal = [.. distinct.Order()];
        var ordinalOfKey = keyOfOrdinal.Select((key, ordinal) => (key, ordinal)).ToDictionary(x => x.key, x => x.ordinal);
        var sortKeys = new long[n];
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            sortKeys[i] = ((long)ordinalOfKey[(int)(rows.Keys[i] >> 32)] << 32) | (uint)ordinalOfKey[unchecked((int)(rows.Keys[i] & 0xFFFF_FFFF))];
            order[i] = i;
        }

        Array.Sort(sortKeys, order);
        var c = new Columns(keyOfOrdinal, new int[keyOfOrdinal.Length + 1], new int[n], new int[n], new int[n], new byte[n], new byte[n], new ushort[n], [.. rows.Rationales]);
        for (var i = 0; i < n; i++)
        {
            var r = order[i];
            c.Column2[i] = unchecked((int)(sortKeys[i] & 0xFFFF_FFFF));
            c.Effective[i] = rows.Effective[r];
            c.Deletion[i] = rows.Deletion[r];
            c.Indicator[i] = rows.Indicator[r];
            c.Flags[i] = rows.Flags[r];
            c.Rationale[i] = rows.Rationale[r];
            c.RangeStart[(int)(sortKeys[i] >> 32) + 1]++;
        }

        for (var o = 0; o < keyOfOrdinal.Length; o++)
        {
            c.RangeStart[o + 1] += c.RangeStart[o];
        }

        return c;
    }

    /// <summary>The first of the four bits of the pair of matrix ranks (lo, hi), lo &lt; hi, in the row-major upper triangle.</summary>
    private static long PairBit(int lo, int hi, int ordinals) =>
        4 * (((long)lo * ((2L * ordinals) - lo - 1) / 2) + (hi - lo - 1));

    /// <summary>
    /// The matrix's order of the codes: most pairs first. A pair's cell is in the row of its code
    /// with more pairs, and the codes in the most edits (E/M visits, venipuncture, injections, the
    /// common labs: the bundled-into services) are also the most billed, so a claim's pairs of a
    /// common code with a code of the long tail fall in a few hot rows instead of one cold row per
    /// tail code.
    /// </summary>
    private int[] RankByPairCount(int ordinals)
    {
        var pairs = new int[ordinals];
        for (var a = 0; a < ordinals; a++)
        {
            for (var i = rangeStart[a]; i < rangeStart[a + 1]; i++)
            {
                if (i == rangeStart[a] || column2[i] != column2[i - 1])
                {
                    pairs[a]++;
                    pairs[column2[i]]++;
                }
            }
        }

        var order = Enumerable.Range(0, ordinals).OrderByDescending(o => pairs[o]).ThenBy(o => o).ToArray();
        var rank = new int[ordinals];
        for (var r = 0; r < ordinals; r++)
        {
            rank[order[r]] = r;
        }

        return rank;
    }

    /// <summary>
    /// The matrix state of one ordered pair's rows [start, end): settled when every row is either
    /// deleted before the release's effective date or in force from before it with no deletion,
    /// so the answer is the same on every day from that date on.
    /// </summary>
    private int StateOf(int start, int end)
    {
        bool notAllowed = false, allowed = false;
        for (var i = start; i < end; i++)
        {
            if (deletion[i] < settledFrom)
            {
                continue;
            }

            if (effective[i] > settledFrom || deletion[i] != int.MaxValue)
            {
                return Search;
            }

            notAllowed |= indicator[i] == (byte)PtpModifierIndicator.NotAllowed;
            allowed |= indicator[i] == (byte)PtpModifierIndicator.Allowed;
        }

        return notAllowed ? SettledNotAllowed : allowed ? SettledAllowed : Search;
    }

    private PtpEdit Row(int column1Ordinal, int i) => new(
        CodeKeys.ToCode(keyOfOrdinal[column1Ordinal]),
        CodeKeys.ToCode(keyOfOrdinal[column2[i]]),
        DateOnly.FromDayNumber(effective[i]),
        deletion[i] == int.MaxValue ? null : DateOnly.FromDayNumber(deletion[i]),
        (PtpModifierIndicator)indicator[i],
        (flags[i] & 1) != 0,
        rationales[rationale[i]]);

    private sealed record Matrix(int[] Rank, ulong[] States);

    private sealed record Directory(int[] KeyOfOrdinal, int[] RangeStart, string[] Rationales, int PairCount, int[] PartStart, byte[] PartHashes);

    private sealed record Columns(int[] KeyOfOrdinal, int[] RangeStart, int[] Column2, int[] Effective, int[] Deletion, byte[] Indicator, byte[] Flags, ushort[] Rationale, string[] Rationales);
}
