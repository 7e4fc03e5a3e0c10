namespace CodeLedger.X12.Reading;

/// <summary>
/// One segment as the reader found it: its bytes without the terminator, the interchange's
/// separators, and where it sits in the file. Elements are sliced on demand, never copied.
/// </summary>
public readonly ref struct X12Segment
{
    public X12Segment(ReadOnlySpan<byte> raw, X12Delimiters delimiters, long position, long offset)
    {
        Raw = raw;
        Delimiters = delimiters;
        Position = position;
        Offset = offset;
    }

    /// <summary>The segment's bytes, identifier included, terminator excluded.</summary>
    public ReadOnlySpan<byte> Raw { get; }

    public X12Delimiters Delimiters { get; }

    /// <summary>1-based position of the segment in the file.</summary>
    public long Position { get; }

    /// <summary>Byte offset of the segment's first byte in the file.</summary>
    public long Offset { get; }

    /// <summary>The segment identifier: the bytes before the first element separator.</summary>
    public ReadOnlySpan<byte> Id
    {
        get
        {
            // Almost every identifier is two or three bytes: test those positions before searching.
            var raw = Raw;
            var separator = Delimiters.Element;
            if (raw.Length > 3 && raw[3] == separator && raw[2] != separator)
            {
                return raw[..3];
            }

            if (raw.Length > 2 && raw[2] == separator)
            {
                return raw[..2];
            }

            var end = raw.IndexOf(separator);
            return end < 0 ? raw : raw[..end];
        }
    }

    public bool Is(ReadOnlySpan<byte> id) =>
        Raw.Length >= id.Length && Raw.StartsWith(id) && (Raw.Length == id.Length || Raw[id.Length] == Delimiters.Element);

    /// <summary>Element <paramref name="index"/> (1-based, as the guides number them); empty when absent.</summary>
    public ReadOnlySpan<byte> Element(int index)
    {
        var rest = Raw;
        for (var i = 0; i < index; i++)
        {
            var next = rest.IndexOf(Delimiters.Element);
            if (next < 0)
            {
                return default;
            }

            rest = rest[(next + 1)..];
        }

        var end = rest.IndexOf(Delimiters.Element);
        return end < 0 ? rest : rest[..end];
    }

    /// <summary>
    /// Splits the segment into <paramref name="ranges"/>: index 0 is the identifier, index n is
    /// element n. Returns how many were filled; a segment with more elements than ranges leaves
    /// the remainder in the last range.
    /// </summary>
    public int Split(Span<Range> ranges)
    {
        // Elements are short (a few bytes): a plain loop beats a vectorised search per element.
        var separator = Delimiters.Element;
        var raw = Raw;
        var start = 0;
        var count = 0;
        var last = ranges.Length - 1;
        for (var i = 0; i < raw.Length && count < last; i++)
        {
            if (raw[i] == separator)
            {
                ranges[count++] = new Range(start, i);
                start = i + 1;
            }
        }

        ranges[count++] = new Range(start, raw.Length);
        return count;
    }

    /// <summary>Component <paramref name="index"/> (1-based) of a composite element; empty when absent.</summary>
    public ReadOnlySpan<byte> Component(ReadOnlySpan<byte> element, int index) => X12Bytes.Component(element, index, Delimiters.Component);
}
