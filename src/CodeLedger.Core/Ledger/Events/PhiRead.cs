using System.Text.Json.Serialization;

namespace CodeLedger.Core.Ledger.Events;

/// <summary>
/// A person read an encounter's PHI: who, which fields and which note version, never their content
/// (the note's keyed hash; events before keyed hashes carry its plain SHA-256 instead).
/// Subject: the encounter's external id. A read by a signed-in person also names their role and
/// organization; a read of a documentation query's text names the query (its fields are
/// <c>["query"]</c>, with the note version the query was raised on). Events written before these
/// optional fields existed read back to the same text (absent, not null).
/// </summary>
public sealed record PhiRead(
    Guid Encounter,
    string Reader,
    IReadOnlyList<string> Fields,
    int DocumentationVersion,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DocumentationSha256,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DocumentationHash = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Role = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? Organization = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? Query = null) : ILedgerEvent
{
    public static string Type => "phi.read";
}
