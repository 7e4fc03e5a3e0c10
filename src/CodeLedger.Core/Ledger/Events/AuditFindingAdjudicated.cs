namespace CodeLedger.Core.Ledger.Events;

/// <summary>The engagement's adjudicator decided a rebutted finding: upheld or reversed. Subject: the audit's id.</summary>
public sealed record AuditFindingAdjudicated(Guid Id, Guid Audit, string Finding, string Outcome, string By, DateTimeOffset At) : ILedgerEvent
{
    public static string Type => "audit.finding-adjudicated";
}
