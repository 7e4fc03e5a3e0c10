namespace CodeLedger.Storage.Denials;

/// <summary>
/// A denial as a piece of work (table denial_work_items; docs/REMITTANCE.md, "Work items"): the
/// posting that denied, the claim, root cause, amount, owning team and coder of record, state.
/// </summary>
public sealed class DenialWorkItemRow
{
    public Guid Id { get; set; }

    public Guid PracticeId { get; set; }

    public Guid PostingId { get; set; }

    public string ClaimId { get; set; } = string.Empty;

    public string RootCause { get; set; } = string.Empty;

    public decimal Amount { get; set; }

    public string Team { get; set; } = string.Empty;

    /// <summary>The user name of the coder who coded the encounter (coding denials), else null.</summary>
    public string? Coder { get; set; }

    public string State { get; set; } = string.Empty;

    public DateTimeOffset OpenedAt { get; set; }
}
