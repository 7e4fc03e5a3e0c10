namespace CodeLedger.Demo;

/// <summary>What the simulated month did, counted as it ran (the database holds the rest).</summary>
public sealed record DemoCounts(int Imports, int Submissions, int EditBlocks, int Overrides, int Queries, int Answered, int Expired);
