using CodeLedger.Core.Denials;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Storage.Ledger;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Denials;

/// <summary>
/// The steps a denial's work takes by itself (docs/REMITTANCE.md, "Work items"; the rule is
/// <see cref="DenialFollowUp"/>), as the desks that cause them call them: <c>claims correct</c>
/// (<see cref="OnCorrectionAsync"/>, from <c>ClaimDesk.CorrectAsync</c>) and 835 posting
/// (<see cref="PostingFollowUp"/>, from <c>RemittanceDesk</c>). Each step is saved by
/// <see cref="DenialWorkDesk.Take"/> in the caller's write, with its event.
/// </summary>
internal static class DenialFollowUps
{
    /// <summary>A replacement of <paramref name="correctedClaimId"/> was built: its open items are resubmitted and wait on <paramref name="replacementClaimId"/>.</summary>
    public static async Task OnCorrectionAsync(CodeLedgerDbContext db, LedgerAppender ledger, string practiceCode, Guid practiceId, string correctedClaimId, string replacementClaimId,
        string actor, DateTimeOffset now, Func<Guid> newId, CancellationToken ct)
    {
        var rows = await db.Set<DenialWorkItemRow>().Where(d => d.PracticeId == practiceId && d.ClaimId == correctedClaimId).ToListAsync(ct);
        rows = [.. rows.OrderBy(d => d.OpenedAt).ThenBy(d => d.Id)];
        foreach (var i in DenialFollowUp.OnCorrection([.. rows.Select(DenialWorkDesk.Item)]))
        {
            DenialWorkDesk.Take(db, ledger, practiceCode, rows[i], DenialStep.Corrected, replacementClaimId, null, null, null, actor, now, newId());
        }
    }
}

/// <summary>
/// One 835 import's answers to the items that wait on the payer (resubmitted or appealed): loaded
/// once before posting, asked by each claim posting whether its own denial opens an item
/// (<see cref="Answer"/>), saved after the postings (<see cref="Save"/>).
/// </summary>
internal sealed class PostingFollowUp
{
    private readonly Dictionary<string, List<DenialWorkItemRow>> _waiting;
    private readonly List<(DenialWorkItemRow Row, DenialStep Step, Guid Posting, DenialStepped.Refiling? Refiled)> _steps = [];

    private PostingFollowUp(Dictionary<string, List<DenialWorkItemRow>> waiting) => _waiting = waiting;

    public static async Task<PostingFollowUp> LoadAsync(CodeLedgerDbContext db, Guid practiceId, CancellationToken ct)
    {
        string[] waiting = [nameof(DenialWorkState.Resubmitted), nameof(DenialWorkState.Appealed)];
        var rows = await db.Set<DenialWorkItemRow>().Where(d => d.PracticeId == practiceId && waiting.Contains(d.State)).ToListAsync(ct);
        return new PostingFollowUp(rows.OrderBy(d => d.OpenedAt).ThenBy(d => d.Id).GroupBy(d => d.ClaimId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal));
    }

    /// <summary>
    /// A posting <paramref name="postingId"/> of claim <paramref name="claimId"/>: the steps it gives the
    /// items waiting on the claim, and whether <paramref name="opened"/> (the item its denial would
    /// open, null when it denies nothing) is to be opened.
    /// </summary>
    public bool Answer(string claimId, Guid postingId, bool isReversal, DenialWorkItem? opened)
    {
        if (!_waiting.TryGetValue(claimId, out var rows))
        {
            return opened is not null;
        }

        var answer = DenialFollowUp.OnPosting(isReversal, opened, [.. rows.Select(DenialWorkDesk.Item)]);
        foreach (var (i, step) in answer.Steps)
        {
            _steps.Add((rows[i], step, postingId, answer.Refiled == i
                ? new DenialStepped.Refiling(postingId, opened!.RootCause.ToString(), opened.Amount, opened.Owner.Team.ToString(), opened.Owner.CoderId)
                : null));
        }

        if (answer.Steps.Count > 0)
        {
            // Answered: a later posting in the same import finds nothing waiting.
            _waiting.Remove(claimId);
        }

        return answer.OpensItem;
    }

    public void Save(CodeLedgerDbContext db, LedgerAppender ledger, string practiceCode, string actor, DateTimeOffset now, Func<Guid> newId)
    {
        foreach (var (row, step, posting, refiled) in _steps)
        {
            DenialWorkDesk.Take(db, ledger, practiceCode, row, step, row.ClaimId, posting, null, refiled, actor, now, newId());
        }

        _steps.Clear();
    }
}
