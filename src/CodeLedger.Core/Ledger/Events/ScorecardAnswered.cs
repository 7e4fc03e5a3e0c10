namespace CodeLedger.Core.Ledger.Events;

/// <summary>
/// A practice's admin recorded a scorecard answer about a vendor (a reference checked, the price
/// against the market, why a low price is low, the contract's audit right): its kind and its one
/// text form (<c>Core/Scorecard/ScorecardAnswer</c>). No PHI. Subject: the practice's code.
/// </summary>
public sealed record ScorecardAnswered(Guid Id, string Practice, string Vendor, string Kind, string Value, DateTimeOffset At) : ILedgerEvent
{
    public static string Type => "scorecard.answered";
}
