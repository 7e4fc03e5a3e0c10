namespace CodeLedger.Core.Ledger.Events;

/// <summary>
/// A practice registered a payer (setup file, docs/SETUP.md): the practice's code for it, name,
/// payer id, claim filing indicator (SBR09) and the interchange receiver its claims go to (ISA07,
/// ISA08, GS03). Not PHI. Subject: the practice's code.
/// </summary>
public sealed record PayerRegistered(
    Guid Id,
    string Practice,
    string Code,
    string Name,
    string PayerId,
    string ClaimFilingIndicator,
    string ReceiverQualifier,
    string ReceiverId,
    string ReceiverGroupCode) : ILedgerEvent
{
    public static string Type => "payer.registered";
}
