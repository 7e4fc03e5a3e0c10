using CodeLedger.Core.Ledger.Replay;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Acknowledgments;

/// <summary>The acknowledgments table as <see cref="StateRows"/> for <c>ledger verify</c>, written exactly as <c>ReplayedState.Acknowledgments.cs</c> writes the replayed rows.</summary>
internal static class AcknowledgmentStoredRows
{
    public static async Task ReadAsync(CodeLedgerDbContext db, IStateRowSink rows, Func<Guid, string> code, CancellationToken ct)
    {
        foreach (var a in await db.Set<AcknowledgmentRow>().IgnoreQueryFilters().AsNoTracking().ToListAsync(ct))
        {
            rows.Add(StateTables.Acknowledgments, StateRows.Text(a.Id), $"{a.Kind} {a.FileName} of {code(a.PracticeId)}", 0)
                .Set("practice", code(a.PracticeId)).Set("kind", a.Kind).Set("file_name", a.FileName).Set("sha256", a.Sha256).Set("sender", a.Sender)
                .Set("imported_at", StateRows.Text(a.ImportedAt))
                .Set("claims", StateTables.AcknowledgedClaims(a.Claims.Select(c => (c.ClaimId, c.Accepted))))
                .Set("unmatched", StateRows.Text(a.Unmatched.Count));
        }
    }
}
