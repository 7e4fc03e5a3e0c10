using System.Text.Json.Serialization;

namespace CodeLedger.Core.Ledger.Events;

/// <summary>
/// A corrected note arrived for a known encounter and became a new documentation version: its keyed
/// hash (older events: the plain <see cref="DocumentationSha256"/>). Subject: the encounter's external id.
/// </summary>
public sealed record DocumentationCorrected(
    Guid Encounter,
    int Version,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DocumentationSha256,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DocumentationHash,
    DateTimeOffset DocumentationCompletedAt,
    bool ClockRestarted,
    DateTimeOffset ClockStart,
    bool AfterFinalization) : ILedgerEvent
{
    public static string Type => "documentation.corrected";
}
