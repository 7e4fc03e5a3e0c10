namespace CodeLedger.Storage.Acknowledgments;

/// <summary>
/// One imported acknowledgment file (table acknowledgments; docs/BILLING.md, "Acknowledgments"):
/// a 999, TA1 or 277CA, who sent it, what it said of each claim it names and what it named that
/// was never sent. One row per practice and file content: the same file again changes nothing.
/// </summary>
public sealed class AcknowledgmentRow
{
    public Guid Id { get; set; }

    public Guid PracticeId { get; set; }

    /// <summary>999, TA1 or 277CA.</summary>
    public string Kind { get; set; } = string.Empty;

    public string FileName { get; set; } = string.Empty;

    public string Sha256 { get; set; } = string.Empty;

    /// <summary>ISA06 of the acknowledgment: the receiver the 837P went to.</summary>
    public string Sender { get; set; } = string.Empty;

    public DateTimeOffset ImportedAt { get; set; }

    public string ImportedBy { get; set; } = string.Empty;

    /// <summary>Each claim it named: CLM01, accepted or not, the status after it, whether it changed the claim.</summary>
    public List<AcknowledgedClaimRow> Claims { get; set; } = [];

    /// <summary>What it acknowledged that names no claim sent, one sentence each (no PHI).</summary>
    public List<string> Unmatched { get; set; } = [];
}

public sealed record AcknowledgedClaimRow(string ClaimId, bool Accepted, string Status, bool Changed);
