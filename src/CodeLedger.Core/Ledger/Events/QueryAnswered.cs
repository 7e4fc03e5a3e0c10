using System.Text.Json.Serialization;

namespace CodeLedger.Core.Ledger.Events;

/// <summary>The physician answered a query before it was due: the keyed hash of the answer (older events: its plain SHA-256), never its text. Subject: the encounter's external id.</summary>
public sealed record QueryAnswered(
    Guid Query,
    Guid Encounter,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AnswerSha256,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AnswerHash,
    DateTimeOffset AnsweredAt,
    DateTimeOffset DueAt) : ILedgerEvent
{
    public static string Type => "query.answered";
}
