using CodeLedger.Core.Contracts;

namespace CodeLedger.Core.Ledger.Events;

/// <summary>
/// A one-time backfill: the terms of a contract whose <see cref="SlaContractSigned"/> event was written
/// before it carried them (working hours, holidays, credit schedule, restart rule, remediation
/// threshold), read from the stored contract and appended by `codeledger db migrate`, so that replay
/// can check them and recompute the SLA report. Old events are never edited. Subject: the practice's code.
/// </summary>
public sealed record SlaContractTermsRecorded(
    Guid Contract,
    TimeOnly WorkingHoursOpen,
    TimeOnly WorkingHoursClose,
    IReadOnlyList<DayOfWeek> WorkingDays,
    IReadOnlyList<DateOnly> Holidays,
    decimal CreditThresholdPercent,
    decimal CreditPercentOfFeePerPoint,
    decimal CreditCapPercentOfFee,
    bool CorrectedDocumentationRestartsClock,
    int RemediationAfterConsecutiveBreachMonths) : ILedgerEvent
{
    public static string Type => "sla-contract.terms-recorded";

    public static SlaContractTermsRecorded Of(SlaContract contract) =>
        new(contract.Id, contract.WorkingHours.Opens, contract.WorkingHours.Closes, [.. contract.WorkingHours.Days], [.. contract.Holidays],
            contract.CreditSchedule.ComplianceThresholdPercent, contract.CreditSchedule.PercentOfFeePerPoint, contract.CreditSchedule.CapPercentOfFee,
            contract.CorrectedDocumentationRestartsClock, contract.RemediationAfterConsecutiveBreachMonths);

    /// <summary>The signed event completed with these terms, as if it had carried them.</summary>
    public SlaContractSigned Complete(SlaContractSigned signed) =>
        signed with
        {
            WorkingHoursOpen = WorkingHoursOpen,
            WorkingHoursClose = WorkingHoursClose,
            WorkingDays = WorkingDays,
            Holidays = Holidays,
            CreditThresholdPercent = CreditThresholdPercent,
            CreditPercentOfFeePerPoint = CreditPercentOfFeePerPoint,
            CreditCapPercentOfFee = CreditCapPercentOfFee,
            CorrectedDocumentationRestartsClock = CorrectedDocumentationRestartsClock,
            RemediationAfterConsecutiveBreachMonths = RemediationAfterConsecutiveBreachMonths,
        };
}
