using CodeLedger.Core.Ledger.Events;

namespace CodeLedger.Core.Ledger.Replay;

/// <summary>
/// Claims out replayed (docs/BILLING.md): each version of a practice's fee schedule from
/// <c>fees.imported</c>, written as the same row text as <c>Storage/Billing/BillingStoredRows</c>
/// writes the stored table, so an edited charge is a divergence.
/// </summary>
public sealed partial class ReplayedState
{
    private readonly Dictionary<Guid, (FeeScheduleImported Event, long Sequence)> _feeSchedules = [];
    private readonly HashSet<(Guid Practice, DateOnly EffectiveOn)> _feeDays = [];

    private void ApplyBilling(LedgerEntry entry, ILedgerEvent payload)
    {
        switch (payload)
        {
            case FeeScheduleImported e:
                if (!_organizations.ContainsKey(e.Practice))
                {
                    Contradict(entry, $"fee schedule {e.Id:D} is for organization {e.Practice:D}, which was never registered");
                    return;
                }

                // A version is never replaced (docs/BILLING.md): a second one for the same practice and day contradicts the first.
                if (_feeSchedules.ContainsKey(e.Id) || !_feeDays.Add((e.Practice, e.EffectiveOn)))
                {
                    Contradict(entry, $"practice {Code(e.Practice)} already has a fee schedule effective {StateRows.Text(e.EffectiveOn)}");
                    return;
                }

                _feeSchedules[e.Id] = (e, entry.Sequence);
                break;
        }
    }

    private void AddBillingRows(StateRows rows, Func<string, bool> want)
    {
        if (!want(StateTables.FeeSchedules))
        {
            return;
        }

        foreach (var (id, (e, seq)) in _feeSchedules)
        {
            rows.Add(StateTables.FeeSchedules, StateRows.Text(id), $"fee schedule of {Code(e.Practice)} effective {StateRows.Text(e.EffectiveOn)}", seq)
                .Set("practice", Code(e.Practice)).Set("effective_on", StateRows.Text(e.EffectiveOn)).Set("file_name", e.FileName).Set("sha256", e.Sha256)
                .Set("fees", StateTables.Fees(e.Fees.Select(f => (f.Code, f.Modifier, f.Charge))));
        }
    }
}
