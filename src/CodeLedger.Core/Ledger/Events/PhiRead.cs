namespace CodeLedger.Core.Ledger.Events;

/// <summary>A person read an encounter's PHI: who, which fields and which note version, never their content. Subject: the encounter's external id.</summary>
public sealed record PhiRead(Guid Encounter, string Reader, IReadOnlyList<string> Fields, int DocumentationVersion, string DocumentationSha256) : ILedgerEvent
{
    public static string Type => "phi.read";
}
