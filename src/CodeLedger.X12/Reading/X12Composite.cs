namespace CodeLedger.X12.Reading;

/// <summary>
/// A composite element split once into component bounds (on the caller's stack), for the
/// composites read component by component (SV101, SVC01, SVC06: qualifier, code, four modifiers,
/// description) instead of rescanning the element for each of them.
/// </summary>
internal readonly ref struct X12Composite
{
    private readonly ReadOnlySpan<byte> _element;

    // As in X12Fields: _bounds[0] is -1, _bounds[k] ends component k (1-based).
    private readonly ReadOnlySpan<int> _bounds;

    public X12Composite(ReadOnlySpan<byte> element, byte separator, Span<int> scratch)
    {
        _element = element;
        scratch[0] = -1;
        var count = 1;
        var last = scratch.Length - 1;
        for (var i = 0; i < element.Length && count < last; i++)
        {
            if (element[i] == separator)
            {
                scratch[count++] = i;
            }
        }

        scratch[count++] = element.Length;
        _bounds = scratch[..count];
    }

    /// <summary>
    /// Component <paramref name="index"/> (1-based); empty when absent. Components past the
    /// table's end are not split off: callers size the table for the last component they read.
    /// </summary>
    public ReadOnlySpan<byte> this[int index]
    {
        get
        {
            if (unchecked((uint)(index - 1)) >= (uint)(_bounds.Length - 1))
            {
                return default;
            }

            var start = _bounds[index - 1] + 1;
            return _element.Slice(start, _bounds[index] - start);
        }
    }
}
