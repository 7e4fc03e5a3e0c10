namespace CodeLedger.Storage.Workflow;

/// <summary>A documentation query as listed to a physician (JSON: camelCase; instants as yyyy-MM-ddTHH:mm:ss.ffffffZ).</summary>
public sealed record QueryView(
    Guid Id,
    string Encounter,
    string PhysicianNpi,
    string Category,
    string Question,
    IReadOnlyList<string> Choices,
    string RaisedAt,
    string DueAt,
    string Status,
    string? Answer,
    string? ClosedAt);
