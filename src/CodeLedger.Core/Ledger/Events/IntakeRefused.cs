namespace CodeLedger.Core.Ledger.Events;

/// <summary>An encounter file was refused at the BAA gate before it was read. Subject: the practice's code.</summary>
/// <param name="Reason">The error code of the refusal, e.g. <c>BAA-NOT-IN-FORCE</c>.</param>
public sealed record IntakeRefused(string Practice, string Vendor, string Reason, DateTimeOffset ReceivedAt) : ILedgerEvent
{
    public static string Type => "intake.refused";
}
