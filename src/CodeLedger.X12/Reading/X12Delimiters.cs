namespace CodeLedger.X12.Reading;

/// <summary>
/// The four separators of an interchange. They are not fixed by the standard: each ISA declares
/// them (element separator at byte 4, repetition separator ISA11, component separator ISA16,
/// segment terminator right after ISA16; X12.5 / 005010 TR3 appendix B).
/// </summary>
public readonly record struct X12Delimiters(byte Element, byte Repetition, byte Component, byte Segment)
{
    /// <summary>The separators most senders use: <c>* ^ : ~</c>.</summary>
    public static X12Delimiters Default { get; } = new((byte)'*', (byte)'^', (byte)':', (byte)'~');
}
