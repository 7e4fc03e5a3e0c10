namespace CodeLedger.Core.Ledger.Events;

/// <summary>A coder raised a documentation query: the SHA-256 of the question, never its text. Subject: the encounter's external id.</summary>
public sealed record QueryRaised(
    Guid Query,
    Guid Encounter,
    string PhysicianNpi,
    string Category,
    string Coder,
    string QuestionSha256,
    int Choices,
    DateTimeOffset RaisedAt,
    DateTimeOffset DueAt) : ILedgerEvent
{
    public static string Type => "query.raised";
}
