namespace CodeLedger.Storage.Workflow;

/// <summary>What an import did: new encounters (and how they were assigned), unchanged re-imports, corrected documentation.</summary>
public sealed record IntakeSummary(int Read, int Received, int Unchanged, int Corrected, int ClockRestarts, int Primary, int Backup, int Uncovered);
