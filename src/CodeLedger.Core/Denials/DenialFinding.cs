using CodeLedger.Core.Remittances;

namespace CodeLedger.Core.Denials;

/// <summary>
/// A denied or partly denied claim as one posting shows it: the root cause of its largest denied
/// amount (ties: the first in the file), every denied adjustment with its own cause, and the
/// dollars denied. Adjustments the map calls <see cref="DenialRootCause.NotDenial"/> (deductible,
/// coinsurance, copay, contractual reductions) are no part of it.
/// </summary>
public sealed record DenialFinding(string ClaimId, DenialRootCause RootCause, decimal Amount, IReadOnlyList<DeniedAdjustment> Adjustments)
{
    /// <summary>The finding of a posting, or null when nothing in it was denied. Reversals are never denials.</summary>
    public static DenialFinding? Of(ClaimPosting posting, DenialRules rules)
    {
        if (posting.IsReversal)
        {
            return null;
        }

        var denied = new List<DeniedAdjustment>();
        void Add(PostedAdjustment a, int line)
        {
            var cause = rules.Classify(a);
            if (cause != DenialRootCause.NotDenial && a.Amount > 0)
            {
                denied.Add(new DeniedAdjustment(line, a.Group, a.Reason, a.Remarks, a.Amount, cause));
            }
        }

        foreach (var a in posting.ClaimAdjustments)
        {
            Add(a, 0);
        }

        foreach (var line in posting.Lines)
        {
            foreach (var a in line.Adjustments)
            {
                Add(a, line.LineNumber);
            }
        }

        if (denied.Count == 0)
        {
            // A claim denied (CLP02 4) with no adjustment the map names as a denial is still denied: cause unknown.
            return posting.IsDenied ? new DenialFinding(posting.ClaimId, DenialRootCause.Other, posting.Charge - posting.Paid, []) : null;
        }

        var main = denied[0];
        foreach (var d in denied)
        {
            if (d.Amount > main.Amount)
            {
                main = d;
            }
        }

        return new DenialFinding(posting.ClaimId, main.RootCause, denied.Sum(d => d.Amount), denied);
    }
}

/// <summary>One denied CAS amount: the claim line it sits on (0 for claim level), group, CARC, RARCs, amount, root cause.</summary>
public sealed record DeniedAdjustment(int LineNumber, string Group, string Carc, IReadOnlyList<string> Rarcs, decimal Amount, DenialRootCause RootCause);
