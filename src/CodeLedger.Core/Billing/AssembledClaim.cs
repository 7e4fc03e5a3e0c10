using CodeLedger.Core.Edits;
using CodeLedger.X12.Claims837;

namespace CodeLedger.Core.Billing;

/// <summary>
/// Something claim assembly found: the code (a <c>CLAIM-*</c> code of docs/BILLING.md, or an edit
/// rule of docs/EDITS.md), how serious, the service line (1-based) or null for the claim, and a
/// message that names fields and codes but never PHI.
/// </summary>
public sealed record ClaimFinding(string Code, EditSeverity Severity, int? Line, string Message)
{
    public override string ToString() => $"{Code} {(Severity == EditSeverity.Error ? "error" : "warning")}{(Line is { } l ? $" line {l}" : string.Empty)}: {Message}";
}

/// <summary>A priced line: the fee per unit in force (null when the practice has none) and the line's charge (fee × units).</summary>
public sealed record PricedLine(int Number, CodedLine Coded, decimal? Fee, decimal? Charge);

/// <summary>
/// The result of assembling one encounter's claim. <see cref="Status"/> is
/// <see cref="ClaimStatus.Ready"/> when no finding is an error (then <see cref="Claim"/> is the
/// 837P claim the batcher writes), else <see cref="ClaimStatus.FixQueue"/> with the findings and
/// no 837P claim, so that nothing held can be written by mistake.
/// </summary>
public sealed record AssembledClaim(
    string PracticeKey,
    string ClaimId,
    ClaimFrequency Frequency,
    ClaimPayer? Payer,
    IReadOnlyList<PricedLine> Lines,
    decimal? TotalCharge,
    IReadOnlyList<ClaimFinding> Findings,
    Claim837? Claim)
{
    public ClaimStatus Status => Claim is null ? ClaimStatus.FixQueue : ClaimStatus.Ready;

    public IEnumerable<ClaimFinding> Errors => Findings.Where(f => f.Severity == EditSeverity.Error);

    /// <summary>
    /// Whether a refusal to read the final coding as a claim's (<c>FinalizedCoding.From</c>) holds only
    /// that claim: a coding the claim cannot bill (fractional units, CLAIM-UNITS) is the practice's to
    /// fix on that claim, and never stops its other claims. Any other refusal stops the write.
    /// </summary>
    public static bool HoldsOnlyTheClaim(Common.DomainException refusal) => refusal.Code == BillingErrors.ClaimUnits.Value;

    /// <summary>The claim such a refusal holds: in the fix queue with no lines, payer or total, the refusal its one error finding.</summary>
    public static AssembledClaim HeldBy(Common.DomainException refusal, string practiceKey, string encounterKey, int submission, ClaimFrequency frequency) =>
        new(practiceKey, Billing.ClaimId.For(encounterKey, submission), frequency, null, [], null, [new ClaimFinding(refusal.Code, EditSeverity.Error, null, refusal.Message)], null);
}
