namespace CodeLedger.Storage.Workflow;

/// <summary>
/// What an import did: new encounters (and how they were assigned), unchanged re-imports, corrected
/// documentation, coverages recorded (a first one or a changed one: a new version), and warnings that
/// did not refuse the file (a payer code the practice does not have; docs/INTAKE.md, "Coverage").
/// </summary>
public sealed record IntakeSummary(int Read, int Received, int Unchanged, int Corrected, int ClockRestarts, int Primary, int Backup, int Uncovered,
    int Coverages = 0, IReadOnlyList<string>? Warnings = null)
{
    public IReadOnlyList<string> Warnings { get; init; } = Warnings ?? [];
}
