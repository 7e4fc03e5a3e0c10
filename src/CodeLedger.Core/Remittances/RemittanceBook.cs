namespace CodeLedger.Core.Remittances;

/// <summary>
/// What CodeLedger already knows when an 835 arrives, as plain input: the practice's claims, the
/// payments already posted (key and BPR02 total) and the claim postings made so far (which a
/// reversal must find). Storage builds it from its rows; tests build it by hand.
/// </summary>
public sealed record RemittanceBook(
    IReadOnlyList<RemitClaim> Claims,
    IReadOnlyDictionary<PaymentKey, decimal> PostedPayments,
    IReadOnlyList<PriorPosting> PriorPostings)
{
    public static RemittanceBook Of(IReadOnlyList<RemitClaim> claims) => new(claims, new Dictionary<PaymentKey, decimal>(), []);

    /// <summary>The book after <paramref name="plan"/> is saved: its payment posted and its claim postings known.</summary>
    public RemittanceBook After(PostingPlan plan)
    {
        if (plan.AlreadyPosted)
        {
            return this;
        }

        var posted = new Dictionary<PaymentKey, decimal>(PostedPayments) { [plan.Payment] = plan.TotalPayment };
        return this with { PostedPayments = posted, PriorPostings = [.. PriorPostings, .. plan.Claims.Select(c => new PriorPosting(plan.Payment, c))] };
    }
}

/// <summary>A claim posting saved earlier, with the payment it came in.</summary>
public sealed record PriorPosting(PaymentKey Payment, ClaimPosting Posting);

/// <summary>How the poster treats an 835 that does not balance.</summary>
public sealed record PostingOptions(bool AcceptUnbalanced = false)
{
    public static PostingOptions Default { get; } = new();
}
