using System.Diagnostics;
using System.Globalization;
using CodeLedger.Core.Audits;
using CodeLedger.Core.Codes;
using CodeLedger.Storage.Audits;

namespace CodeLedger.Benchmarks.Audits;

/// <summary>
/// Paired before/after timing of issue 17's two audit targets in one process, for a shared machine
/// whose speed drifts: each round runs the path as it was (<see cref="AuditReportBefore"/>,
/// <see cref="AuditSamplerBefore"/>) and the current one on the same data, the order alternating,
/// and records wall time and the process's CPU time (every thread) of each run. The first two
/// rounds warm up and are not counted. Both paths' outputs are compared byte for byte first.
///
///   dotnet run -c Release --project bench/CodeLedger.Benchmarks -- audit-ab report [ROUNDS] [AUDITED]
///   dotnet run -c Release --project bench/CodeLedger.Benchmarks -- audit-ab sample [ROUNDS] [POPULATION]
///   dotnet run -c Release --project bench/CodeLedger.Benchmarks -- audit-ab sample-strata [ROUNDS] [POPULATION]
/// </summary>
internal static class AuditAb
{
    private const int WarmUp = 2;

    public static int Run(string[] args)
    {
        var what = args.Length > 0 ? args[0] : string.Empty;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 12;
        switch (what)
        {
            case "report":
            {
                var audited = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000;
                using var world = AuditReportWorld.CreateAsync(audited).GetAwaiter().GetResult();
                var id = Guid.Parse(world.Audit);
                Func<string> before = () => Text(AuditReportBefore.ReportAsync(world.Store, id).GetAwaiter().GetResult());
                Func<string> after = () => Text(new AuditDesk(world.Store).ReportAsync(world.Audit, null).GetAwaiter().GetResult());
                return Pair($"audit report, {audited:N0} audited encounters from SQLite", before, after, rounds);
            }

            case "sample" or "sample-strata":
            {
                var size = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000;
                var population = AuditBenchmarks.Population(size);
                var plan = AuditBenchmarks.Plan(what == "sample-strata" ? AuditStratification.Physician : AuditStratification.None);
                Func<string> before = () => List(AuditSamplerBefore.Draw(population, plan));
                Func<string> after = () => List(AuditSampler.Draw(population, plan));
                return Pair($"draw of 10,000 from {size:N0} ({(what == "sample" ? "unstratified" : "by physician, proportional")})", before, after, rounds);
            }

            default:
                Console.Error.WriteLine("usage: audit-ab report|sample|sample-strata [ROUNDS] [SIZE]");
                return 2;
        }
    }

    private static string Text(AuditReport report) => report.ToText() + AuditReportJson.Write(report);

    private static string List(AuditSample sample) =>
        string.Join('\n', sample.Members.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Position},{m.Stratum},{m.StratumRank},{m.Member.EncounterKey}")))
        + string.Join('\n', sample.Strata.Select(s => $"{s.Name}={s.Allocated}/{s.FrameCount}"));

    private static int Pair(string title, Func<string> before, Func<string> after, int rounds)
    {
        Console.WriteLine($"{title}: {rounds} rounds, the first {WarmUp} not counted; load {File.ReadAllText("/proc/loadavg").Trim()}");
        var expected = before();
        if (after() != expected)
        {
            Console.WriteLine("DIFFERENT: the current path's output is not the before path's");
            return 1;
        }

        Console.WriteLine("outputs identical");
        var paths = new[] { ("before", before), ("after", after) };
        var wall = new[] { new List<double>(), new List<double>() };
        var cpu = new[] { new List<double>(), new List<double>() };
        for (var round = 0; round < rounds; round++)
        {
            for (var step = 0; step < 2; step++)
            {
                var i = (step + round) % 2;
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var cpuBefore = ProcessCpu.Seconds();
                var clock = Stopwatch.StartNew();
                _ = paths[i].Item2();
                var elapsed = clock.Elapsed.TotalSeconds;
                var used = ProcessCpu.Seconds() - cpuBefore;
                if (round >= WarmUp)
                {
                    wall[i].Add(elapsed);
                    cpu[i].Add(used);
                }
            }
        }

        for (var i = 0; i < 2; i++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{paths[i].Item1,-6} wall median {Median(wall[i]):F3} s (best {wall[i].Min():F3}, worst {wall[i].Max():F3}); CPU median {Median(cpu[i]):F3} s (best {cpu[i].Min():F3}, worst {cpu[i].Max():F3})"));
        }

        var ratios = wall[0].Zip(wall[1], (b, a) => b / a).Order().ToList();
        var cpuRatios = cpu[0].Zip(cpu[1], (b, a) => b / a).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"paired speed-up (before / after, same round): wall median {ratios[ratios.Count / 2]:F2}x, CPU median {cpuRatios[cpuRatios.Count / 2]:F2}x; load {File.ReadAllText("/proc/loadavg").Trim()}"));
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
