using System.Text.Json.Serialization;

namespace CodeLedger.Core.Ledger.Events;

/// <summary>A person read an encounter's PHI: who, which fields and which note version, never their content. Subject: the encounter's external id.</summary>
public sealed record PhiRead(
    Guid Encounter, string Reader, IReadOnlyList<string> Fields, int DocumentationVersion,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DocumentationSha256,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DocumentationHash = null) : ILedgerEvent
{
    public static string Type => "phi.read";
}
