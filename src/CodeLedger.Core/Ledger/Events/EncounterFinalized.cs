namespace CodeLedger.Core.Ledger.Events;

/// <summary>
/// A coding version became final and the turnaround clock stopped. Subject: the encounter's external id.
/// </summary>
/// <param name="CodedWithoutQueryResponse">Finalized by query expiry: coded to what the note documents.</param>
/// <param name="OverrideReason">A lead's reason for finalizing despite edit errors; null without an override.</param>
public sealed record EncounterFinalized(
    Guid Encounter,
    int Version,
    DateTimeOffset FinalizedAt,
    DateTimeOffset ClockStart,
    bool CodedWithoutQueryResponse,
    string? OverrideReason,
    string? OverrideBy) : ILedgerEvent
{
    public static string Type => "encounter.finalized";
}
