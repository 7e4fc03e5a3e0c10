namespace CodeLedger.Core.Ledger.Events;

/// <summary>
/// The vendor rebutted a finding of an audit. The reason is free text a person wrote and may quote
/// the chart, so the ledger holds its keyed hash, never the text (docs/LEDGER.md, "PHI in the
/// ledger"). Subject: the audit's id.
/// </summary>
public sealed record AuditFindingRebutted(Guid Id, Guid Audit, string Finding, string By, string ReasonHash, DateTimeOffset At) : ILedgerEvent
{
    public static string Type => "audit.finding-rebutted";
}
