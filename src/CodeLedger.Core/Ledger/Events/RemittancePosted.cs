using System.Text.Json.Serialization;

namespace CodeLedger.Core.Ledger.Events;

/// <summary>
/// One 835 transaction set posted for a practice (docs/REMITTANCE.md, "Storage"): the payment
/// (payer id and TRN02, BPR02, BPR16, the file and its SHA-256, ST02, whether it was accepted
/// unbalanced), every claim posting with its lines and CAS, the PLB adjustments with the claim each
/// names, the CLPs no claim matched (ids and amounts, the CLP without its patient), and the denial
/// work items the postings opened: everything replay needs to rebuild the remittance tables. No
/// patient name: NM1*QC is never read into it. Subject: the practice's code.
/// </summary>
public sealed record RemittancePosted(
    Guid Id,
    Guid Practice,
    string PayerId,
    string TraceNumber,
    decimal TotalPayment,
    DateOnly? PaymentDate,
    string FileName,
    string FileSha256,
    string TransactionSet,
    bool Unbalanced,
    DateTimeOffset PostedAt,
    IReadOnlyList<RemittancePosted.Posting> Claims,
    IReadOnlyList<RemittancePosted.ProviderAdjustment> ProviderAdjustments,
    IReadOnlyList<RemittancePosted.UnmatchedPayment> Unmatched,
    IReadOnlyList<RemittancePosted.Denial> Denials) : ILedgerEvent
{
    public static string Type => "remittance.posted";

    /// <summary>
    /// One CLP posted to a claim (<see cref="Claim"/> the claims row, <see cref="ClaimId"/> its CLM01):
    /// CLP02, CLP03, CLP04, CLP05, CLP07, the claim-level CAS and the lines; a reversal names the
    /// posting it undoes. <see cref="ClaimStatus"/> is the claim's status after it (paid, denied, or
    /// as before for a reversal), and <see cref="History"/> what the denial figures need of the claim.
    /// </summary>
    public sealed record Posting(
        Guid Id,
        Guid Claim,
        string ClaimId,
        int Position,
        string Status,
        decimal Charge,
        decimal Paid,
        decimal? PatientResponsibility,
        string? PayerClaimControlNumber,
        Guid? Reverses,
        bool MatchedByHand,
        IReadOnlyList<Cas> Adjustments,
        IReadOnlyList<Line> Lines,
        string ClaimStatus,
        ClaimFacts History);

    /// <summary>One SVC posted to claim line <see cref="LineNumber"/> (0: no line fitted): code, modifiers, charge, paid, CAS, RARCs (LQ*HE).</summary>
    public sealed record Line(int ServicePosition, int LineNumber, string Code, IReadOnlyList<string> Modifiers, decimal Charge, decimal Paid, IReadOnlyList<Cas> Adjustments, IReadOnlyList<string> Remarks);

    /// <summary>One CAS triplet: group, CARC, amount, and the RARCs of its service.</summary>
    public sealed record Cas(string Group, string Reason, decimal Amount, IReadOnlyList<string> Remarks);

    /// <summary>
    /// The claim as the denial figures read it when it was posted: payer, date of service (the first
    /// line's), first submission day, charge, submissions, whether the first acknowledgment accepted it.
    /// </summary>
    public sealed record ClaimFacts(string PayerId, DateOnly ServiceDate, DateOnly FirstSubmitted, decimal Charge, int Submissions, bool AcceptedOnFirstAcknowledgment);

    /// <summary>One PLB adjustment: provider id, fiscal period end, reason, reference, amount and the claim (CLM01) it names, if one.</summary>
    public sealed record ProviderAdjustment(Guid Id, int Position, string ProviderId, DateOnly? FiscalPeriodEnd, string Reason, string? Reference, decimal Amount, string? ClaimId);

    /// <summary>A CLP no claim matched: kept for a hand match with its amounts and its services, never its patient.</summary>
    public sealed record UnmatchedPayment(Guid Id, int Position, string PatientControlNumber, string? PayerClaimControlNumber, string Status, decimal Charge, decimal Paid,
        decimal? PatientResponsibility, IReadOnlyList<Cas> Adjustments, IReadOnlyList<Service> Services);

    /// <summary>
    /// An unmatched CLP's SVC as read (adjudicated and submitted code, units, dates, the payer's echo of
    /// the line's REF*6R), for the hand match. The control number is left out of the JSON when the payer
    /// echoed none, so events written before it was kept read and hash as they were written.
    /// </summary>
    public sealed record Service(string Qualifier, string Code, IReadOnlyList<string> Modifiers, decimal Charge, decimal Paid, decimal? UnitsPaid,
        string? OriginalCode, IReadOnlyList<string> OriginalModifiers, decimal? OriginalUnits, DateOnly? DateOfService, IReadOnlyList<Cas> Adjustments, IReadOnlyList<string> Remarks,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LineItemControlNumber = null);

    /// <summary>A denial work item opened by a posting: claim, root cause, amount, team, the coder of record (coding denials).</summary>
    public sealed record Denial(Guid Id, Guid Posting, string ClaimId, string RootCause, decimal Amount, string Team, string? Coder);
}

/// <summary>
/// An unmatched claim payment matched by hand (<c>remits match</c>): the queue item removed, its
/// posting on the claim the user named, and the denial it opened, if any. Subject: the practice's code.
/// </summary>
public sealed record RemittanceMatched(Guid Unmatched, Guid Payment, Guid Practice, DateTimeOffset MatchedAt, RemittancePosted.Posting Posting, IReadOnlyList<RemittancePosted.Denial> Denials) : ILedgerEvent
{
    public static string Type => "remittance.matched";
}
