using CodeLedger.Core.Accounts;
using CodeLedger.Core.Denials;
using CodeLedger.Core.Turnaround;
using CodeLedger.Storage.Remittances;
using CodeLedger.Storage.Tenancy;

namespace CodeLedger.Storage.Denials;

/// <summary>
/// The month's denial and AR figures of a practice (<c>denials</c>; docs/REMITTANCE.md, "Figures"):
/// the claims and their postings read as <see cref="ClaimHistory"/> and handed to
/// <see cref="DenialMonth.Compute"/>, the same calculation <c>ledger replay --report denials</c>
/// runs on the replayed events. A practice the user does not reach is unknown to them.
/// </summary>
public sealed class DenialDesk(CodeLedgerStore store)
{
    public async Task<DenialMonthReport> ReportAsync(string practiceCode, Principal? principal, SlaMonth month, DateOnly? asOf = null, CancellationToken ct = default)
    {
        await using var db = await store.CreateContextAsync(principal, ct);
        var practice = await RemittanceDesk.ReachedPracticeAsync(db, practiceCode, ct);
        var histories = await RemittanceDesk.HistoriesAsync(db, practice, ct);
        return DenialMonth.Compute(practice.Code, month, histories, DenialRules.Default, asOf);
    }
}
