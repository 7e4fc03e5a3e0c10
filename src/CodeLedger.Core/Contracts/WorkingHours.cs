using CodeLedger.Core.Common;

namespace CodeLedger.Core.Contracts;

/// <summary>The working day of a business-hours contract: opening and closing time on the given weekdays.</summary>
public sealed record WorkingHours
{
    public WorkingHours(TimeOnly opens, TimeOnly closes, IReadOnlyList<DayOfWeek> days)
    {
        if (closes <= opens)
        {
            throw new DomainException(ContractErrors.WorkingHours, $"working hours close ({closes:HH\\:mm}) at or before they open ({opens:HH\\:mm})");
        }

        if (days.Count == 0)
        {
            throw new DomainException(ContractErrors.WorkingHours, "working hours need at least one working day");
        }

        Opens = opens;
        Closes = closes;
        Days = [.. days.Distinct().Order()];
    }

    public static WorkingHours MondayToFriday(TimeOnly opens, TimeOnly closes) =>
        new(opens, closes, [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);

    public TimeOnly Opens { get; }

    public TimeOnly Closes { get; }

    public IReadOnlyList<DayOfWeek> Days { get; }

    public bool Equals(WorkingHours? other) => other is not null && Opens == other.Opens && Closes == other.Closes && Days.SequenceEqual(other.Days);

    public override int GetHashCode() => HashCode.Combine(Opens, Closes, Days.Count);
}
