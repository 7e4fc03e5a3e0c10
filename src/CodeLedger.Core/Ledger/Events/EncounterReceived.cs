using System.Text.Json.Serialization;
using CodeLedger.Core.Assignment;

namespace CodeLedger.Core.Ledger.Events;

/// <summary>
/// An encounter arrived and was assigned, in one transaction at one instant, so one event records
/// both. The note and the patient's demographics are represented by their keyed hashes only
/// (<c>hmac-sha256:KEYID:HEX</c>, docs/LEDGER.md "PHI in the ledger"); events written before keyed
/// hashes carry the note's plain <see cref="DocumentationSha256"/> instead, and no demographics.
/// Subject: the encounter's external id.
/// </summary>
/// <param name="Coder">The assigned coder's user name; null when the encounter is uncovered.</param>
public sealed record EncounterReceived(
    Guid Id,
    string Practice,
    string Vendor,
    string ExternalId,
    string PhysicianNpi,
    DateOnly DateOfService,
    string PlaceOfService,
    string Specialty,
    DateTimeOffset DocumentationCompletedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DocumentationSha256,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DocumentationHash,
    DateTimeOffset ClockStart,
    string? Coder,
    AssignmentBasis Basis,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DemographicsHash = null) : ILedgerEvent
{
    public static string Type => "encounter.received";
}
