namespace CodeLedger.Core.Ledger.Events;

/// <summary>
/// A claim was built from an encounter's final coding (docs/BILLING.md, "Claims submit"): an
/// original by <c>claims submit</c>, a replacement (7) or void (8) by <c>claims correct</c> /
/// <c>claims void</c>. Everything replay needs to rebuild the row: CLM01, submission, frequency, the
/// claim it replaces and the payer's claim control number, the coding version it was built from,
/// status, payer, the priced lines and the findings (codes and messages without PHI). No patient,
/// member id or address: those stay in the encrypted tables. Subject: the encounter's external id.
/// </summary>
public sealed record ClaimBuilt(
    Guid Id,
    Guid Practice,
    Guid Encounter,
    string ClaimId,
    int Submission,
    int Frequency,
    string? ReplacesClaimId,
    string? PayerClaimControlNumber,
    int CodingVersion,
    string Status,
    string? PayerCode,
    string? PayerId,
    string? TotalCharge,
    IReadOnlyList<ClaimBuilt.Line> Lines,
    IReadOnlyList<ClaimBuilt.Finding> Findings) : ILedgerEvent
{
    public static string Type => "claim.built";

    /// <summary>
    /// A priced line: LX number, code, modifiers, units, pointers, date of service, fee and charge
    /// (null without a fee), in dollars (<c>125.00</c>), and its line item control number (REF*6R).
    /// Events recorded before REF*6R was written carry none: their lines held the LX number.
    /// </summary>
    public sealed record Line(int Number, string Code, IReadOnlyList<string> Modifiers, int Units, IReadOnlyList<int> Pointers, DateOnly DateOfService, string? Fee, string? Charge,
        string? LineItemControlNumber = null)
    {
        /// <summary>The line item control number the claims row holds for this line (the LX number for events before REF*6R); derived, so not in the payload.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public string ControlNumber => LineItemControlNumber ?? Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A finding: code, "error" or "warning", line or null, message (no PHI).</summary>
    public sealed record Finding(string Code, string Severity, int? Line, string Message);
}

/// <summary>
/// A claim that had not left (fix queue or ready) was assembled again by <c>claims submit</c> and
/// came out different (the practice added a fee, a payer, an address...): its new coding version,
/// status, payer, lines and findings. Subject: the encounter's external id.
/// </summary>
public sealed record ClaimRebuilt(
    Guid Id,
    string ClaimId,
    int CodingVersion,
    string Status,
    string? PayerCode,
    string? PayerId,
    string? TotalCharge,
    IReadOnlyList<ClaimBuilt.Line> Lines,
    IReadOnlyList<ClaimBuilt.Finding> Findings) : ILedgerEvent
{
    public static string Type => "claim.rebuilt";
}

/// <summary>
/// Ready claims were written to one 837P in the outbox (docs/BILLING.md, "Claims submit"): the
/// file's name and SHA-256, the receiver (ISA07/ISA08), the control numbers (ISA13, GS06, ST02),
/// when, and the CLM01 of every claim in it, which are now submitted. Subject: the practice's code.
/// </summary>
public sealed record ClaimsSubmitted(
    Guid Practice,
    string FileName,
    string Sha256,
    string ReceiverQualifier,
    string ReceiverId,
    int InterchangeControlNumber,
    int GroupControlNumber,
    int TransactionControlNumber,
    DateTimeOffset SubmittedAt,
    IReadOnlyList<string> ClaimIds) : ILedgerEvent
{
    public static string Type => "claims.submitted";
}
