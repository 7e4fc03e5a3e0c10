namespace CodeLedger.X12.Acknowledgments;

/// <summary>
/// The acknowledgment interchanges a parsed file calls for, each with the parties it goes between,
/// or null when it is not due. <see cref="X12Acknowledger.Create"/> writes exactly these, so a
/// caller can reserve their control numbers first.
/// </summary>
public sealed record X12AckEnvelopes(X12Parties? Ack999, X12Parties? Ta1);
