namespace CodeLedger.Core.Ledger.Events;

/// <summary>A physician was enrolled at a practice. Subject: the NPI.</summary>
public sealed record PhysicianEnrolled(Guid Id, string Practice, string Name, string Npi, string Taxonomy, string Specialty) : ILedgerEvent
{
    public static string Type => "physician.enrolled";
}
