namespace CodeLedger.Core.Turnaround;

/// <summary>An encounter whose turnaround exceeded the contract's target.</summary>
public sealed record SlaBreach(string EncounterRef, DateTimeOffset Start, DateTimeOffset Stop, decimal ElapsedHours, decimal HoursOverTarget);
