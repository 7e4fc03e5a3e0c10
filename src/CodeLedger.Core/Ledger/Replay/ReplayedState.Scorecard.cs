using CodeLedger.Core.Ledger.Events;

namespace CodeLedger.Core.Ledger.Replay;

/// <summary>
/// Vendor scorecard answers replayed (docs/SCORECARD.md): each <c>scorecard.answered</c> is one row
/// of <c>scorecard_answers</c>, never replaced (the scorecard reads the latest of each kind).
/// </summary>
public sealed partial class ReplayedState
{
    private readonly Dictionary<Guid, (ScorecardAnswered Event, string Actor, long Sequence)> _scorecardAnswers = [];

    private void ApplyScorecardAnswer(LedgerEntry entry, ScorecardAnswered e)
    {
        if (_scorecardAnswers.ContainsKey(e.Id))
        {
            Contradict(entry, $"scorecard answer {e.Id:D} was already recorded");
            return;
        }

        if (Organization(entry, e.Practice) is null || Organization(entry, e.Vendor) is null)
        {
            return;
        }

        _scorecardAnswers[e.Id] = (e, entry.Actor, entry.Sequence);
    }

    private void AddScorecardRows(StateRows rows, Func<string, bool> want)
    {
        if (!want(StateTables.ScorecardAnswers))
        {
            return;
        }

        foreach (var (id, (e, actor, seq)) in _scorecardAnswers)
        {
            rows.Add(StateTables.ScorecardAnswers, StateRows.Text(id), $"scorecard answer {id:D} ({e.Kind}) of {e.Practice} about {e.Vendor}", seq)
                .Set("practice", e.Practice).Set("vendor", e.Vendor).Set("kind", e.Kind).Set("value", e.Value)
                .Set("recorded_by", actor).Set("recorded_at", StateRows.Text(e.At));
        }
    }
}
