namespace CodeLedger.Storage.Workflow;

/// <summary>One line of the training report (JSON: camelCase, dates YYYY-MM-DD).</summary>
public sealed record TrainingRow(string Coder, string Release, DateOnly EffectiveOn, DateOnly CompletedOn, bool Late, int DaysLate);
