namespace CodeLedger.X12.Acknowledgments;

/// <summary>Envelope values of the acknowledgment interchange; the time is given, never read from the clock here.</summary>
public sealed record X12AckOptions(DateTimeOffset Now, string InterchangeControlNumber = "000000001", string GroupControlNumber = "1", bool Production = true);
