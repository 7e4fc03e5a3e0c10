using CodeLedger.Core.Common;
using CodeLedger.X12.Remittance835;

namespace CodeLedger.Core.Remittances;

/// <summary>
/// Decides what one 835 transaction set posts (docs/REMITTANCE.md): the payment once and only
/// once by its key, refused whole when it does not balance (unless accepted unbalanced, then
/// flagged), each CLP to its claim (payments, CO/PR/OA/PI adjustments per line and per claim),
/// reversals as the exact negation of the posting they undo, PLB linked to the claim it names,
/// and every CLP CodeLedger does not know kept with its amounts in the unmatched list. Pure: the
/// same advice and book give the same plan, and nothing is read or written elsewhere.
/// </summary>
public static class RemittancePoster
{
    /// <param name="lineItemControlNumbers">
    /// Line item control numbers by (CLP position, SVC position), both from 1, for an SVC whose
    /// loop 2110 carries no REF*6R of its own (the reader keeps the REF*6R on the service payment,
    /// which wins); without either, lines match by code, modifiers and date.
    /// </param>
    public static PostingPlan Plan(RemittanceAdvice835 advice, RemittanceBook book, PostingOptions? options = null,
        IReadOnlyDictionary<(int Claim, int Service), string>? lineItemControlNumbers = null) =>
        Plan(advice, book, new RemittanceMatcher(book.Claims), options, lineItemControlNumbers);

    /// <summary>As above with a matcher built once, for many transaction sets against the same claims.</summary>
    public static PostingPlan Plan(RemittanceAdvice835 advice, RemittanceBook book, RemittanceMatcher matcher, PostingOptions? options = null,
        IReadOnlyDictionary<(int Claim, int Service), string>? lineItemControlNumbers = null)
    {
        options ??= PostingOptions.Default;
        var header = advice.Header;
        var key = Key(header);
        if (book.PostedPayments.TryGetValue(key, out var postedTotal))
        {
            if (postedTotal != header.TotalPayment)
            {
                throw new DomainException(RemittanceErrors.TraceConflict,
                    $"transaction set {header.ControlNumber}: payment {key} was posted with BPR02 {postedTotal:0.00}, this one says {header.TotalPayment:0.00}; one trace number cannot name two payments");
            }

            return new PostingPlan(key, header.TotalPayment, header.PaymentDate, AlreadyPosted: true, Unbalanced: false, [], [], [],
                [$"payment {key} ({header.TotalPayment:0.00}) is already posted; nothing posted again"]);
        }

        var warnings = new List<string>();
        var problems = RemittanceBalance.Problems(advice);
        if (problems.Count > 0)
        {
            if (!options.AcceptUnbalanced)
            {
                throw new DomainException(RemittanceErrors.Unbalanced, $"the 835 does not balance: {string.Join("; ", problems.Take(5))}" +
                    (problems.Count > 5 ? $" (and {problems.Count - 5} more)" : string.Empty));
            }

            warnings.AddRange(problems.Select(p => $"posted unbalanced: {p}"));
        }

        var claims = new List<ClaimPosting>(advice.Claims.Count);
        var unmatched = new List<UnmatchedClaimPayment>();
        var reversed = book.PriorPostings.Where(p => p.Posting.Reverses is not null).Select(p => p.Posting.Reverses!).ToHashSet();
        for (var c = 0; c < advice.Claims.Count; c++)
        {
            var payment = advice.Claims[c];
            var position = c + 1;
            var claim = matcher.Claim(payment.PatientControlNumber, payment.PayerClaimControlNumber);
            if (claim is null)
            {
                unmatched.Add(new UnmatchedClaimPayment(position, payment.PatientControlNumber, payment.PayerClaimControlNumber, payment.Status,
                    payment.TotalCharge, payment.Paid, payment.PatientResponsibility, payment));
                continue;
            }

            if (payment.Status == ClaimStatus.Reversal)
            {
                var prior = Reversed(payment, claim, key, book.PriorPostings, claims, reversed)
                    ?? throw new DomainException(RemittanceErrors.ReversalUnknown,
                        $"transaction set {header.ControlNumber}, CLP {position} (CLP01 {payment.PatientControlNumber}): a reversal (CLP02 22) of {-payment.Paid:0.00} on claim {claim.ClaimId} undoes no posting CodeLedger knows");
                reversed.Add(new ReversalOf(prior.Payment, prior.Posting.Position));
                claims.Add(Negate(prior, position, payment));
                continue;
            }

            var (posting, lineWarnings) = PostClaim(position, payment, claim, lineItemControlNumbers);
            claims.Add(posting);
            warnings.AddRange(lineWarnings.Select(w => $"transaction set {header.ControlNumber}, {w}"));
        }

        var plb = new List<ProviderLevelAdjustment>(advice.ProviderAdjustments.Count);
        for (var p = 0; p < advice.ProviderAdjustments.Count; p++)
        {
            var adjustment = advice.ProviderAdjustments[p];
            plb.Add(new ProviderLevelAdjustment(p + 1, adjustment.ProviderId, adjustment.FiscalPeriodEnd, adjustment.Reason, adjustment.Reference,
                adjustment.Amount, NamedClaim(adjustment.Reference, matcher, claims, book.PriorPostings)));
        }

        return new PostingPlan(key, header.TotalPayment, header.PaymentDate, AlreadyPosted: false, Unbalanced: problems.Count > 0, claims, plb, unmatched, warnings);
    }

