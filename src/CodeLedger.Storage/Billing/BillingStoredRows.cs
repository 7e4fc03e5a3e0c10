using CodeLedger.Core.Ledger.Replay;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Billing;

/// <summary>The billing tables as <see cref="StateRows"/> for <c>ledger verify</c>, written exactly as <c>ReplayedState.Billing.cs</c> writes the replayed rows.</summary>
internal static class BillingStoredRows
{
    public static async Task ReadAsync(CodeLedgerDbContext db, IStateRowSink rows, Func<Guid, string> code, Func<Guid, string> ext, CancellationToken ct)
    {
        foreach (var c in await db.Set<ClaimRow>().IgnoreQueryFilters().AsNoTracking().ToListAsync(ct))
        {
            StateTables.ClaimRow(rows.Add(StateTables.Claims, StateRows.Text(c.Id), StateTables.ClaimLabel(code(c.PracticeId), c.ClaimId), 0),
                code(c.PracticeId), ext(c.EncounterId), c.ClaimId, c.Submission, (int)c.Frequency, c.ReplacesClaimId, c.PayerClaimControlNumber, c.CodingVersion,
                Core.Billing.ClaimStatusNames.Name(c.Status), c.PayerCode, c.PayerId, c.TotalCharge?.ToString(),
                c.Lines.Select(l => (l.Number, l.LineItemControlNumber, l.Code, (IEnumerable<string>)l.Modifiers, l.Units, (IEnumerable<int>)l.Pointers, l.DateOfService, ClaimDesk.Amount(l.Fee), ClaimDesk.Amount(l.Charge))),
                c.Findings.Select(f => (f.Code, f.Severity, f.Line, f.Message)),
                c.FileName, c.ReceiverId, c.InterchangeControlNumber, c.GroupControlNumber, c.TransactionControlNumber, c.SubmittedAt);
        }

        foreach (var f in await db.Set<FeeScheduleRow>().IgnoreQueryFilters().AsNoTracking().ToListAsync(ct))
        {
            rows.Add(StateTables.FeeSchedules, StateRows.Text(f.Id), $"fee schedule of {code(f.PracticeId)} effective {StateRows.Text(f.EffectiveOn)}", 0)
                .Set("practice", code(f.PracticeId)).Set("effective_on", StateRows.Text(f.EffectiveOn)).Set("file_name", f.FileName).Set("sha256", f.Sha256)
                .Set("fees", StateTables.Fees(f.Entries.Select(e => (e.Code.Value, e.Modifier?.Value, e.Charge.ToString()))));
        }
    }
}
