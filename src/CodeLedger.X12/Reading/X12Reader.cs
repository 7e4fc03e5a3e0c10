namespace CodeLedger.X12.Reading;

/// <summary>
/// A forward-only reader of X12 segments over bytes, in the shape of <c>Utf8JsonReader</c>: it
/// never allocates, never copies, and when a buffer ends inside a segment it stops with
/// <see cref="X12ReadStatus.NeedMoreData"/> so the caller can resume with more bytes and
/// <see cref="CurrentState"/>. Separators are taken from each ISA (X12.5 appendix B); CR, LF,
/// spaces and tabs between segments and a UTF-8 byte-order mark are skipped.
/// </summary>
public ref struct X12Reader
{
    /// <summary>No real ISA is longer than this, even with generous padding.</summary>
    private const int MaxIsaLength = 512;

    private readonly ReadOnlySpan<byte> _buffer;
    private readonly bool _isFinalBlock;
    private X12ReaderState _state;
    private int _consumed;
    private int _segmentStart;
    private int _segmentLength;

    public X12Reader(ReadOnlySpan<byte> buffer, bool isFinalBlock, X12ReaderState state)
    {
        _buffer = buffer;
        _isFinalBlock = isFinalBlock;
        _state = state;
    }

    public X12Reader(ReadOnlySpan<byte> buffer)
        : this(buffer, isFinalBlock: true, default)
    {
    }

    /// <summary>Why the last <see cref="Read"/> returned false.</summary>
    public X12ReadStatus Status { get; private set; }

    /// <summary>Bytes of this buffer consumed (complete segments and the whitespace after them).</summary>
    public readonly int BytesConsumed => _consumed;

    /// <summary>The state to pass with the next buffer (which must start at <see cref="BytesConsumed"/>).</summary>
    public readonly X12ReaderState CurrentState => _state with { Offset = _state.Offset + _consumed };

    /// <summary>The segment found by the last successful <see cref="Read"/>.</summary>
    public readonly X12Segment Segment =>
        new(_buffer.Slice(_segmentStart, _segmentLength), _state.Delimiters, _state.SegmentCount, _state.Offset + _segmentStart);

    /// <summary>After <see cref="X12ReadStatus.Unterminated"/>: the bytes left without a terminator.</summary>
    public readonly ReadOnlySpan<byte> UnterminatedTail => Status == X12ReadStatus.Unterminated ? _buffer[_consumed..] : default;

    /// <summary>The bytes not consumed yet.</summary>
    internal readonly ReadOnlySpan<byte> Remaining => _buffer[_consumed..];

    /// <summary>The 1-based position the next segment will have.</summary>
    internal readonly long NextPosition => _state.SegmentCount + 1;

    internal readonly X12Delimiters Delimiters => _state.Delimiters;

    /// <summary>Steps over <paramref name="segments"/> complete segments someone else read from <see cref="Remaining"/>.</summary>
    internal void Skip(int bytes, long segments)
    {
        _consumed += bytes;
        _state = _state with { SegmentCount = _state.SegmentCount + segments };
    }

    /// <summary>Advances to the next complete segment.</summary>
    public bool Read()
    {
        if (!_state.StartChecked && !CheckStart())
        {
            return false;
        }

        var rest = _buffer[_consumed..];
        var skipped = 0;
        while (skipped < rest.Length && X12Bytes.IsWhitespace(rest[skipped]))
        {
            skipped++;
        }

        _consumed += skipped;
        rest = rest[skipped..];
        if (rest.IsEmpty)
        {
            return Stop(_isFinalBlock ? X12ReadStatus.EndOfData : X12ReadStatus.NeedMoreData);
        }

        if (rest.Length < 4 && !_isFinalBlock)
        {
            return Stop(X12ReadStatus.NeedMoreData);
        }

        if (rest.Length >= 4 && rest[0] == 'I' && rest[1] == 'S' && rest[2] == 'A' && !X12Bytes.IsAlphanumeric(rest[3]))
        {
            return ReadIsa(rest);
        }

        var end = rest.IndexOf(_state.Delimiters.Segment);
        if (end < 0)
        {
            return Stop(_isFinalBlock ? X12ReadStatus.Unterminated : X12ReadStatus.NeedMoreData);
        }

        var length = end;

        // A file whose terminator is LF may have been written with CRLF line ends.
        if (_state.Delimiters.Segment == '\n' && length > 0 && rest[length - 1] == '\r')
        {
            length--;
        }

        return Found(length, end + 1);
    }

    private bool ReadIsa(ReadOnlySpan<byte> rest)
    {
        // ISA has exactly 16 elements. Counting separators instead of trusting the 106-byte layout
        // finds the separators even in an unpadded ISA, which the validator then reports.
        var separator = rest[3];
        var window = rest[..Math.Min(rest.Length, MaxIsaLength)];
        var seen = 0;
        var index = -1;
        for (var i = 3; i < window.Length; i++)
        {
            if (window[i] == separator && ++seen == 16)
            {
                index = i;
                break;
            }
        }

        if (index < 0 || index + 2 >= window.Length)
        {
            if (!_isFinalBlock && rest.Length < MaxIsaLength)
            {
                return Stop(X12ReadStatus.NeedMoreData);
            }

            return Stop(X12ReadStatus.MalformedIsa);
        }

        var component = rest[index + 1];
        var terminator = rest[index + 2];
        if (X12Bytes.IsAlphanumeric(separator) || X12Bytes.IsAlphanumeric(component) || X12Bytes.IsAlphanumeric(terminator)
            || component == separator || terminator == separator || terminator == component)
        {
            return Stop(X12ReadStatus.MalformedIsa);
        }

        // ISA11 is the repetition separator in 00501; in 00401 it was the letter U, which is no
        // separator at all, so the default stands in (the version check refuses such files anyway).
        var repetition = (byte)'^';
        var isa11 = new X12Segment(rest[..(index + 2)], new X12Delimiters(separator, 0, component, terminator), 0, 0).Element(11);
        if (isa11.Length == 1 && !X12Bytes.IsAlphanumeric(isa11[0]))
        {
            repetition = isa11[0];
        }

        _state = _state with { Delimiters = new X12Delimiters(separator, repetition, component, terminator) };
        return Found(index + 2, index + 3);
    }

    private bool Found(int length, int advance)
    {
        _segmentStart = _consumed;
        _segmentLength = length;
        _consumed += advance;
        _state = _state with { SegmentCount = _state.SegmentCount + 1, SawContent = true };
        Status = X12ReadStatus.None;
        return true;
    }

    private bool Stop(X12ReadStatus status)
    {
        Status = status;
        return false;
    }

    private bool CheckStart()
    {
        var data = _buffer;
        if (data.Length < 4 && !_isFinalBlock)
        {
            return Stop(X12ReadStatus.NeedMoreData);
        }

        if (data.Length >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF) || (data[0] != 0 && data[1] == 0)))
        {
            _state = _state with { SawContent = true };
            return Stop(X12ReadStatus.Utf16);
        }

        var skip = data.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        while (skip < data.Length && X12Bytes.IsWhitespace(data[skip]))
        {
            skip++;
        }

        var rest = data[skip..];
        if (rest.Length < 4)
        {
            if (!_isFinalBlock)
            {
                return Stop(X12ReadStatus.NeedMoreData);
            }

            if (rest.IsEmpty)
            {
                _consumed = skip;
                return Stop(X12ReadStatus.EndOfData);
            }
        }

        _state = _state with { SawContent = true };
        if (rest.Length < 4 || rest[0] != 'I' || rest[1] != 'S' || rest[2] != 'A' || X12Bytes.IsAlphanumeric(rest[3]))
        {
            return Stop(X12ReadStatus.NotX12);
        }

        _consumed = skip;
        _state = _state with { StartChecked = true };
        return true;
    }
}
