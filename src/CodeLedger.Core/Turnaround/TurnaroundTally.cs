using System.Runtime.InteropServices;
using CodeLedger.Core.Contracts;

namespace CodeLedger.Core.Turnaround;

/// <summary>
/// A month's turnaround measurements as they are read, without keeping a sample per encounter:
/// every elapsed time (for the distribution), how many were within the contract's target, and the
/// breaches, which alone are named. A report over a million encounters formats a few reference
/// strings, not a million.
/// </summary>
public sealed class TurnaroundTally(SlaContract contract)
{
    private readonly long _targetTicks = TimeSpan.FromHours(contract.TurnaroundTargetHours).Ticks;
    private readonly List<long> _elapsedTicks = [];
    private readonly List<SlaBreach> _breaches = [];

    public int Count => _elapsedTicks.Count;

    public int WithinTarget { get; private set; }

    public IReadOnlyList<SlaBreach> Breaches => _breaches;

    /// <summary>Elapsed times in the order added; <see cref="SlaCalculator"/> sorts them in place.</summary>
    internal Span<long> ElapsedTicks => CollectionsMarshal.AsSpan(_elapsedTicks);

    public void Add(TurnaroundSample sample) => Add(sample.Elapsed, sample.Start, sample.Stop, sample.EncounterRef, default);

    /// <summary>Adds an encounter known by id; the id is written out (as <see cref="Guid.ToString()"/>) only if it is a breach.</summary>
    public void Add(TimeSpan elapsed, DateTimeOffset start, DateTimeOffset stop, Guid encounterId) => Add(elapsed, start, stop, null, encounterId);

    private void Add(TimeSpan elapsed, DateTimeOffset start, DateTimeOffset stop, string? encounterRef, Guid encounterId)
    {
        var ticks = elapsed.Ticks;
        _elapsedTicks.Add(ticks);
        if (ticks <= _targetTicks)
        {
            WithinTarget++;
        }
        else
        {
            _breaches.Add(new SlaBreach(encounterRef ?? encounterId.ToString(), start, stop, SlaCalculator.Hours(ticks), SlaCalculator.Hours(ticks - _targetTicks)));
        }
    }
}
