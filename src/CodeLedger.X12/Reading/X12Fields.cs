namespace CodeLedger.X12.Reading;

/// <summary>
/// A segment split once into element ranges (on the caller's stack), so a builder can read
/// element n in O(1) instead of rescanning the segment for every element.
/// </summary>
internal readonly ref struct X12Fields
{
    private readonly ReadOnlySpan<byte> _raw;
    private readonly ReadOnlySpan<Range> _ranges;

    public X12Fields(in X12Segment segment, Span<Range> scratch)
    {
        _raw = segment.Raw;
        _ranges = scratch[..segment.Split(scratch)];
        ComponentSeparator = segment.Delimiters.Component;
        Position = segment.Position;
    }

    public byte ComponentSeparator { get; }

    public long Position { get; }

    /// <summary>Elements after the identifier.</summary>
    public int Count => _ranges.Length - 1;

    public ReadOnlySpan<byte> this[int index] => index < _ranges.Length ? _raw[_ranges[index]] : default;

    public ReadOnlySpan<byte> Component(int element, int component) => X12Bytes.Component(this[element], component, ComponentSeparator);
}
