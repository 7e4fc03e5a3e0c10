namespace CodeLedger.X12.Envelope;

/// <summary>
/// The ISA segment (005010 control segments): who sends, who receives, when, the control
/// number that IEA02 must echo, and whether a TA1 is asked for (ISA14).
/// </summary>
public sealed record X12InterchangeHeader(
    string AuthorizationQualifier,
    string Authorization,
    string SecurityQualifier,
    string Security,
    string SenderQualifier,
    string SenderId,
    string ReceiverQualifier,
    string ReceiverId,
    string Date,
    string Time,
    string Version,
    string ControlNumber,
    bool AcknowledgmentRequested,
    string Usage);
