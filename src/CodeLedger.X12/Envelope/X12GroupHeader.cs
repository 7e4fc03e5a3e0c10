namespace CodeLedger.X12.Envelope;

/// <summary>The GS segment: functional identifier (HC claims, HP remittance), parties, control number, guide version (GS08).</summary>
public sealed record X12GroupHeader(
    string FunctionalId,
    string SenderCode,
    string ReceiverCode,
    string Date,
    string Time,
    string ControlNumber,
    string Version);
