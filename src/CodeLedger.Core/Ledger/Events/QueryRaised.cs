using System.Text.Json.Serialization;

namespace CodeLedger.Core.Ledger.Events;

/// <summary>A coder raised a documentation query: the keyed hash of the question (older events: its plain SHA-256), never its text. Subject: the encounter's external id.</summary>
public sealed record QueryRaised(
    Guid Query,
    Guid Encounter,
    string PhysicianNpi,
    string Category,
    string Coder,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? QuestionSha256,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? QuestionHash,
    int Choices,
    DateTimeOffset RaisedAt,
    DateTimeOffset DueAt) : ILedgerEvent
{
    public static string Type => "query.raised";
}
