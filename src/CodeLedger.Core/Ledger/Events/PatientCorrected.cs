using System.Text.Json.Serialization;

namespace CodeLedger.Core.Ledger.Events;

/// <summary>
/// A re-imported encounter carried corrected patient demographics, and they replaced the stored
/// ones. The event names which fields changed (familyName, givenName, birthDate, sex, memberId),
/// never their values: demographics are PHI, and enter the ledger only as the keyed hash of the
/// corrected whole (<see cref="DemographicsHash"/>; events written before keyed hashes carry none). Subject: the encounter's external id.
/// </summary>
public sealed record PatientCorrected(Guid Encounter, IReadOnlyList<string> Fields, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DemographicsHash = null) : ILedgerEvent
{
    public static string Type => "patient.corrected";
}
