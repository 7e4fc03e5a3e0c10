using CodeLedger.Core.Billing;
using CodeLedger.Core.Codes;

namespace CodeLedger.Storage.Billing;

/// <summary>
/// One claim submission (table claims; docs/BILLING.md): the encounter's claim as
/// <see cref="ClaimAssembler"/> built it, then its life (submitted in an 837P, acknowledged,
/// paid or denied). A correction or void is a new row with the next <see cref="Submission"/>,
/// never an edit of the claim it replaces, so every CLM01 sent stays as it was sent.
/// </summary>
public sealed class ClaimRow
{
    public Guid Id { get; set; }

    public Guid PracticeId { get; set; }

    public Guid EncounterId { get; set; }

    /// <summary>CLM01 (<see cref="Core.Billing.ClaimId"/>): unique per practice.</summary>
    public string ClaimId { get; set; } = string.Empty;

    /// <summary>1 for the encounter's first claim, then 2, 3 ... for each replacement or void.</summary>
    public int Submission { get; set; }

    public ClaimFrequency Frequency { get; set; }

    /// <summary>The CLM01 of the claim this one replaces or voids; null for an original.</summary>
    public string? ReplacesClaimId { get; set; }

    public ClaimStatus Status { get; set; }

    /// <summary>The coding version the claim was built from: the final one for an original or a replacement, the voided claim's for a void.</summary>
    public int CodingVersion { get; set; }

    /// <summary>The practice's code for the payer, when the coverage named one.</summary>
    public string? PayerCode { get; set; }

    /// <summary>The payer's id (NM1*PR NM109) when the payer was known.</summary>
    public string? PayerId { get; set; }

    /// <summary>The payer's claim control number (REF*F8 of a correction), from a 277CA or an 835 (CLP07).</summary>
    public string? PayerClaimControlNumber { get; set; }

    /// <summary>The sum of the line charges; null when a line had no fee.</summary>
    public Money? TotalCharge { get; set; }

    /// <summary>The priced lines, one JSON column: a claim is written and read whole.</summary>
    public List<ClaimLineRow> Lines { get; set; } = [];

    /// <summary>What assembly (or a rejecting acknowledgment) found, one JSON column; no PHI.</summary>
    public List<ClaimFindingRow> Findings { get; set; } = [];

    public DateTimeOffset BuiltAt { get; set; }

    public string BuiltBy { get; set; } = string.Empty;

    /// <summary>When the claim was written to an 837P in the outbox.</summary>
    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>The 837P's interchange control number (ISA13) and the receiver it went to (ISA08).</summary>
    public int? InterchangeControlNumber { get; set; }

    public string? ReceiverId { get; set; }

    /// <summary>The 837P's functional group (GS06) and transaction set (ST02) control numbers, which a 999 names.</summary>
    public int? GroupControlNumber { get; set; }

    public int? TransactionControlNumber { get; set; }

    /// <summary>When an acknowledgment (999, TA1 or 277CA) last accepted or rejected the claim.</summary>
    public DateTimeOffset? AcknowledgedAt { get; set; }

    /// <summary>The outbox file the claim was written to.</summary>
    public string? FileName { get; set; }
}

/// <summary>A priced claim line: LX position, line item control number (REF*6R), code, modifiers, units, pointers, date of service, fee and charge (null without a fee).</summary>
public sealed record ClaimLineRow(
    int Number,
    string LineItemControlNumber,
    string Code,
    IReadOnlyList<string> Modifiers,
    int Units,
    IReadOnlyList<int> Pointers,
    DateOnly DateOfService,
    decimal? Fee,
    decimal? Charge);

/// <summary>A stored <see cref="ClaimFinding"/>: code, "error" or "warning", line or null, message (no PHI).</summary>
public sealed record ClaimFindingRow(string Code, string Severity, int? Line, string Message);
