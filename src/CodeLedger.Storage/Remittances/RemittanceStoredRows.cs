using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Ledger.Replay;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Remittances;

/// <summary>The remittance tables as <see cref="StateRows"/> for <c>ledger verify</c>, written by <see cref="RemittanceStateRows"/> exactly as the replay writes them.</summary>
internal static class RemittanceStoredRows
{
    public static async Task ReadAsync(CodeLedgerDbContext db, IStateRowSink rows, Func<Guid, string> code, CancellationToken ct)
    {
        foreach (var p in await db.Set<RemittancePaymentRow>().IgnoreQueryFilters().AsNoTracking().ToListAsync(ct))
        {
            RemittanceStateRows.Payment(rows.Add(StateTables.RemittancePayments, StateRows.Text(p.Id), ReplayedState.PaymentLabel(code(p.PracticeId), p.PayerId, p.TraceNumber), 0),
                code(p.PracticeId), p.PayerId, p.TraceNumber, p.TotalPayment, p.PaymentDate, p.FileName, p.FileSha256, p.TransactionSet, p.Unbalanced, p.PostedAt, p.PostedBy);
        }

        await foreach (var p in db.Set<ClaimPostingRow>().IgnoreQueryFilters().AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            var posting = new RemittancePosted.Posting(p.Id, p.ClaimRowId, p.ClaimId, p.Position, p.Status, p.Charge, p.Paid, p.PatientResponsibility, p.PayerClaimControlNumber,
                p.ReversesPostingId, p.MatchedByHand, p.Adjustments, p.Lines, string.Empty, null!);
            RemittanceStateRows.Posting(rows.Add(StateTables.ClaimPostings, StateRows.Text(p.Id), ReplayedState.PostingLabel(p.ClaimId, p.Position), 0), p.PaymentId, code(p.PracticeId), posting);
        }

        foreach (var a in await db.Set<ProviderAdjustmentRow>().IgnoreQueryFilters().AsNoTracking().ToListAsync(ct))
        {
            RemittanceStateRows.ProviderAdjustment(rows.Add(StateTables.ProviderAdjustments, StateRows.Text(a.Id), $"PLB {a.Position} ({a.Reason})", 0), a.PaymentId, code(a.PracticeId),
                new RemittancePosted.ProviderAdjustment(a.Id, a.Position, a.ProviderId, a.FiscalPeriodEnd, a.Reason, a.Reference, a.Amount, a.ClaimId));
        }

        foreach (var u in await db.Set<UnmatchedClaimPaymentRow>().IgnoreQueryFilters().AsNoTracking().ToListAsync(ct))
        {
            RemittanceStateRows.Unmatched(rows.Add(StateTables.UnmatchedClaimPayments, StateRows.Text(u.Id), $"unmatched CLP {u.Position} (CLP01 {u.PatientControlNumber})", 0),
                u.PaymentId, code(u.PracticeId),
                new RemittancePosted.UnmatchedPayment(u.Id, u.Position, u.PatientControlNumber, u.PayerClaimControlNumber, u.Status, u.Charge, u.Paid, u.PatientResponsibility,
                    u.Adjustments, u.Services));
        }
    }
}
