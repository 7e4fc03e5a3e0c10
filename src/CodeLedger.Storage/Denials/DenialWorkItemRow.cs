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

    /// <summary>When the item last took a step (null: never moved since it was opened).</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The last step's name (<c>appeal</c>, <c>corrected</c>, <c>denied-again</c>...), null while never moved.</summary>
    public string? LastStep { get; set; }
}

/// <summary>
/// One step of a denial work item (table denial_work_steps; docs/REMITTANCE.md, "Work items"): the
/// step, from and to, when and by whom, the claim the item names after it, the posting that answered
/// it, and the note or reason typed with it, encrypted (PHI-prone free text; the ledger has its keyed hash).
/// </summary>
public sealed class DenialWorkStepRow
{
    public Guid Id { get; set; }

    public Guid WorkItemId { get; set; }

    public Guid PracticeId { get; set; }

    public string Step { get; set; } = string.Empty;

    public string FromState { get; set; } = string.Empty;

    public string ToState { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }

    public string Actor { get; set; } = string.Empty;

    public string ClaimId { get; set; } = string.Empty;

    public Guid? PostingId { get; set; }

    /// <summary>The note (appeal, reopen, resolve) or reason (write-off), encrypted at rest; null when none was given.</summary>
    public string? Note { get; set; }
}