    /// <summary>
    /// The payment's key: TRN03 (the payer's id, "1" + EIN) else the N1*PR id, and TRN02. Without
    /// both, the payment cannot be told from another, so it is refused rather than posted twice.
    /// </summary>
    public static PaymentKey Key(Remittance835Header header)
    {
        var payer = header.PayerTraceId is { Length: > 0 } trn03 ? trn03 : header.Payer?.Id;
        if (string.IsNullOrWhiteSpace(payer) || string.IsNullOrWhiteSpace(header.TraceNumber))
        {
            throw new DomainException(RemittanceErrors.NoPaymentKey,
                $"transaction set {header.ControlNumber}: {(string.IsNullOrWhiteSpace(header.TraceNumber) ? "TRN02 (the check or EFT trace number)" : "the payer id (TRN03 or N1*PR)")} is missing, so the payment cannot be posted once and only once");
        }

        return new PaymentKey(payer.Trim(), header.TraceNumber.Trim());
    }

    /// <summary>
    /// The claim a PLB03-2 reference names: a known claim's CLM01 or payer claim control number, else
    /// the CLP07 of a claim posted in this 835 or earlier (a WO recovery names the payer's control
    /// number of the overpaid claim, which CodeLedger learns from the 835 that paid it). Only a
    /// reference naming one claim links; else the adjustment stays at provider level.
    /// </summary>
    private static string? NamedClaim(string? reference, RemittanceMatcher matcher, List<ClaimPosting> posted, IReadOnlyList<PriorPosting> prior)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return null;
        }

        if (matcher.Named(reference) is { } known)
        {
            return known.ClaimId;
        }

        var named = posted.Where(c => c.PayerClaimControlNumber == reference).Select(c => c.ClaimId)
            .Concat(prior.Where(p => p.Posting.PayerClaimControlNumber == reference).Select(p => p.Posting.ClaimId))
            .Distinct(StringComparer.Ordinal).Take(2).ToList();
        return named.Count == 1 ? named[0] : null;
    }

    /// <summary>One CLP posted to a known claim, and the warnings of SVCs that matched no line.</summary>
    internal static (ClaimPosting Posting, List<string> Warnings) PostClaim(int position, ClaimPayment835 payment, RemitClaim claim,
        IReadOnlyDictionary<(int Claim, int Service), string>? lineItemControlNumbers)
    {
        var warnings = new List<string>();
        var taken = new HashSet<int>();
        var lines = new LinePosting[payment.Services.Count];
        for (var s = 0; s < lines.Length; s++)
        {
            var service = payment.Services[s];
            // The payer's echo of REF*6R (loop 2110) names the line; a caller's map stands in for a reader without it.
            var control = service.LineItemControlNumber;
            if (control is null)
            {
                lineItemControlNumbers?.TryGetValue((position, s + 1), out control);
            }

            var line = RemittanceMatcher.Line(claim, service, control, taken);
            if (line is null)
            {
                warnings.Add($"CLP {position} (claim {claim.ClaimId}), SVC {s + 1} ({service.ProcedureCode}): no line of the claim fits; posted to the claim");
            }
            else
            {
                taken.Add(line.Number);
            }

            var remarks = Remarks(service);
            lines[s] = new LinePosting(s + 1, line?.Number ?? 0, service.ProcedureCode, service.Modifiers.ToArray(), service.Charge, service.Paid,
                Adjustments(service.Adjustments, remarks), remarks);
        }

        var posting = new ClaimPosting(position, claim.ClaimId, payment.PayerClaimControlNumber, payment.Status, payment.TotalCharge, payment.Paid,
            payment.PatientResponsibility, Adjustments(payment.Adjustments, []), lines, null);
        return (posting, warnings);
    }

    /// <summary>
    /// The posting a reversal undoes: the latest one of the same claim (by claim id or the payer's
    /// claim control number) whose payment and charge the reversal negates, not yet reversed.
    /// </summary>
    private static PriorPosting? Reversed(ClaimPayment835 reversal, RemitClaim claim, PaymentKey key, IReadOnlyList<PriorPosting> prior,
        List<ClaimPosting> earlierInThisFile, HashSet<ReversalOf> reversed)
    {
        bool Fits(ClaimPosting p) =>
            !p.IsReversal
            && (p.ClaimId == claim.ClaimId || (reversal.PayerClaimControlNumber is { Length: > 0 } && p.PayerClaimControlNumber == reversal.PayerClaimControlNumber))
            && p.Paid == -reversal.Paid && p.Charge == -reversal.TotalCharge;

        for (var i = earlierInThisFile.Count - 1; i >= 0; i--)
        {
            var p = earlierInThisFile[i];
            if (Fits(p) && !reversed.Contains(new ReversalOf(key, p.Position)))
            {
                return new PriorPosting(key, p);
            }
        }

        for (var i = prior.Count - 1; i >= 0; i--)
        {
            var p = prior[i];
            if (Fits(p.Posting) && !reversed.Contains(new ReversalOf(p.Payment, p.Posting.Position)))
            {
                return p;
            }
        }

        return null;
    }

    /// <summary>
    /// The reversal posted as the exact negation of what it undoes, line by line and adjustment by
    /// adjustment, whatever CAS the reversal itself carries: the claim's balance returns to what it
    /// was before the reversed payment, to the cent.
    /// </summary>
    private static ClaimPosting Negate(PriorPosting prior, int position, ClaimPayment835 reversal)
    {
        var p = prior.Posting;
        static IReadOnlyList<PostedAdjustment> Neg(IReadOnlyList<PostedAdjustment> list) => [.. list.Select(a => a with { Amount = -a.Amount })];
        return new ClaimPosting(position, p.ClaimId, reversal.PayerClaimControlNumber ?? p.PayerClaimControlNumber, ClaimStatus.Reversal, -p.Charge, -p.Paid,
            -p.PatientResponsibility, Neg(p.ClaimAdjustments),
            [.. p.Lines.Select(l => l with { Charge = -l.Charge, Paid = -l.Paid, Adjustments = Neg(l.Adjustments) })],
            new ReversalOf(prior.Payment, p.Position));
    }

    private static string[] Remarks(ServicePayment835 service)
    {
        var count = 0;
        foreach (var r in service.Remarks.AsSpan())
        {
            if (r.Qualifier == "HE")
            {
                count++;
            }
        }

        if (count == 0)
        {
            return [];
        }

        var remarks = new string[count];
        var i = 0;
        foreach (var r in service.Remarks.AsSpan())
        {
            if (r.Qualifier == "HE")
            {
                remarks[i++] = r.Code;
            }
        }

        return remarks;
    }

    private static PostedAdjustment[] Adjustments(X12.EquatableArray<Adjustment835> adjustments, string[] remarks)
    {
        if (adjustments.Count == 0)
        {
            return [];
        }

        var posted = new PostedAdjustment[adjustments.Count];
        var i = 0;
        foreach (var a in adjustments.AsSpan())
        {
            posted[i++] = new PostedAdjustment(a.Group, a.Reason, a.Amount, Kind(a.Group), remarks);
        }

        return posted;
    }

    /// <summary>CAS01 (5010 group codes CO, PR, OA, PI; FACTS §4.3) as the kind of money it is.</summary>
    public static AdjustmentKind Kind(string group) => group switch
    {
        "CO" => AdjustmentKind.Contractual,
        "PR" => AdjustmentKind.PatientResponsibility,
        _ => AdjustmentKind.Other,
    };
}
