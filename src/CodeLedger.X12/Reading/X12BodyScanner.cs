using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using CodeLedger.X12.Envelope;

namespace CodeLedger.X12.Reading;

/// <summary>
/// Hands the body of a transaction set to its builder a window at a time. Every element separator
/// and segment terminator of a window is found first, 32 bytes per vector compare (the first stage
/// of simdjson-style parsers); segments are then cut from that index and given to the builder with
/// their element bounds already known, so no segment is searched or split on its own.
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
    private const int WindowBytes = 16 * 1024;

    /// <summary>Past this many elements the builders' split tables keep the rest in the last one.</summary>
    private const int MaxElements = 23;

    // positions[0] is kept free: before a segment is handed out, the slot before its first
    // separator is overwritten with the byte before the segment, which is X12Fields' shape.
    private readonly int[] _positions = new int[WindowBytes + 2];

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

    /// <summary>Writes the positions of one block's set bits (block start + bit) in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Record(int blockStart, uint mask, uint ending, ref int slots, ref int endSlots, ref int count, ref int ends)
    {
        while (mask != 0)
        {
            // Without a branch: the terminator slot is always written, and kept only for a terminator.
            var bit = BitOperations.TrailingZeroCount(mask);
            Unsafe.Add(ref slots, ++count) = blockStart + bit;
            Unsafe.Add(ref endSlots, ends) = count;
            ends += (int)((ending >> bit) & 1);
            mask &= mask - 1;
        }
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
    /// </summary>
    private static int Index(ReadOnlySpan<byte> data, int from, int to, byte separator, byte terminator, int[] positions, int[] terminators)
    {
        var count = 0;
        var ends = 0;
        var i = from;
        ref var origin = ref MemoryMarshal.GetReference(data);
        ref var slots = ref MemoryMarshal.GetArrayDataReference(positions);
        ref var endSlots = ref MemoryMarshal.GetArrayDataReference(terminators);
        if (Vector256.IsHardwareAccelerated)
        {
            var separatorBytes = Vector256.Create(separator);
            var terminatorBytes = Vector256.Create(terminator);
            for (; i <= to - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                var block = Vector256.LoadUnsafe(ref origin, (nuint)i);
                var ending = Vector256.Equals(block, terminatorBytes).ExtractMostSignificantBits();
                Record(i, Vector256.Equals(block, separatorBytes).ExtractMostSignificantBits() | ending, ending, ref slots, ref endSlots, ref count, ref ends);
            }
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            var separatorBytes = Vector128.Create(separator);
            var terminatorBytes = Vector128.Create(terminator);
            for (; i <= to - Vector128<byte>.Count; i += Vector128<byte>.Count)
            {
                var block = Vector128.LoadUnsafe(ref origin, (nuint)i);
                var ending = Vector128.Equals(block, terminatorBytes).ExtractMostSignificantBits();
                Record(i, Vector128.Equals(block, separatorBytes).ExtractMostSignificantBits() | ending, ending, ref slots, ref endSlots, ref count, ref ends);
            }
        }

        for (; i < to; i++)
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
