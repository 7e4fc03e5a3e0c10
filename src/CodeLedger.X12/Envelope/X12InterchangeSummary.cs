namespace CodeLedger.X12.Envelope;

/// <summary>One interchange as read, with its groups and the envelope errors a TA1 reports.</summary>
public sealed class X12InterchangeSummary(X12InterchangeHeader header)
{
    public X12InterchangeHeader Header { get; } = header;

    public List<X12GroupSummary> Groups { get; } = [];

    public List<X12Error> Errors { get; } = [];

    /// <summary>True when the ISA version is not 00501: its content was not read.</summary>
    public bool Unsupported { get; set; }
}
