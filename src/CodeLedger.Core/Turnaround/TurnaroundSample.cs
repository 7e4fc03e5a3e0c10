namespace CodeLedger.Core.Turnaround;

/// <summary>One finalized encounter's turnaround: its reference (external id, never PHI), the clock's start and stop, and the time counted.</summary>
public sealed record TurnaroundSample(string EncounterRef, DateTimeOffset Start, DateTimeOffset Stop, TimeSpan Elapsed);
