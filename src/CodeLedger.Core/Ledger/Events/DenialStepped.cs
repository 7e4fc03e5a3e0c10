namespace CodeLedger.Core.Ledger.Events;

/// <summary>
/// A denial work item took one step (docs/REMITTANCE.md, "Work items"): the step (<c>appeal</c>,
/// <c>write-off</c>, <c>reopen</c>, <c>resolve</c> by a person; <c>corrected</c>, <c>paid</c>,
/// <c>denied-again</c> by themselves), the states from and to, when, the claim the item names after
/// it (a correction moves it to the replacement), the posting that answered it, and, when denied
/// again, the new denial it carries. A note or reason is free text a person may fill with PHI, so
/// only its keyed hash is here (<c>hmac-sha256:KEYID:HEX</c>); the text is encrypted in
/// denial_work_steps. The actor is the user (or the user whose correction or posting moved it).
/// Subject: the practice's code.
/// </summary>
public sealed record DenialStepped(
    Guid Id,
    Guid Item,
    Guid Practice,
    string Step,
    string From,
    string To,
    DateTimeOffset At,
    string ClaimId,
    Guid? Posting,
    string? NoteHash,
    DenialStepped.Refiling? Refiled) : ILedgerEvent
{
    public static string Type => "denial.stepped";

    /// <summary>The denial a posting brought to an item it reopened: that posting, root cause, amount, team and coder of record.</summary>
    public sealed record Refiling(Guid Posting, string RootCause, decimal Amount, string Team, string? Coder);
}
