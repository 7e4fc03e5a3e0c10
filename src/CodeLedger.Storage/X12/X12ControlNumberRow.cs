namespace CodeLedger.Storage.X12;

/// <summary>
/// The last interchange control number CodeLedger gave an interchange from one sender to one
/// receiver (ISA05/06 to ISA07/08). ISA13 must not repeat between the same parties, so every
/// acknowledgment written takes the next number from here.
/// </summary>
public sealed class X12ControlNumberRow
{
    public required string SenderQualifier { get; init; }

    public required string SenderId { get; init; }

    public required string ReceiverQualifier { get; init; }

    public required string ReceiverId { get; init; }

    /// <summary>1 to 999,999,999; the next number follows it and wraps from the largest back to 1.</summary>
    public int LastControlNumber { get; set; }
}
