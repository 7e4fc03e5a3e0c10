namespace CodeLedger.Core.Ledger.Events;

/// <summary>A person was refused an encounter's PHI. Subject: the encounter's external id.</summary>
public sealed record PhiReadRefused(Guid Encounter, string Reader, string Reason) : ILedgerEvent
{
    public static string Type => "phi.read-refused";
}
