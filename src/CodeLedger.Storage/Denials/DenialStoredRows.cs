using CodeLedger.Core.Ledger.Replay;
using CodeLedger.Storage.Protection;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Denials;

/// <summary>
/// The denial work tables as <see cref="StateRows"/> for <c>ledger verify</c>, written by
/// <see cref="DenialStateRows"/> exactly as the replay writes them; a step's note is read decrypted
/// and compared by the keyed hash its event carries, never by content.
/// </summary>
internal static class DenialStoredRows
{
    public static async Task ReadAsync(CodeLedgerDbContext db, IStateRowSink rows, Func<Guid, string> code, PhiLedgerHash hash, CancellationToken ct)
    {
        foreach (var d in await db.Set<DenialWorkItemRow>().IgnoreQueryFilters().AsNoTracking().ToListAsync(ct))
        {
            DenialStateRows.Item(rows.Add(StateTables.DenialWorkItems, StateRows.Text(d.Id), DenialStateRows.ItemLabel(d.ClaimId), 0), code(d.PracticeId), d.PostingId, d.ClaimId,
                d.RootCause, d.Amount, d.Team, d.Coder, d.State, d.OpenedAt, d.UpdatedAt, d.LastStep);
        }

        foreach (var s in await db.Set<DenialWorkStepRow>().IgnoreQueryFilters().AsNoTracking().ToListAsync(ct))
        {
            DenialStateRows.Step(rows.Add(StateTables.DenialWorkSteps, StateRows.Text(s.Id), DenialStateRows.StepLabel(s.Step, s.ClaimId), 0), code(s.PracticeId), s.WorkItemId,
                s.Step, s.FromState, s.ToState, s.At, s.Actor, s.ClaimId, s.PostingId, s.Note is null ? null : hash.Of(s.Note));
        }
    }
}
