namespace CodeLedger.Core.Ledger.Events;

/// <summary>A query reached its due instant unanswered and was closed as unresolved. Subject: the encounter's external id.</summary>
public sealed record QueryUnresolved(Guid Query, Guid Encounter, DateTimeOffset DueAt) : ILedgerEvent
{
    public static string Type => "query.unresolved";
}
