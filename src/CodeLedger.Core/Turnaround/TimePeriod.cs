using CodeLedger.Core.Common;

namespace CodeLedger.Core.Turnaround;

/// <summary>A half-open stretch of time [Start, End) in UTC, such as the time a documentation query was open.</summary>
public readonly record struct TimePeriod
{
    public TimePeriod(DateTimeOffset start, DateTimeOffset end)
    {
        if (end < start)
        {
            throw new DomainException(TurnaroundErrors.PeriodEndsBeforeStart, $"period ends ({Instants.Format(end)}) before it starts ({Instants.Format(start)})");
        }

        Start = start;
        End = end;
    }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    public TimeSpan Length => End - Start;
}
