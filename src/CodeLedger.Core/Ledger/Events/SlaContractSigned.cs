using CodeLedger.Core.Contracts;

namespace CodeLedger.Core.Ledger.Events;

/// <summary>An SLA contract between a practice and a vendor was signed. Subject: the practice's code.</summary>
public sealed record SlaContractSigned(
    Guid Id,
    string Practice,
    string Vendor,
    DateOnly EffectiveOn,
    int TurnaroundTargetHours,
    TurnaroundClockKind Clock,
    string TimeZoneId,
    decimal AccuracyFloorPercent,
    int QueryResponseWindowHours,
    bool OpenQueryPausesClock,
    string MonthlyFee) : ILedgerEvent
{
    public static string Type => "sla-contract.signed";
}
