namespace CodeLedger.Core.Ledger.Events;

/// <summary>A corrected note arrived for a known encounter and became a new documentation version. Subject: the encounter's external id.</summary>
public sealed record DocumentationCorrected(
    Guid Encounter,
    int Version,
    string DocumentationSha256,
    DateTimeOffset DocumentationCompletedAt,
    bool ClockRestarted,
    DateTimeOffset ClockStart,
    bool AfterFinalization) : ILedgerEvent
{
    public static string Type => "documentation.corrected";
}
