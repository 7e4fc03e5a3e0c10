using CodeLedger.Core.Denials;
using CodeLedger.Core.Ledger.Events;

namespace CodeLedger.Core.Ledger.Replay;

/// <summary>
/// Denial work items replayed (docs/REMITTANCE.md, "Work items"): each is opened by the posting
/// that denied (<c>remittance.posted</c>, <c>remittance.matched</c>) and moved by its
/// <c>denial.stepped</c> events, so the replayed row holds the state, the claim it names, the
/// denial it carries, when it was opened and last moved and by which step; every step is a row of
/// denial_work_steps with the keyed hash of its note. A step of an item no event opened, of another
/// practice's item, from a state the item is not in, or that its state does not allow is a contradiction.
/// </summary>
public sealed partial class ReplayedState
{
    private readonly Dictionary<Guid, (DenialStepped Event, string Actor, long Sequence)> _denialSteps = [];

    private void ApplyDenialStep(LedgerEntry entry, DenialStepped e)
    {
        if (!_denials.TryGetValue(e.Item, out var item) || item.Practice != e.Practice)
        {
            Contradict(entry, $"denial work item {e.Item:D} was never opened for practice {Code(e.Practice)}");
            return;
        }

        if (DenialSteps.Parse(e.Step) is not { } step || !Enum.TryParse<DenialWorkState>(e.From, out var from) || !Enum.TryParse<DenialWorkState>(e.To, out var to)
            || DenialSteps.Target(step) != to)
        {
            Contradict(entry, $"denial work item {e.Item:D}: step '{e.Step}' from {e.From} to {e.To} is not a step of a denial");
            return;
        }

        if (item.State != from || !DenialWorkItem.Allows(from, to))
        {
            Contradict(entry, $"denial work item {e.Item:D} is {item.State}; step {e.Step} from {e.From} to {e.To} does not follow");
            return;
        }

        if (!_denialSteps.TryAdd(e.Id, (e, entry.Actor, entry.Sequence)))
        {
            Contradict(entry, $"denial step {e.Id:D} was already recorded");
            return;
        }

        item.Step(e, entry.Sequence);
    }

    private void AddDenialRows(StateRows rows, Func<string, bool> want)
    {
        if (want(StateTables.DenialWorkItems))
        {
            foreach (var (id, d) in _denials)
            {
                DenialStateRows.Item(rows.Add(StateTables.DenialWorkItems, StateRows.Text(id), DenialStateRows.ItemLabel(d.ClaimId), d.Sequence), Code(d.Practice),
                    d.Posting, d.ClaimId, d.RootCause, d.Amount, d.Team, d.Coder, d.State.ToString(), d.OpenedAt, d.UpdatedAt, d.LastStep);
            }
        }

        if (want(StateTables.DenialWorkSteps))
        {
            foreach (var (id, (e, actor, seq)) in _denialSteps)
            {
                DenialStateRows.Step(rows.Add(StateTables.DenialWorkSteps, StateRows.Text(id), DenialStateRows.StepLabel(e.Step, e.ClaimId), seq), Code(e.Practice),
                    e.Item, e.Step, e.From, e.To, e.At, actor, e.ClaimId, e.Posting, e.NoteHash);
            }
        }
    }

    /// <summary>A work item as its events leave it.</summary>
    private sealed class ReplayedDenial(Guid practice, RemittancePosted.Denial opened, DateTimeOffset openedAt, long sequence)
    {
        public Guid Practice { get; } = practice;

        public DateTimeOffset OpenedAt { get; } = openedAt;

        public Guid Posting { get; private set; } = opened.Posting;

        public string ClaimId { get; private set; } = opened.ClaimId;

        public string RootCause { get; private set; } = opened.RootCause;

        public decimal Amount { get; private set; } = opened.Amount;

        public string Team { get; private set; } = opened.Team;

        public string? Coder { get; private set; } = opened.Coder;

        public DenialWorkState State { get; private set; } = DenialWorkState.Open;

        public DateTimeOffset? UpdatedAt { get; private set; }

        public string? LastStep { get; private set; }

        public long Sequence { get; private set; } = sequence;

        public void Step(DenialStepped e, long sequence)
        {
            State = Enum.Parse<DenialWorkState>(e.To);
            ClaimId = e.ClaimId;
            UpdatedAt = e.At;
            LastStep = e.Step;
            Sequence = sequence;
            if (e.Refiled is { } r)
            {
                (Posting, RootCause, Amount, Team, Coder) = (r.Posting, r.RootCause, r.Amount, r.Team, r.Coder);
            }
        }
    }
}
