using CodeLedger.Core.Assignment;

namespace CodeLedger.Core.Ledger.Events;

/// <summary>
/// An encounter arrived and was assigned, in one transaction at one instant, so one event records
/// both. The note is represented by its SHA-256 only. Subject: the encounter's external id.
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
    string DocumentationSha256,
    DateTimeOffset ClockStart,
    string? Coder,
    AssignmentBasis Basis) : ILedgerEvent
{
    public static string Type => "encounter.received";
}
