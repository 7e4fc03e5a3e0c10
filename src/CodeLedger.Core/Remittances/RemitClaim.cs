namespace CodeLedger.Core.Remittances;

/// <summary>
/// What posting needs to know about a claim CodeLedger sent: its CLM01 claim id, the practice and
/// payer, the payer's claim control number once an earlier 835 or 277CA gave one, the total charge
/// and the lines. Plain input, built by Storage from its claim rows; posting never reads the claim's
/// patient.
/// </summary>
public sealed record RemitClaim(
    string ClaimId,
    string Practice,
    string PayerId,
    string? PayerClaimControlNumber,
    decimal TotalCharge,
    IReadOnlyList<RemitClaimLine> Lines);

/// <summary>
/// One line of a <see cref="RemitClaim"/>: the line item control number the 837P sent in loop 2400
/// REF*6R and the payer echoes in loop 2110 (the issue calls it REF*6B), the procedure, modifiers,
/// units, date of service and charge. <see cref="Number"/> is the line's LX position, the key
/// postings name.
/// </summary>
public sealed record RemitClaimLine(
    int Number,
    string? LineItemControlNumber,
    string ProcedureCode,
    IReadOnlyList<string> Modifiers,
    decimal Units,
    DateOnly DateOfService,
    decimal Charge);
