namespace CodeLedger.Core.Ledger.Replay;

/// <summary>
/// The denial work tables' rows in one text form, written by the replay (<c>ReplayedState.Denials.cs</c>)
/// and by the stored-row reader alike, so an edited state, owner, claim or note is a divergence
/// naming its table, row and column.
/// </summary>
public static class DenialStateRows
{
    public static string ItemLabel(string claimId) => $"denial of claim {claimId}";

    public static string StepLabel(string step, string claimId) => $"denial step {step} (claim {claimId})";

    public static StateRow Item(StateRow row, string practice, Guid posting, string claimId, string rootCause, decimal amount, string team, string? coder, string state,
        DateTimeOffset openedAt, DateTimeOffset? updatedAt, string? lastStep) =>
        row.Set("practice", practice).Set("posting", StateRows.Text(posting)).Set("claim_id", claimId).Set("root_cause", rootCause)
            .Set("amount", StateRows.Text(amount)).Set("team", team).Set("coder", coder).Set("state", state).Set("opened_at", StateRows.Text(openedAt))
            .Set("updated_at", updatedAt is { } u ? StateRows.Text(u) : null).Set("last_step", lastStep);

    public static StateRow Step(StateRow row, string practice, Guid item, string step, string from, string to, DateTimeOffset at, string actor, string claimId, Guid? posting,
        string? noteHash) =>
        row.Set("practice", practice).Set("item", StateRows.Text(item)).Set("step", step).Set("from_state", from).Set("to_state", to).Set("at", StateRows.Text(at))
            .Set("actor", actor).Set("claim_id", claimId).Set("posting", posting is { } p ? StateRows.Text(p) : null).Set("note_hash", noteHash);
}
