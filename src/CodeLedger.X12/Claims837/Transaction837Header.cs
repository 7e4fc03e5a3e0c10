using CodeLedger.X12.Envelope;

namespace CodeLedger.X12.Claims837;

/// <summary>
/// ST, BHT and loops 1000A/1000B of an 837P (005010X222A1 §2.3): the transaction's control
/// number, its purpose (BHT02 00 original, 18 reissue), reference, creation date and time, whether
/// it is chargeable (BHT06 CH) or an encounter report (RP), the submitter with its EDI contact,
/// and the receiver.
/// </summary>
public sealed record Transaction837Header(
    string ControlNumber,
    string Purpose,
    string Reference,
    string CreationDate,
    string CreationTime,
    string ClaimOrEncounter,
    X12Name Submitter,
    string? ContactName,
    string? ContactPhone,
    X12Name Receiver);
