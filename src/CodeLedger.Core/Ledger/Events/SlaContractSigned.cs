using System.Text.Json.Serialization;
using CodeLedger.Core.Contracts;

namespace CodeLedger.Core.Ledger.Events;

/// <summary>
/// An SLA contract between a practice and a vendor was signed. Subject: the practice's code.
/// The contract's terms after <see cref="MonthlyFee"/> (working hours, holidays, credit schedule,
/// whether a corrected note restarts the clock, the remediation threshold) were added so that the
/// SLA report can be recomputed from the ledger alone (docs/LEDGER.md, "Replay"). Events written
/// before them carry none of them: they are omitted when null, so an old payload still reads back to
/// its exact hashed text, and replay treats the missing terms as not recorded rather than as different.
/// </summary>
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
    string MonthlyFee,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TimeOnly? WorkingHoursOpen = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TimeOnly? WorkingHoursClose = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<DayOfWeek>? WorkingDays = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<DateOnly>? Holidays = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? CreditThresholdPercent = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? CreditPercentOfFeePerPoint = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? CreditCapPercentOfFee = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? CorrectedDocumentationRestartsClock = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? RemediationAfterConsecutiveBreachMonths = null) : ILedgerEvent
{
    public static string Type => "sla-contract.signed";

    /// <summary>The event for a signed contract, with every term the SLA report reads.</summary>
    public static SlaContractSigned Of(SlaContract contract, string practiceCode, string vendorCode) =>
        new(contract.Id, practiceCode, vendorCode, contract.EffectiveOn, contract.TurnaroundTargetHours, contract.Clock, contract.TimeZoneId,
            contract.AccuracyFloorPercent, contract.QueryResponseWindowHours, contract.OpenQueryPausesClock, contract.MonthlyFee.ToString(),
            contract.WorkingHours.Opens, contract.WorkingHours.Closes, [.. contract.WorkingHours.Days], [.. contract.Holidays],
            contract.CreditSchedule.ComplianceThresholdPercent, contract.CreditSchedule.PercentOfFeePerPoint, contract.CreditSchedule.CapPercentOfFee,
            contract.CorrectedDocumentationRestartsClock, contract.RemediationAfterConsecutiveBreachMonths);

    /// <summary>Whether the event carries the terms the SLA report needs (events written before they were added do not).</summary>
    public bool HasFullTerms() => WorkingHoursOpen is not null && WorkingHoursClose is not null && WorkingDays is not null && Holidays is not null
        && CreditThresholdPercent is not null && CreditPercentOfFeePerPoint is not null && CreditCapPercentOfFee is not null
        && CorrectedDocumentationRestartsClock is not null && RemediationAfterConsecutiveBreachMonths is not null;
}
