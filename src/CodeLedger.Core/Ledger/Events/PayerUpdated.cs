namespace CodeLedger.Core.Ledger.Events;

/// <summary>
/// A registered payer changed: the whole record as it now is, and which fields changed (<c>name</c>,
/// <c>payerId</c>, <c>claimFilingIndicator</c>, <c>receiver</c>, <c>active</c>). A payer missing from
/// a reapplied setup file is deactivated this way, never deleted: claims name it. Subject: the practice's code.
/// </summary>
public sealed record PayerUpdated(
    Guid Id,
    string Practice,
    string Code,
    string Name,
    string PayerId,
    string ClaimFilingIndicator,
    string ReceiverQualifier,
    string ReceiverId,
    string ReceiverGroupCode,
    bool Active,
    IReadOnlyList<string> Changed) : ILedgerEvent
{
    public static string Type => "payer.updated";
}
