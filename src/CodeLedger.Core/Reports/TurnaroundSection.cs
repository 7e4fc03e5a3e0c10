using System.Globalization;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Turnaround;

namespace CodeLedger.Core.Reports;

/// <summary>A histogram bin: elapsed hours above <see cref="FromHours"/> and at most <see cref="ToHours"/> (the first bin includes 0; the last has no upper edge).</summary>
public sealed record HistogramBin(string Label, decimal FromHours, decimal? ToHours, int Count);

/// <summary>One of the three months before the reported one, beside it.</summary>
/// <param name="Report">The month's SLA figures; null when no contract was in force in it.</param>
public sealed record TurnaroundMonth(string Month, SlaMonthReport? Report);

/// <summary>Section 2: the month's SLA figures (the existing calculation), a histogram and the three months before.</summary>
/// <param name="Report">The month's figures from <see cref="SlaCalculator"/>; null without a contract.</param>
public sealed record TurnaroundFigures(SlaMonthReport? Report, IReadOnlyList<HistogramBin> Histogram, IReadOnlyList<TurnaroundMonth> Previous, string Statement);

/// <summary>
/// Section 2. Every figure of a month is <see cref="SlaCalculator.Build(SlaContract, string, IReadOnlyList{TurnaroundSample}, IEnumerable{bool})"/>'s
/// over the encounters finalized in it, with the breach verdicts of the months before (the
/// consecutive-breach rule) from <see cref="SlaCalculator.IsBreach"/>: the package and `codeledger sla`
/// cannot disagree. The histogram's edges are fixed hours, chosen around the targets contracts use
/// (24, 48, 72 h; FACTS.md §10): 0–4, 4–8, 8–12, 12–24, 24–48, 48–72, 72–120, 120–168 and over 168.
/// A bin holds times above its lower edge and at most its upper one, so "at most 24 h" is one bin
/// boundary, as the contract's "within target" is.
/// </summary>
public static class TurnaroundSection
{
    public static IReadOnlyList<int> BinEdgesHours { get; } = [0, 4, 8, 12, 24, 48, 72, 120, 168];

    public static TurnaroundFigures Build(SlaContract? contract, SlaMonth month, IEnumerable<ReportEncounter> encounters)
    {
        var byMonth = new Dictionary<SlaMonth, List<TurnaroundSample>>();
        foreach (var e in encounters)
        {
            if (e.Turnaround is { } sample)
            {
                var m = SlaMonth.Of(e.FinalizedOn);
                (byMonth.TryGetValue(m, out var list) ? list : byMonth[m] = []).Add(sample);
            }
        }

        var samples = byMonth.GetValueOrDefault(month) ?? [];
        var histogram = Histogram(samples);
        if (contract is null)
        {
            return new TurnaroundFigures(null, histogram, [.. Enumerable.Range(1, 3).Select(i => new TurnaroundMonth(month.AddMonths(-i).ToString(), null))],
                "no SLA contract in force: the turnaround target, breaches and credit are not measured");
        }

        var report = Report(contract, month, byMonth);
        var previous = Enumerable.Range(1, 3).Select(i => month.AddMonths(-i))
            .Select(m => new TurnaroundMonth(m.ToString(), contract.EffectiveOn <= m.Last ? Report(contract, m, byMonth) : null))
            .ToList();
        var statement = report.Count == 0
            ? "no encounter was finalized in the month: nothing to measure"
            : string.Create(CultureInfo.InvariantCulture,
                $"{report.WithinTarget} of {report.Count} encounters ({report.CompliancePercent:0.00}%) within the {report.TargetHours} h target ({report.Clock}); threshold {report.ComplianceThresholdPercent:0.##}%: {(report.InBreach ? $"in breach, service credit {report.ServiceCredit}" : "not in breach")}");
        return new TurnaroundFigures(report, histogram, previous, statement);
    }

    private static SlaMonthReport Report(SlaContract contract, SlaMonth month, Dictionary<SlaMonth, List<TurnaroundSample>> byMonth)
    {
        var earlier = BreachRun.MonthsBefore(contract, month).Select(m =>
        {
            var list = byMonth.GetValueOrDefault(m) ?? [];
            var target = TimeSpan.FromHours(contract.TurnaroundTargetHours);
            return SlaCalculator.IsBreach(contract, list.Count, list.Count(s => s.Elapsed <= target));
        }).ToList();
        return SlaCalculator.Build(contract, month.ToString(), byMonth.GetValueOrDefault(month) ?? [], earlier);
    }

    private static List<HistogramBin> Histogram(List<TurnaroundSample> samples)
    {
        var edges = BinEdgesHours;
        var counts = new int[edges.Count];
        foreach (var s in samples)
        {
            var ticks = s.Elapsed.Ticks;
            var bin = edges.Count - 1;
            for (var i = 1; i < edges.Count; i++)
            {
                if (ticks <= TimeSpan.TicksPerHour * edges[i])
                {
                    bin = i - 1;
                    break;
                }
            }

            counts[bin]++;
        }

        return [.. counts.Select((c, i) => i < edges.Count - 1
            ? new HistogramBin(string.Create(CultureInfo.InvariantCulture, $"{edges[i]}–{edges[i + 1]} h"), edges[i], edges[i + 1], c)
            : new HistogramBin(string.Create(CultureInfo.InvariantCulture, $"over {edges[i]} h"), edges[i], null, c))];
    }
}
