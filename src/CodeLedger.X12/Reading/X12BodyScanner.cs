using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using CodeLedger.X12.Envelope;

namespace CodeLedger.X12.Reading;

/// <summary>
/// Hands the body of a transaction set to its builder a window at a time. Every element separator
/// and segment terminator of a window is found first, 32 bytes per vector compare, and their
/// offsets are written eight at a time (the first stage of simdjson-style parsers); segments are
/// then cut from that index and given to the builder with their element bounds already known, so
/// no segment is searched or split on its own.
/// <para>
/// It only takes what the reader and the envelope validator would hand the builder unchanged: a
/// complete segment with a valid 2–3 byte identifier that is not a control segment (ISA, GS, ST,
/// SE, GE, IEA) and has no more elements than the builders' split tables. At anything else it
/// stops, and the reader and validator take that segment the ordinary way, so findings and
/// positions are the same whichever path a segment took.
/// </para>
/// </summary>
internal sealed class X12BodyScanner
{
    internal const int WindowBytes = 16 * 1024;

    /// <summary>Slots a window's positions need: one per byte, the free first one, and the eight Record always writes.</summary>
    internal const int PositionSlots = WindowBytes + 2 + 8;

    /// <summary>Past this many elements the builders' split tables keep the rest in the last one.</summary>
    private const int MaxElements = 23;

    // positions[0] is kept free: before a segment is handed out, the slot before its first
    // separator is overwritten with the byte before the segment, which is X12Fields' shape.
    private readonly int[] _positions = new int[PositionSlots];

    // _terminators[k] is the index in _positions of the k-th segment terminator of the window.
    private readonly int[] _terminators = new int[WindowBytes + 1];

    /// <summary>
    /// Feeds complete body segments at the start of <paramref name="data"/> to
    /// <paramref name="builder"/>; returns the bytes consumed (through the last terminator fed) and
    /// sets <paramref name="segments"/> to how many were fed.
    /// </summary>
    public int Feed(ReadOnlySpan<byte> data, X12Delimiters delimiters, long nextPosition, ITransactionBuilder builder, out long segments)
    {
        segments = 0;
        var separator = delimiters.Element;
        var terminator = delimiters.Segment;
        if (terminator == '\n' || X12Bytes.IsWhitespace(separator) || X12Bytes.IsWhitespace(terminator))
        {
            // A line-feed terminator may come with a CR the reader trims; such files take the ordinary path.
            return 0;
        }

        var positions = _positions;
        var terminators = _terminators;
        var consumed = 0;
        while (true)
        {
            var start = SkipWhitespace(data, consumed);
            if (start >= data.Length)
            {
                return consumed;
            }

            var windowEnd = Math.Min(data.Length, start + WindowBytes);
            var ends = Index(data, start, windowEnd, separator, terminator, positions, terminators);
            var fed = false;
            var p = 1;
            var segmentStart = start;

            // Segments whose terminator is in the window; the window's tail is indexed again with the next one.
            for (var k = 0; k < ends; k++)
            {
                var t = terminators[k];
                var idEnd = positions[p];
                var elements = t - p;
                if (elements > MaxElements || !TryKey(data, segmentStart, idEnd - segmentStart, out var key) || IsControl(key))
                {
                    return consumed;
                }

                positions[p - 1] = segmentStart - 1;
                builder.OnFields(key, new X12Fields(data, positions.AsSpan(p - 1, elements + 2), delimiters.Component, nextPosition + segments));
                segments++;
                fed = true;
                consumed = positions[t] + 1;
                segmentStart = SkipWhitespace(data, consumed);
                p = t + 1;
            }

            if (!fed || windowEnd == data.Length)
            {
                // A segment longer than a window, or the data ends inside one: the reader decides.
                return consumed;
            }
        }
    }

    /// <summary>
    /// For each byte value, the positions of its set bits in order, padded to eight: the offsets
    /// a mask byte stands for, ready to be added to the block's start and stored in one go.
    /// </summary>
    private static readonly int[] BitPositions = CreateBitPositions();

