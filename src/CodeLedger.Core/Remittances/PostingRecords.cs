using CodeLedger.Core.Denials;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.X12.Remittance835;

namespace CodeLedger.Core.Remittances;

/// <summary>
/// Postings as the ledger and the tables record them (<see cref="RemittancePosted"/>) and back as
/// the Core types posting and the denial figures read: one conversion for Storage's rows and for
/// replay, so the two build the same <see cref="ClaimPosting"/> and the same figures.
/// </summary>
public static class PostingRecords
{
    public static RemittancePosted.Cas Record(PostedAdjustment a) => new(a.Group, a.Reason, a.Amount, a.Remarks);

    public static PostedAdjustment Adjustment(RemittancePosted.Cas c) => new(c.Group, c.Reason, c.Amount, RemittancePoster.Kind(c.Group), c.Remarks);

    public static RemittancePosted.Line Record(LinePosting l) =>
        new(l.ServicePosition, l.LineNumber, l.ProcedureCode, l.Modifiers, l.Charge, l.Paid, [.. l.Adjustments.Select(Record)], l.Remarks);

    public static LinePosting Line(RemittancePosted.Line l) =>
        new(l.ServicePosition, l.LineNumber, l.Code, l.Modifiers, l.Charge, l.Paid, [.. l.Adjustments.Select(Adjustment)], l.Remarks);

    /// <summary>The Core posting of a recorded one; <paramref name="reverses"/> is the payment and position of the posting it undoes.</summary>
    public static ClaimPosting Posting(int position, string claimId, string? payerClaimControlNumber, string status, decimal charge, decimal paid, decimal? patientResponsibility,
        IEnumerable<RemittancePosted.Cas> adjustments, IEnumerable<RemittancePosted.Line> lines, ReversalOf? reverses) =>
        new(position, claimId, payerClaimControlNumber, status, charge, paid, patientResponsibility, [.. adjustments.Select(Adjustment)], [.. lines.Select(Line)], reverses);

    /// <summary>An unmatched CLP as recorded: ids, amounts, CAS and services; the patient (NM1*QC) is left behind.</summary>
    public static RemittancePosted.UnmatchedPayment Record(Guid id, UnmatchedClaimPayment u) =>
        new(id, u.Position, u.PatientControlNumber, u.PayerClaimControlNumber, u.Status, u.Charge, u.Paid, u.PatientResponsibility,
            [.. u.Payment.Adjustments.ToArray().Select(a => new RemittancePosted.Cas(a.Group, a.Reason, a.Amount, []))],
            [.. u.Payment.Services.ToArray().Select(s =>
            {
                var remarks = s.Remarks.ToArray().Where(r => r.Qualifier == "HE").Select(r => r.Code).ToArray();
                var date = s.Dates.ToArray().Where(d => d.Qualifier is "472" or "150").Select(d => (DateOnly?)d.Date).FirstOrDefault();
                return new RemittancePosted.Service(s.Qualifier, s.ProcedureCode, s.Modifiers.ToArray(), s.Charge, s.Paid, s.UnitsPaid, s.OriginalProcedureCode,
                    s.OriginalModifiers.ToArray(), s.OriginalUnits, date, [.. s.Adjustments.ToArray().Select(a => new RemittancePosted.Cas(a.Group, a.Reason, a.Amount, remarks))], remarks,
                    s.LineItemControlNumber);
            })]);

    /// <summary>The unmatched CLP back as the poster reads it (no patient), for <see cref="RemittanceMatcher.MatchByHand"/>.</summary>
    public static UnmatchedClaimPayment Unmatched(RemittancePosted.UnmatchedPayment u)
    {
        var services = u.Services.Select(s => new ServicePayment835(s.Qualifier, s.Code, s.Modifiers.ToArray(), s.Charge, s.Paid, null, s.UnitsPaid,
            s.OriginalCode is null ? null : s.Qualifier, s.OriginalCode, s.OriginalModifiers.ToArray(), s.OriginalUnits,
            s.DateOfService is { } d ? new[] { new DateReference835("472", d) } : [],
            s.Adjustments.Select(a => new Adjustment835(a.Group, a.Reason, a.Amount, null)).ToArray(), Array.Empty<Amount835>(),
            s.Remarks.Select(r => new Remark835("HE", r)).ToArray(), s.LineItemControlNumber)).ToArray();
        var clp = new ClaimPayment835(u.PatientControlNumber, u.Status, u.Charge, u.Paid, u.PatientResponsibility, null, u.PayerClaimControlNumber, null,
            u.Adjustments.Select(a => new Adjustment835(a.Group, a.Reason, a.Amount, null)).ToArray(), Array.Empty<DateReference835>(), Array.Empty<Amount835>(), services);
        return new UnmatchedClaimPayment(u.Position, u.PatientControlNumber, u.PayerClaimControlNumber, u.Status, u.Charge, u.Paid, u.PatientResponsibility, clp);
    }

    /// <summary>The denial work item a posting opens, or null: <see cref="DenialFinding.Of"/> with the coder of record of the claim's encounter.</summary>
    public static DenialWorkItem? Denial(ClaimPosting posting, DenialRules rules, string? coder) =>
        DenialFinding.Of(posting, rules) is { } finding && finding.RootCause != DenialRootCause.NotDenial ? DenialWorkItem.Open(finding, coder) : null;

    public static RemittancePosted.Denial Record(Guid id, Guid posting, DenialWorkItem item) =>
        new(id, posting, item.ClaimId, item.RootCause.ToString(), item.Amount, item.Owner.Team.ToString(), item.Owner.CoderId);

    /// <summary>The day a posting counts from in the denial figures: BPR16, else the day it was posted (UTC).</summary>
    public static DateOnly PostedOn(DateOnly? paymentDate, DateTimeOffset postedAt) => paymentDate ?? DateOnly.FromDateTime(postedAt.UtcDateTime);
}
