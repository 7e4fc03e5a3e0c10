namespace CodeLedger.Core.Denials;

/// <summary>
/// The steps a denial's work takes by itself (docs/REMITTANCE.md, "Work items"), decided from the
/// work items of one claim:
/// <list type="bullet">
/// <item>a replacement (frequency 7) built for a claim moves each of its open items to
/// resubmitted, and the item then waits on the replacement (an appealed item is left as it is: the
/// appeal is still pending with the payer);</item>
/// <item>a posting (not a reversal) of a claim that items wait on answers them: no denial in it →
/// paid (resolved); a denial in it → denied again (open), the oldest waiting item taking the new
/// denial's root cause, amount and owner, and no second item is opened for the same claim;</item>
/// <item>a posting of a claim nothing waits on opens an item when it denies, as before.</item>
/// </list>
/// </summary>
public static class DenialFollowUp
{
    /// <summary>The indexes of <paramref name="itemsOfClaim"/> that a replacement of their claim moves to resubmitted.</summary>
    public static IReadOnlyList<int> OnCorrection(IReadOnlyList<DenialWorkItem> itemsOfClaim) =>
        [.. itemsOfClaim.Select((item, i) => (item, i)).Where(x => x.item.State == DenialWorkState.Open).Select(x => x.i)];

    /// <summary>
    /// What one posting of a claim does to the claim's items (in opening order): the steps, the
    /// index of the item that takes the new denial (denied again), and whether the item the posting
    /// would open for its own denial (<paramref name="opened"/>, null when it denies nothing) is opened.
    /// </summary>
    public static PostingAnswer OnPosting(bool isReversal, DenialWorkItem? opened, IReadOnlyList<DenialWorkItem> itemsOfClaim)
    {
        var waiting = isReversal ? [] : itemsOfClaim.Select((item, i) => (item, i)).Where(x => x.item.AwaitsPayer).Select(x => x.i).ToList();
        if (waiting.Count == 0)
        {
            return new PostingAnswer([], null, opened is not null);
        }

        var step = opened is null ? DenialStep.Paid : DenialStep.DeniedAgain;
        return new PostingAnswer([.. waiting.Select(i => (i, step))], opened is null ? null : waiting[0], false);
    }
}

/// <summary>
/// A posting's effect on the work items of its claim: the steps by item index, which item takes the
/// new denial (denied again), and whether the denial opens a new item.
/// </summary>
public sealed record PostingAnswer(IReadOnlyList<(int Index, DenialStep Step)> Steps, int? Refiled, bool OpensItem);
