namespace CodeLedger.Core.Contracts;

public enum TurnaroundClockKind
{
    /// <summary>Every hour counts, nights and weekends included.</summary>
    CalendarHours,

    /// <summary>Only the contract's working hours on working days count, in the contract's time zone.</summary>
    BusinessHours,
}
