using CodeLedger.Core.Common;
using CodeLedger.X12.Remittance835;

namespace CodeLedger.Core.Remittances;

/// <summary>
/// Which known claim a CLP pays and which line an SVC pays (docs/REMITTANCE.md, "Matching").
/// A claim by CLP01 (the CLM01 CodeLedger sent), then by CLP07 (the payer's claim control number,
/// once known). A line by its line item control number when the payer echoes it; else by
/// procedure code (SVC06 when the payer re-coded, else SVC01-2), modifiers as a set, and date of
/// service; among lines still alike, the one with the same charge and units, then the lowest line
/// number, so two identical lines are paid in order, each once.
/// </summary>
public sealed class RemittanceMatcher
{
    private readonly Dictionary<string, RemitClaim> _byClaimId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RemitClaim> _byPayerControl = new(StringComparer.Ordinal);

    public RemittanceMatcher(IEnumerable<RemitClaim> claims)
    {
        foreach (var claim in claims)
        {
            if (string.IsNullOrWhiteSpace(claim.ClaimId))
            {
                throw new DomainException(RemittanceErrors.ClaimInvalid, "a known claim has an empty claim id (CLM01)");
            }

            if (!_byClaimId.TryAdd(claim.ClaimId, claim))
            {
                throw new DomainException(RemittanceErrors.ClaimInvalid, $"claim {claim.ClaimId} is listed twice among the known claims");
            }

            if (claim.PayerClaimControlNumber is { Length: > 0 } control)
            {
                // A payer control number shared by two claims identifies neither: neither is matched by it.
                if (!_byPayerControl.TryAdd(control, claim))
                {
                    _byPayerControl[control] = null!;
                }
            }
        }
    }

    /// <summary>The claim a CLP pays, or null when CodeLedger knows none (the CLP goes to the unmatched queue).</summary>
    public RemitClaim? Claim(string patientControlNumber, string? payerClaimControlNumber)
    {
        if (_byClaimId.TryGetValue(patientControlNumber, out var claim))
        {
            return claim;
        }

        return payerClaimControlNumber is { Length: > 0 } && _byPayerControl.TryGetValue(payerClaimControlNumber, out claim) ? claim : null;
    }

    /// <summary>The claim a reference (a PLB03-2, say) names by claim id or payer claim control number, or null.</summary>
    public RemitClaim? Named(string? reference) =>
        reference is { Length: > 0 } ? Claim(reference, reference) : null;

    /// <summary>
    /// The line of <paramref name="claim"/> an SVC pays, among those not yet <paramref name="taken"/>;
    /// null when none fits (the payment is still posted to the claim, with a warning).
    /// </summary>
    public static RemitClaimLine? Line(RemitClaim claim, ServicePayment835 service, string? lineItemControlNumber, ISet<int> taken)
    {
        if (lineItemControlNumber is { Length: > 0 })
        {
            var byControl = claim.Lines.FirstOrDefault(l => !taken.Contains(l.Number) && string.Equals(l.LineItemControlNumber, lineItemControlNumber, StringComparison.Ordinal));
            if (byControl is not null)
            {
                return byControl;
            }
        }

        // The payer reports the code it adjudicated in SVC01 and the one submitted in SVC06 when it
        // changed it; the claim line holds the submitted one.
        var code = service.OriginalProcedureCode ?? service.ProcedureCode;
        var modifiers = service.OriginalProcedureCode is not null ? service.OriginalModifiers : service.Modifiers;
        DateOnly? date = null;
        foreach (var d in service.Dates.AsSpan())
        {
            if (d.Qualifier is "472" or "150")
            {
                date = d.Date;
                break;
            }
        }

        RemitClaimLine? best = null;
        var bestScore = -1;
        foreach (var line in claim.Lines)
        {
            if (taken.Contains(line.Number) || !string.Equals(line.ProcedureCode, code, StringComparison.Ordinal) || !SameModifiers(line.Modifiers, modifiers)
                || (date is { } day && line.DateOfService != day))
            {
                continue;
            }

            var units = service.OriginalUnits ?? service.UnitsPaid;
            var score = (line.Charge == service.Charge ? 2 : 0) + (units is { } u && u == line.Units ? 1 : 0);
            if (score > bestScore || (score == bestScore && line.Number < best!.Number))
            {
                best = line;
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>
    /// A user's hand match (<c>remits match</c>): the posting an unmatched claim payment makes once a
    /// user names its claim. Refused for a claim of another practice, and for a reversal, which must
    /// undo a posting CodeLedger made and so cannot be matched to a claim it never paid through it.
    /// </summary>
    public static ClaimPosting MatchByHand(UnmatchedClaimPayment item, RemitClaim claim, string practice)
    {
        if (!string.Equals(claim.Practice, practice, StringComparison.Ordinal))
        {
            throw new DomainException(RemittanceErrors.MatchInvalid, $"claim {claim.ClaimId} is not a claim of practice {practice}");
        }

        if (item.Status == ClaimStatus.Reversal)
        {
            throw new DomainException(RemittanceErrors.MatchInvalid,
                $"CLP {item.Position} is a reversal (CLP02 22): it undoes an earlier posting and cannot be matched by hand to claim {claim.ClaimId}");
        }

        var (posting, _) = RemittancePoster.PostClaim(item.Position, item.Payment, claim, null);
        return posting;
    }

    private static bool SameModifiers(IReadOnlyList<string> line, X12.EquatableArray<string> service)
    {
        if (line.Count != service.Count)
        {
            return false;
        }

        foreach (var m in service.AsSpan())
        {
            if (!line.Contains(m, StringComparer.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
