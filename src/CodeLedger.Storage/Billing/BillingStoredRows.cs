using CodeLedger.Core.Ledger.Replay;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Billing;

/// <summary>The billing tables as <see cref="StateRows"/> for <c>ledger verify</c>, written exactly as <c>ReplayedState.Billing.cs</c> writes the replayed rows.</summary>
internal static class BillingStoredRows
{
    public static async Task ReadAsync(CodeLedgerDbContext db, IStateRowSink rows, Func<Guid, string> code, CancellationToken ct)
    {
        foreach (var f in await db.Set<FeeScheduleRow>().IgnoreQueryFilters().AsNoTracking().ToListAsync(ct))
        {
            rows.Add(StateTables.FeeSchedules, StateRows.Text(f.Id), $"fee schedule of {code(f.PracticeId)} effective {StateRows.Text(f.EffectiveOn)}", 0)
                .Set("practice", code(f.PracticeId)).Set("effective_on", StateRows.Text(f.EffectiveOn)).Set("file_name", f.FileName).Set("sha256", f.Sha256)
                .Set("fees", StateTables.Fees(f.Entries.Select(e => (e.Code.Value, e.Modifier?.Value, e.Charge.ToString()))));
        }
    }
}
