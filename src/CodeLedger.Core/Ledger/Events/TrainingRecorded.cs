namespace CodeLedger.Core.Ledger.Events;

/// <summary>A coder's training on a code-set release, late when completed after the release took effect. Subject: the coder's user name.</summary>
public sealed record TrainingRecorded(string Coder, string Release, DateOnly EffectiveOn, DateOnly CompletedOn, bool Late, int DaysLate) : ILedgerEvent
{
    public static string Type => "training.recorded";
}
