using CodeLedger.Core.Ledger.Events;

namespace CodeLedger.Storage.Remittances;

/// <summary>
/// One 835 payment posted for a practice (table remittance_payments; docs/REMITTANCE.md): its key
/// (payer id, TRN02) unique per practice, BPR02, BPR16, the file it came in, whether it was accepted
/// unbalanced. Rows are only ever inserted.
/// </summary>
public sealed class RemittancePaymentRow
{
    public Guid Id { get; set; }

    public Guid PracticeId { get; set; }

    /// <summary>TRN03, else the N1*PR id.</summary>
    public string PayerId { get; set; } = string.Empty;

    /// <summary>TRN02, the check or EFT trace number.</summary>
    public string TraceNumber { get; set; } = string.Empty;

    /// <summary>BPR02.</summary>
    public decimal TotalPayment { get; set; }

    /// <summary>BPR16.</summary>
    public DateOnly? PaymentDate { get; set; }

    public string FileName { get; set; } = string.Empty;

    public string FileSha256 { get; set; } = string.Empty;

    /// <summary>ST02 of the transaction set.</summary>
    public string TransactionSet { get; set; } = string.Empty;

    public bool Unbalanced { get; set; }

    public DateTimeOffset PostedAt { get; set; }

    public string PostedBy { get; set; } = string.Empty;
}

/// <summary>
/// One CLP posted to a claim (table claim_postings): CLP02, charge, paid, patient responsibility,
/// CLP07, the claim-level CAS and the lines (JSON), the posting a reversal undoes. A hand match adds
/// a row with <see cref="MatchedByHand"/>. Rows are only ever inserted.
/// </summary>
public sealed class ClaimPostingRow
{
    public Guid Id { get; set; }

    public Guid PaymentId { get; set; }

    public Guid PracticeId { get; set; }

    /// <summary>The claims row posted to, and its CLM01.</summary>
    public Guid ClaimRowId { get; set; }

    public string ClaimId { get; set; } = string.Empty;

    /// <summary>The CLP's position in its transaction set, from 1.</summary>
    public int Position { get; set; }

    public string Status { get; set; } = string.Empty;

    public decimal Charge { get; set; }

    public decimal Paid { get; set; }

    public decimal? PatientResponsibility { get; set; }

    public string? PayerClaimControlNumber { get; set; }

    /// <summary>The posting a reversal (CLP02 22) undoes.</summary>
    public Guid? ReversesPostingId { get; set; }

    public bool MatchedByHand { get; set; }

    public List<RemittancePosted.Cas> Adjustments { get; set; } = [];

    public List<RemittancePosted.Line> Lines { get; set; } = [];

    public DateTimeOffset PostedAt { get; set; }
}

/// <summary>One PLB adjustment (table provider_adjustments): reason, reference, amount, and the claim (CLM01) it names, if one.</summary>
public sealed class ProviderAdjustmentRow
{
    public Guid Id { get; set; }

    public Guid PaymentId { get; set; }

    public Guid PracticeId { get; set; }

    public int Position { get; set; }

    public string ProviderId { get; set; } = string.Empty;

    public DateOnly? FiscalPeriodEnd { get; set; }

    public string Reason { get; set; } = string.Empty;

    public string? Reference { get; set; }

    public decimal Amount { get; set; }

    public string? ClaimId { get; set; }
}

/// <summary>
/// A CLP no claim of the practice matched (table unmatched_claim_payments), kept until a user
/// matches it by hand: ids, amounts, the claim-level CAS and the services (JSON), never the patient.
/// </summary>
public sealed class UnmatchedClaimPaymentRow
{
    public Guid Id { get; set; }

    public Guid PaymentId { get; set; }

    public Guid PracticeId { get; set; }

    public int Position { get; set; }

    public string PatientControlNumber { get; set; } = string.Empty;

    public string? PayerClaimControlNumber { get; set; }

    public string Status { get; set; } = string.Empty;

    public decimal Charge { get; set; }

    public decimal Paid { get; set; }

    public decimal? PatientResponsibility { get; set; }

    public List<RemittancePosted.Cas> Adjustments { get; set; } = [];

    public List<RemittancePosted.Service> Services { get; set; } = [];
}
