namespace CodeLedger.Storage.Workflow;

/// <summary>
/// A documentation query as listed to a physician (JSON: camelCase; instants as yyyy-MM-ddTHH:mm:ss.ffffffZ).
/// <see cref="Question"/> is null, <see cref="Choices"/> empty and <see cref="Answer"/> null when the
/// reader follows the query's state but reads no chart (a practice admin; docs/TENANCY.md).
/// </summary>
public sealed record QueryView(
    Guid Id,
    string Encounter,
    string PhysicianNpi,
    string Category,
    string? Question,
    IReadOnlyList<string> Choices,
    string RaisedAt,
    string DueAt,
    string Status,
    string? Answer,
    string? ClosedAt);
