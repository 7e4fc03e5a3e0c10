namespace CodeLedger.X12.Acknowledgments;

/// <summary>
/// Envelope values of the acknowledgment interchanges. The time is given, never read from the
/// clock here. Each interchange written has its own control number (ISA13/IEA02, and GS06/GE02 of
/// the 999's one group), 1 to 999,999,999, which the caller must not reuse for the same parties
/// (<see cref="X12Acknowledger.Envelopes"/> says which are due and between whom); the number of
/// one that is not due is not read.
/// </summary>
public sealed record X12AckOptions(DateTimeOffset Now, int Ack999ControlNumber, int Ta1ControlNumber, bool Production = true)
{
    /// <summary>The largest ISA13 (nine digits); GS06 allows as many.</summary>
    public const int MaxControlNumber = 999_999_999;
}
