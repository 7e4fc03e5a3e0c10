namespace CodeLedger.Core.Ledger.Events;

/// <summary>The physician answered a query before it was due: the SHA-256 of the answer, never its text. Subject: the encounter's external id.</summary>
public sealed record QueryAnswered(Guid Query, Guid Encounter, string AnswerSha256, DateTimeOffset AnsweredAt, DateTimeOffset DueAt) : ILedgerEvent
{
    public static string Type => "query.answered";
}
