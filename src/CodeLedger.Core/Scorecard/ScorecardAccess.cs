using CodeLedger.Core.Accounts;

namespace CodeLedger.Core.Scorecard;

/// <summary>
/// Whose scorecards a signed-in person reaches (docs/TENANCY.md, "Vendor scorecards"): a practice's
/// admin the cards of every vendor of their own practice; a vendor's admin only their own vendor's
/// card at a practice it is bound to. Anyone else reaches no practice: the caller tells it as an
/// unknown practice code, so a probe learns nothing. The operator (no principal) reaches all.
/// </summary>
public static class ScorecardAccess
{
    /// <summary>The vendors of <paramref name="vendorsOfPractice"/> whose cards the principal reads; null when the practice is out of their reach.</summary>
    public static IReadOnlyList<Guid>? Readable(Principal? principal, Guid practiceId, IReadOnlyList<Guid> vendorsOfPractice)
    {
        if (principal is null)
        {
            return vendorsOfPractice;
        }

        AccountRules.Require(principal, AccountRules.ReadScorecard, "reading a vendor scorecard");
        return principal.Role switch
        {
            UserRole.PracticeAdmin when principal.OrganizationId == practiceId => vendorsOfPractice,
            UserRole.VendorAdmin when vendorsOfPractice.Contains(principal.OrganizationId) => [principal.OrganizationId],
            _ => null,
        };
    }

    /// <summary>Whether the principal may record answers for this practice: its own admin only; null principal (the operator) may.</summary>
    public static bool MayAnswer(Principal? principal, Guid practiceId)
    {
        if (principal is null)
        {
            return true;
        }

        AccountRules.Require(principal, AccountRules.AnswerScorecard, "recording a scorecard answer");
        return principal.OrganizationId == practiceId;
    }
}
