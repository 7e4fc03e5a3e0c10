using CodeLedger.Core.Contracts;

namespace CodeLedger.Core.Turnaround;

/// <summary>
/// The one calculation behind every SLA report, whatever its source: encounters finalized in the
/// month (in the contract's time zone), each measured from its clock start to finalization on the
/// contract's clock, less the time its queries were open when the contract pauses for queries.
/// `codeledger sla` feeds it the stored work items and queries (SlaReporter); `ledger replay
/// --report sla` feeds it the state replayed from an export (docs/LEDGER.md, "Replay").
/// </summary>
public sealed class SlaMonthMeasure
{
    private readonly TurnaroundClock _clock;
    private readonly TimePeriod _window;

    public SlaMonthMeasure(SlaContract contract, SlaMonth month)
    {
        Contract = contract;
        Month = month;
        _clock = new TurnaroundClock(contract);
        _window = month.Window(TimeZoneInfo.FindSystemTimeZoneById(contract.TimeZoneId));
        Tally = new TurnaroundTally(contract);
    }

    public SlaContract Contract { get; }

    public SlaMonth Month { get; }

    public TurnaroundTally Tally { get; }

    /// <summary>The month's first and last-plus-one instants, for a source that filters before it reads.</summary>
    public TimePeriod Window => _window;

    /// <summary>
    /// Measures one finalized encounter of the contract's practice and vendor; one finalized outside
    /// the month is not counted. <paramref name="queries"/> are the encounter's queries (raised at,
    /// closed at or null while open), read only when the contract pauses for them.
    /// </summary>
    public void Add(Guid encounterId, DateTimeOffset clockStart, DateTimeOffset finalizedAt, IEnumerable<(DateTimeOffset RaisedAt, DateTimeOffset? ClosedAt)>? queries)
    {
        if (finalizedAt < _window.Start || finalizedAt >= _window.End)
        {
            return;
        }

        var elapsed = Contract.OpenQueryPausesClock && queries is not null
            ? _clock.Measure(clockStart, finalizedAt, QueryPause.All(queries, finalizedAt))
            : _clock.Measure(clockStart, finalizedAt);
        Tally.Add(elapsed, clockStart, finalizedAt, encounterId);
    }

    /// <summary>
    /// The month's report: the month measured, and the breach verdicts of the months before it (the
    /// consecutive-breach rule), each measured by <paramref name="measure"/> from the same source.
    /// </summary>
    public static async Task<SlaMonthReport> ReportAsync(SlaContract contract, SlaMonth month, Func<SlaMonth, Task<TurnaroundTally>> measure)
    {
        var tally = await measure(month);
        var earlier = new List<bool>();
        foreach (var m in BreachRun.MonthsBefore(contract, month))
        {
            var earlierTally = await measure(m);
            earlier.Add(SlaCalculator.IsBreach(contract, earlierTally.Count, earlierTally.WithinTarget));
        }

        return SlaCalculator.Build(contract, month.ToString(), tally, earlier);
    }
}
