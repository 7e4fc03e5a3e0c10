using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Contracts;

/// <summary>
/// The service-level agreement between a practice and its coding vendor: how fast coded
/// encounters come back and how that is measured, the accuracy the vendor guarantees, how long a
/// physician has to answer a documentation query, and what a miss costs.
/// </summary>
public sealed class SlaContract
{
    /// <summary>The accuracy guarantee a good partner gives unless the contract says otherwise.</summary>
    public const decimal DefaultAccuracyFloorPercent = 95m;

    private SlaContract()
    {
        TimeZoneId = "UTC";
        WorkingHours = null!;
        Holidays = [];
        CreditSchedule = null!;
    }

    public SlaContract(
        Guid id, Guid practiceId, Guid vendorId, DateOnly effectiveOn, int turnaroundTargetHours,
        TurnaroundClockKind clock, string timeZoneId, WorkingHours workingHours, IEnumerable<DateOnly> holidays,
        decimal accuracyFloorPercent, int queryResponseWindowHours, bool openQueryPausesClock,
        bool correctedDocumentationRestartsClock, ServiceCreditSchedule creditSchedule, Money monthlyFee,
        int remediationAfterConsecutiveBreachMonths)
    {
        if (turnaroundTargetHours is < 1 or > 24 * 30)
        {
            throw new DomainException(ContractErrors.Target, $"turnaround target {turnaroundTargetHours} h is outside 1 h to 30 days");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _))
        {
            throw new DomainException(ContractErrors.TimeZone, $"time zone '{timeZoneId}' is not known (use an IANA name such as America/Chicago)");
        }

        if (accuracyFloorPercent is <= 0 or > 100)
        {
            throw new DomainException(ContractErrors.Accuracy, "accuracy floor must be between 0 and 100 percent");
        }

        if (queryResponseWindowHours is < 1 or > 24 * 30)
        {
            throw new DomainException(ContractErrors.QueryWindow, $"query response window {queryResponseWindowHours} h is outside 1 h to 30 days");
        }

        if (monthlyFee < Money.Zero)
        {
            throw new DomainException(ContractErrors.Fee, "monthly fee cannot be negative");
        }

        if (remediationAfterConsecutiveBreachMonths < 1)
        {
            throw new DomainException(ContractErrors.Remediation, "remediation threshold must be at least one month");
        }

        Id = id;
        PracticeId = practiceId;
        VendorId = vendorId;
        EffectiveOn = effectiveOn;
        TurnaroundTargetHours = turnaroundTargetHours;
        Clock = clock;
        TimeZoneId = timeZoneId;
        WorkingHours = workingHours;
        Holidays = [.. holidays.Distinct().Order()];
        AccuracyFloorPercent = accuracyFloorPercent;
        QueryResponseWindowHours = queryResponseWindowHours;
        OpenQueryPausesClock = openQueryPausesClock;
        CorrectedDocumentationRestartsClock = correctedDocumentationRestartsClock;
        CreditSchedule = creditSchedule;
        MonthlyFee = monthlyFee;
        RemediationAfterConsecutiveBreachMonths = remediationAfterConsecutiveBreachMonths;
    }

    public Guid Id { get; private set; }

    public Guid PracticeId { get; private set; }

    public Guid VendorId { get; private set; }

    public DateOnly EffectiveOn { get; private set; }

    public int TurnaroundTargetHours { get; private set; }

    public TurnaroundClockKind Clock { get; private set; }

    /// <summary>IANA time zone in which business hours and holidays are read.</summary>
    public string TimeZoneId { get; private set; }

    public WorkingHours WorkingHours { get; private set; }

    public List<DateOnly> Holidays { get; private set; }

    public decimal AccuracyFloorPercent { get; private set; }

    public int QueryResponseWindowHours { get; private set; }

    public bool OpenQueryPausesClock { get; private set; }

    public bool CorrectedDocumentationRestartsClock { get; private set; }

    public ServiceCreditSchedule CreditSchedule { get; private set; }

    public Money MonthlyFee { get; private set; }

    /// <summary>After this many consecutive months in breach the vendor owes a remediation plan.</summary>
    public int RemediationAfterConsecutiveBreachMonths { get; private set; }
}
