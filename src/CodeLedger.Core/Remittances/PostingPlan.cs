namespace CodeLedger.Core.Remittances;

/// <summary>
/// What one 835 transaction set posts, decided without a database: Storage saves each part as rows
/// and events in one write (docs/REMITTANCE.md, "How Storage uses this"). A plan that
/// <see cref="AlreadyPosted"/> holds nothing to save; a refused 835 has no plan (the poster throws
/// a <see cref="Common.DomainException"/> naming the location).
/// </summary>
public sealed record PostingPlan(
    PaymentKey Payment,
    decimal TotalPayment,
    DateOnly? PaymentDate,
    bool AlreadyPosted,
    bool Unbalanced,
    IReadOnlyList<ClaimPosting> Claims,
    IReadOnlyList<ProviderLevelAdjustment> ProviderAdjustments,
    IReadOnlyList<UnmatchedClaimPayment> Unmatched,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Σ CLP04 of the claims posted, reversals included (negative), matched and unmatched alike.</summary>
    public decimal PostedPayments => Claims.Sum(c => c.Paid) + Unmatched.Sum(u => u.Paid);

    /// <summary>Σ PLB amounts: positive ones reduce the payment (FACTS §4.3).</summary>
    public decimal ProviderAdjustmentTotal => ProviderAdjustments.Sum(p => p.Amount);

    /// <summary>What the plan pays out: posted payments less PLB, which is BPR02 when the file balances.</summary>
    public decimal NetPayment => PostedPayments - ProviderAdjustmentTotal;

    /// <summary>
    /// SVCs of matched claims that fit no line of their claim: posted to the claim (line 0) with
    /// their amounts, listed here so a user can see and fix them; nothing is dropped.
    /// </summary>
    public IEnumerable<(string ClaimId, LinePosting Service)> UnmatchedServices =>
        Claims.SelectMany(c => c.Lines.Where(l => l.LineNumber == 0).Select(l => (c.ClaimId, l)));
}

/// <summary>
/// One CLP posted to a known claim: its status, charge, payment, patient responsibility, the
/// claim-level adjustments and the lines. A reversal (CLP02 22) names the posting it undoes and
/// carries that posting's amounts negated, line by line. <see cref="UnallocatedPaid"/> is the part
/// of CLP04 no SVC carries (a claim paid without service lines, or paid at claim level): it is
/// posted to the claim, never dropped.
/// </summary>
public sealed record ClaimPosting(
    int Position,
    string ClaimId,
    string? PayerClaimControlNumber,
    string Status,
    decimal Charge,
    decimal Paid,
    decimal? PatientResponsibility,
    IReadOnlyList<PostedAdjustment> ClaimAdjustments,
    IReadOnlyList<LinePosting> Lines,
    ReversalOf? Reverses)
{
    public bool IsReversal => Reverses is not null;

    public bool IsDenied => Status == ClaimStatus.Denied;

    public decimal UnallocatedPaid => Paid - Lines.Sum(l => l.Paid);

    public decimal AdjustmentTotal => ClaimAdjustments.Sum(a => a.Amount) + Lines.Sum(l => l.Adjustments.Sum(a => a.Amount));
}

/// <summary>Which earlier posting a reversal undoes: the payment it came in and the claim's position there.</summary>
public sealed record ReversalOf(PaymentKey Payment, int Position);

/// <summary>One SVC posted to a claim line (<see cref="LineNumber"/>), or to no line when the SVC matched none (then 0, and a warning says so).</summary>
public sealed record LinePosting(
    int ServicePosition,
    int LineNumber,
    string ProcedureCode,
    IReadOnlyList<string> Modifiers,
    decimal Charge,
    decimal Paid,
    IReadOnlyList<PostedAdjustment> Adjustments,
    IReadOnlyList<string> Remarks);

/// <summary>
/// One CAS triplet as posted: group code, CARC, amount, the RARCs of its service (LQ*HE), and what
/// kind of money it is (<see cref="AdjustmentKind"/>). A positive amount reduces what is owed.
/// </summary>
public sealed record PostedAdjustment(string Group, string Reason, decimal Amount, AdjustmentKind Kind, IReadOnlyList<string> Remarks);

/// <summary>CAS01 read as what the money is: CO contractual (the provider writes it off), PR the patient owes it, OA and PI other.</summary>
public enum AdjustmentKind
{
    Contractual,
    PatientResponsibility,
    Other,
}

/// <summary>
/// One PLB adjustment: reason (PLB03-1), reference (PLB03-2), amount (positive reduces the
/// payment), and the claim it names when the reference is a known claim's CLP07 payer claim control
/// number or CLP01 claim id (a WO overpayment recovery usually is); else null, kept at provider level.
/// </summary>
public sealed record ProviderLevelAdjustment(int Position, string ProviderId, DateOnly? FiscalPeriodEnd, string Reason, string? Reference, decimal Amount, string? ClaimId);

/// <summary>
/// A CLP CodeLedger could not match to a claim (neither CLP01 nor CLP07 known for the payer): kept
/// whole with its amounts, so a user can match it by hand (<see cref="RemittanceMatcher.MatchByHand"/>).
/// </summary>
public sealed record UnmatchedClaimPayment(
    int Position,
    string PatientControlNumber,
    string? PayerClaimControlNumber,
    string Status,
    decimal Charge,
    decimal Paid,
    decimal? PatientResponsibility,
    X12.Remittance835.ClaimPayment835 Payment);

/// <summary>CLP02 codes posting treats apart (FACTS §4.3).</summary>
public static class ClaimStatus
{
    public const string Denied = "4";

    public const string Reversal = "22";
}
