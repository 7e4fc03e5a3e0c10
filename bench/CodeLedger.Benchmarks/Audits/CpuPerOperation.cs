using System.Globalization;

namespace CodeLedger.Benchmarks.Audits;

/// <summary>
/// The process's CPU time (every thread) per benchmark operation, beside BenchmarkDotNet's wall
/// time: the audit benchmarks run one operation per iteration (RunStrategy.Monitoring), so an
/// [IterationSetup]/[IterationCleanup] pair brackets exactly one. Printed at [GlobalCleanup], the
/// last <c>measured</c> values being the measured iterations (the first ones are BenchmarkDotNet's
/// jitting and warm-up runs).
/// </summary>
internal sealed class CpuPerOperation
{
    private readonly List<double> seconds = [];
    private double start;

    public void Start() => start = ProcessCpu.Seconds();

    public void Stop() => seconds.Add(ProcessCpu.Seconds() - start);

    public void Print(string benchmark, int measured = 5)
    {
        if (seconds.Count == 0)
        {
            return;
        }

        var last = seconds.Skip(Math.Max(0, seconds.Count - measured)).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// CPU per operation, {benchmark}: measured median {last[last.Count / 2]:F3} s (min {last[0]:F3}, max {last[^1]:F3}); every run in order: {string.Join(", ", seconds.Select(s => s.ToString("F3", CultureInfo.InvariantCulture)))} s; load {File.ReadAllText("/proc/loadavg").Trim()}"));
        seconds.Clear();
    }
}
