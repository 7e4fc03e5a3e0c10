using CodeLedger.Core.Billing;

namespace CodeLedger.Core.Acknowledgments;

/// <summary>
/// A claim as it went out, what an acknowledgment can name it by: CLM01 (277CA), and the 837P's
/// ISA13 and receiver (TA1), GS06 and ST02 (999); its status and line item control numbers.
/// </summary>
public sealed record SentClaim(
    string ClaimId,
    ClaimStatus Status,
    int? InterchangeControlNumber,
    string? ReceiverId,
    int? GroupControlNumber,
    int? TransactionControlNumber,
    IReadOnlyDictionary<string, int> LinesByControlNumber);
