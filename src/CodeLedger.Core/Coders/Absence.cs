using CodeLedger.Core.Common;

namespace CodeLedger.Core.Coders;

/// <summary>A stretch of days a coder is away (leave, training), first and last day inclusive.</summary>
public sealed record Absence
{
    public Absence(DateOnly from, DateOnly through, string reason)
    {
        if (through < from)
        {
            throw new DomainException(CoderErrors.AbsenceDates, $"absence ends ({through:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})");
        }

        From = from;
        Through = through;
        Reason = Guard.Text(reason, "absence reason");
    }

    public DateOnly From { get; }

    public DateOnly Through { get; }

    public string Reason { get; }

    public bool Covers(DateOnly day) => day >= From && day <= Through;
}