    private static int[] CreateBitPositions()
    {
        var table = new int[256 * 8];
        for (var value = 0; value < 256; value++)
        {
            var next = 0;
            for (var bit = 0; bit < 8; bit++)
            {
                if (((value >> bit) & 1) != 0)
                {
                    table[(value * 8) + next++] = bit;
                }
            }
        }

        return table;
    }

    /// <summary>
    /// Writes the positions of one block's set bits (block start + bit) in order, and where in
    /// the positions each terminator went. Eight bits at a time through <see cref="BitPositions"/>:
    /// a load, an add and a store whatever the bits are, instead of a loop per bit whose exit the
    /// processor mispredicts about once a block (simdjson's "flattening", with a table in place of
    /// its unrolled bit scans, which were slower here). <paramref name="wide"/> stores the eight
    /// slots as one 256-bit vector, otherwise as two 128-bit ones.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Record(int blockStart, uint mask, uint ending, int bits, bool wide, ref int table, ref int slots, ref int endSlots,
        ref int count, ref int ends)
    {
        var before = count;

        // Written out rather than looped: the JIT does not unroll a loop whose bound it only
        // learns by inlining.
        Flatten(blockStart, mask, 0, wide, ref table, ref slots, ref count);
        Flatten(blockStart, mask, 8, wide, ref table, ref slots, ref count);
        if (bits == 32)
        {
            Flatten(blockStart, mask, 16, wide, ref table, ref slots, ref count);
            Flatten(blockStart, mask, 24, wide, ref table, ref slots, ref count);
        }

        // Terminators are about one bit in five: each finds its slot by counting the bits before it.
        while (ending != 0)
        {
            var bit = BitOperations.TrailingZeroCount(ending);
            Unsafe.Add(ref endSlots, ends++) = before + BitOperations.PopCount(mask & (uint)((2UL << bit) - 1));
            ending &= ending - 1;
        }
    }

    /// <summary>The eight slots for the mask byte at <paramref name="chunk"/>, and the count moved past its set bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Flatten(int blockStart, uint mask, int chunk, bool wide, ref int table, ref int slots, ref int count)
    {
        var value = (mask >> chunk) & 0xFF;
        ref var offsets = ref Unsafe.Add(ref table, (nint)(value * 8));
        ref var target = ref Unsafe.Add(ref slots, count + 1);
        if (wide)
        {
            (Vector256.LoadUnsafe(ref offsets) + Vector256.Create(blockStart + chunk)).StoreUnsafe(ref target);
        }
        else
        {
            var start = Vector128.Create(blockStart + chunk);
            (Vector128.LoadUnsafe(ref offsets) + start).StoreUnsafe(ref target);
            (Vector128.LoadUnsafe(ref offsets, 4) + start).StoreUnsafe(ref target, 4);
        }

        count += BitOperations.PopCount(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipWhitespace(ReadOnlySpan<byte> data, int index)
    {
        while (index < data.Length && X12Bytes.IsWhitespace(data[index]))
        {
            index++;
        }

        return index;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryKey(ReadOnlySpan<byte> data, int start, int length, out uint key)
    {
        // The validator's rule for a segment identifier: 2–3 upper-case letters or digits, starting with a letter.
        key = 0;
        if (length is < 2 or > 3 || !X12Bytes.IsUpper(data[start]) || !IsIdByte(data[start + 1]))
        {
            return false;
        }

        key = data[start] | ((uint)data[start + 1] << 8);
        if (length == 3)
        {
            if (!IsIdByte(data[start + 2]))
            {
                return false;
            }

            key |= (uint)data[start + 2] << 16;
        }

        return true;
    }

    private static bool IsIdByte(byte b) => X12Bytes.IsUpper(b) || X12Bytes.IsDigit(b);

    private static bool IsControl(uint key) => key is X12SegmentIds.Isa or X12SegmentIds.Iea or X12SegmentIds.Gs or X12SegmentIds.Ge
        or X12SegmentIds.St or X12SegmentIds.Se;

    /// <summary>
    /// Writes the offset of every separator and terminator in [from, to) to positions[1..], and
    /// where in positions each terminator went to terminators[0..]; returns the terminators found.
    /// The widest vectors the processor runs natively, 32 or 16 bytes a step, or one byte at a time.
    /// </summary>
    private static int Index(ReadOnlySpan<byte> data, int from, int to, byte separator, byte terminator, int[] positions, int[] terminators) =>
        Vector256.IsHardwareAccelerated ? Index32(data, from, to, separator, terminator, positions, terminators)
        : Vector128.IsHardwareAccelerated ? Index16(data, from, to, separator, terminator, positions, terminators)
        : IndexBytes(data, from, to, 0, 0, separator, terminator, positions, terminators);

    // The three widths are separate methods so that tests run each of them on any machine (vectors
    // a processor lacks are emulated, slowly but exactly).
    internal static int Index32(ReadOnlySpan<byte> data, int from, int to, byte separator, byte terminator, int[] positions, int[] terminators) =>
        IndexVectors(data, from, to, separator, terminator, positions, terminators, wide: true);

    internal static int Index16(ReadOnlySpan<byte> data, int from, int to, byte separator, byte terminator, int[] positions, int[] terminators) =>
        IndexVectors(data, from, to, separator, terminator, positions, terminators, wide: false);

    /// <summary>32 bytes a step when <paramref name="wide"/>, 16 otherwise (a constant once inlined), then the tail byte by byte.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int IndexVectors(ReadOnlySpan<byte> data, int from, int to, byte separator, byte terminator, int[] positions, int[] terminators,
        bool wide)
    {
        var count = 0;
        var ends = 0;
        var i = from;
        ref var origin = ref MemoryMarshal.GetReference(data);
        ref var slots = ref MemoryMarshal.GetArrayDataReference(positions);
        ref var endSlots = ref MemoryMarshal.GetArrayDataReference(terminators);
        ref var table = ref MemoryMarshal.GetArrayDataReference(BitPositions);
        var step = wide ? Vector256<byte>.Count : Vector128<byte>.Count;
        var separators256 = Vector256.Create(separator);
        var terminators256 = Vector256.Create(terminator);
        var separators128 = Vector128.Create(separator);
        var terminators128 = Vector128.Create(terminator);
        for (; i <= to - step; i += step)
        {
            uint ending, mask;
            if (wide)
            {
                var block = Vector256.LoadUnsafe(ref origin, (nuint)i);
                ending = Vector256.Equals(block, terminators256).ExtractMostSignificantBits();
                mask = Vector256.Equals(block, separators256).ExtractMostSignificantBits() | ending;
            }
            else
            {
                var block = Vector128.LoadUnsafe(ref origin, (nuint)i);
                ending = Vector128.Equals(block, terminators128).ExtractMostSignificantBits();
                mask = Vector128.Equals(block, separators128).ExtractMostSignificantBits() | ending;
            }

            Record(i, mask, ending, step, wide, ref table, ref slots, ref endSlots, ref count, ref ends);
        }

        return IndexBytes(data, i, to, count, ends, separator, terminator, positions, terminators);
    }

    /// <summary>The bytes from <paramref name="from"/> on, one at a time, after <paramref name="count"/> positions and <paramref name="ends"/> terminators.</summary>
    internal static int IndexBytes(ReadOnlySpan<byte> data, int from, int to, int count, int ends, byte separator, byte terminator, int[] positions,
        int[] terminators)
    {
        for (var i = from; i < to; i++)
        {
            var b = data[i];
            if (b == separator)
            {
                positions[++count] = i;
            }
            else if (b == terminator)
            {
                positions[++count] = i;
                terminators[ends++] = count;
            }
        }

        return ends;
    }
}
