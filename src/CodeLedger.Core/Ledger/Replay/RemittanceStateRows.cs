using CodeLedger.Core.Ledger.Events;

namespace CodeLedger.Core.Ledger.Replay;

/// <summary>
/// The remittance and denial tables' rows in one text form, written by the replay
/// (<c>ReplayedState.Remittances.cs</c>) and by the stored-row reader alike, so an edited amount,
/// status or link is a divergence naming its table, row and column.
/// </summary>
public static class RemittanceStateRows
{
    public static StateRow Payment(StateRow row, string practice, string payerId, string trace, decimal total, DateOnly? date, string file, string sha, string set, bool unbalanced,
        DateTimeOffset postedAt, string postedBy) =>
        row.Set("practice", practice).Set("payer_id", payerId).Set("trace_number", trace).Set("total_payment", StateRows.Text(total))
            .Set("payment_date", date is { } d ? StateRows.Text(d) : null).Set("file_name", file).Set("file_sha256", sha).Set("transaction_set", set)
            .Set("unbalanced", StateRows.Text(unbalanced)).Set("posted_at", StateRows.Text(postedAt)).Set("posted_by", postedBy);

    public static StateRow Posting(StateRow row, Guid payment, string practice, RemittancePosted.Posting p) =>
        row.Set("payment", StateRows.Text(payment)).Set("practice", practice).Set("claim", StateRows.Text(p.Claim)).Set("claim_id", p.ClaimId)
            .Set("position", StateRows.Text(p.Position)).Set("status", p.Status).Set("charge", StateRows.Text(p.Charge)).Set("paid", StateRows.Text(p.Paid))
            .Set("patient_responsibility", p.PatientResponsibility is { } r ? StateRows.Text(r) : null).Set("payer_claim_control_number", p.PayerClaimControlNumber)
            .Set("reverses", p.Reverses is { } v ? StateRows.Text(v) : null).Set("matched_by_hand", StateRows.Text(p.MatchedByHand))
            .Set("adjustments", Cas(p.Adjustments)).Set("lines", Lines(p.Lines));

    public static StateRow ProviderAdjustment(StateRow row, Guid payment, string practice, RemittancePosted.ProviderAdjustment a) =>
        row.Set("payment", StateRows.Text(payment)).Set("practice", practice).Set("position", StateRows.Text(a.Position)).Set("provider_id", a.ProviderId)
            .Set("fiscal_period_end", a.FiscalPeriodEnd is { } d ? StateRows.Text(d) : null).Set("reason", a.Reason).Set("reference", a.Reference)
            .Set("amount", StateRows.Text(a.Amount)).Set("claim_id", a.ClaimId);

    public static StateRow Unmatched(StateRow row, Guid payment, string practice, RemittancePosted.UnmatchedPayment u) =>
        row.Set("payment", StateRows.Text(payment)).Set("practice", practice).Set("position", StateRows.Text(u.Position)).Set("patient_control_number", u.PatientControlNumber)
            .Set("payer_claim_control_number", u.PayerClaimControlNumber).Set("status", u.Status).Set("charge", StateRows.Text(u.Charge)).Set("paid", StateRows.Text(u.Paid))
            .Set("patient_responsibility", u.PatientResponsibility is { } r ? StateRows.Text(r) : null).Set("adjustments", Cas(u.Adjustments))
            .Set("services", string.Join(" ", u.Services.Select(s =>
                $"{s.Code}[{string.Join(",", s.Modifiers)}]{StateRows.Text(s.Charge)}/{StateRows.Text(s.Paid)}{(s.DateOfService is { } d ? "@" + StateRows.Text(d) : string.Empty)}{{{Cas(s.Adjustments)}}}")));

    /// <summary>CAS as <c>CO-45:50 PR-3:20</c> with the RARCs after a slash (<c>CO-16:80/M76</c>).</summary>
    public static string Cas(IEnumerable<RemittancePosted.Cas> adjustments) =>
        string.Join(" ", adjustments.Select(a => $"{a.Group}-{a.Reason}:{StateRows.Text(a.Amount)}{(a.Remarks.Count > 0 ? "/" + string.Join(",", a.Remarks) : string.Empty)}"));

    /// <summary>Lines as <c>1=99214[25]150/80{CO-45:50}</c>, SVC position order.</summary>
    public static string Lines(IEnumerable<RemittancePosted.Line> lines) =>
        string.Join(" ", lines.Select(l => $"{l.ServicePosition}>{l.LineNumber}={l.Code}[{string.Join(",", l.Modifiers)}]{StateRows.Text(l.Charge)}/{StateRows.Text(l.Paid)}{{{Cas(l.Adjustments)}}}"));
}
