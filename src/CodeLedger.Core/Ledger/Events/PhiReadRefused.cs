using System.Text.Json.Serialization;

namespace CodeLedger.Core.Ledger.Events;

/// <summary>
/// A person was refused an encounter's PHI. Subject: the encounter's external id. A refusal of a
/// signed-in person also names their role and organization (absent in older events).
/// </summary>
public sealed record PhiReadRefused(
    Guid Encounter,
    string Reader,
    string Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Role = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? Organization = null) : ILedgerEvent
{
    public static string Type => "phi.read-refused";
}
