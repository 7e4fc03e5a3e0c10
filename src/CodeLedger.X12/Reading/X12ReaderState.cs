namespace CodeLedger.X12.Reading;

/// <summary>
/// What an <see cref="X12Reader"/> must remember between buffers, so that reading resumes
/// exactly where the previous buffer ended (the shape of <c>JsonReaderState</c>).
/// </summary>
public readonly record struct X12ReaderState
{
    /// <summary>Bytes of the input consumed before the current buffer.</summary>
    public long Offset { get; init; }

    /// <summary>Segments read so far; the next segment's 1-based position is this plus one.</summary>
    public long SegmentCount { get; init; }

    /// <summary>The separators of the current interchange (valid once the first ISA was read).</summary>
    public X12Delimiters Delimiters { get; init; }

    /// <summary>True once the byte-order mark, encoding and leading ISA were checked.</summary>
    public bool StartChecked { get; init; }

    /// <summary>True once at least one non-whitespace byte was seen.</summary>
    public bool SawContent { get; init; }
}
