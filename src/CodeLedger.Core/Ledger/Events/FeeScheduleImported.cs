namespace CodeLedger.Core.Ledger.Events;

/// <summary>
/// A version of a practice's fee schedule was imported (docs/BILLING.md): every fee, so replay
/// rebuilds the version whole. Fees are the practice's prices, not PHI. Subject: the practice's code.
/// </summary>
public sealed record FeeScheduleImported(Guid Id, Guid Practice, DateOnly EffectiveOn, string FileName, string Sha256, IReadOnlyList<FeeScheduleImported.Fee> Fees) : ILedgerEvent
{
    public static string Type => "fees.imported";

    /// <summary>One fee: code, modifier or null, charge per unit in dollars (<c>125.00</c>).</summary>
    public sealed record Fee(string Code, string? Modifier, string Charge);
}
