using System.Text.Json.Serialization;
using CodeLedger.Core.Codes;

namespace CodeLedger.Core.Turnaround;

/// <summary>
/// A month of turnaround against the contract: the distribution of elapsed hours, the share within
/// target, the breaches, the service credit owed and whether a remediation plan is due.
/// Hours are rounded to two decimals for reporting; every comparison is made on exact times.
/// </summary>
public sealed record SlaMonthReport(
    string Month,
    int TargetHours,
    string Clock,
    int Count,
    decimal? MeanHours,
    decimal? MedianHours,
    decimal? P90Hours,
    decimal? MinHours,
    decimal? MaxHours,
    int WithinTarget,
    decimal? CompliancePercent,
    decimal ComplianceThresholdPercent,
    bool InBreach,
    decimal CreditPercentOfFee,
    Money MonthlyFee,
    Money ServiceCredit,
    int ConsecutiveBreachMonths,
    int RemediationAfterConsecutiveBreachMonths,
    bool RemediationPlanRequired,
    IReadOnlyList<SlaBreach> Breaches)
{
    /// <summary>The practice whose contract this is (its code); set by the report that chose the contract.</summary>
    [JsonPropertyOrder(-3)]
    public string? Practice { get; init; }

    /// <summary>The vendor the contract is with (its code): a practice with several vendors gets one report per contract.</summary>
    [JsonPropertyOrder(-2)]
    public string? Vendor { get; init; }

    /// <summary>The day the contract measured against took effect.</summary>
    [JsonPropertyOrder(-1)]
    public DateOnly? ContractEffectiveOn { get; init; }
}
