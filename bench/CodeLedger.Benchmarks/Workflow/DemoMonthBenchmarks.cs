using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CodeLedger.Demo;
using CodeLedger.Storage.Protection;

namespace CodeLedger.Benchmarks.Workflow;

/// <summary>
/// The demo's month (world written, hourly imports, coding with the edit engine, queries, expiry
/// runs) at 2,000 and 20,000 encounters, on a fresh database each time. Target (issue §4): 20,000
/// in under 60 seconds, and the same cost per encounter at both sizes (the smaller run carries the
/// fixed costs, JIT and the world, so compare the difference: (T20k − T2k) / 18,000 against T2k / 2,000).
/// PostgreSQL runs when CODELEDGER_BENCH_PG names a server. Wall time only: for CPU time and
/// system calls run the CLI under /usr/bin/time and strace (docs/PERFORMANCE.md, "Demo and writers").
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1)]
[MemoryDiagnoser]
public class DemoMonthBenchmarks
{
    [Params(2_000, 20_000)]
    public int Encounters { get; set; }

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "sqlite";

    public static IEnumerable<string> Providers() => BenchDatabase.Providers();

    private BenchDatabase? _database;

    [GlobalSetup]
    public void Key()
    {
        // PostgreSQL keeps no key file: the demo's store finds the PHI key in the environment.
        if (Environment.GetEnvironmentVariable("CODELEDGER_PHI_KEY") is not { Length: > 0 })
        {
            Environment.SetEnvironmentVariable("CODELEDGER_PHI_KEY", PhiKey.Generate().ToBase64());
        }
    }

    [IterationSetup]
    public void FreshDatabase() => _database = BenchDatabase.Create(Provider, "demo");

    [Benchmark]
    public async Task<int> Month()
    {
        var demo = await DemoRun.CreateAsync(_database!.Spec, seed: 2026, Encounters, new DateOnly(2026, 10, 1), TimeProvider.System);
        var counts = await demo.RunMonthAsync();
        return counts.Submissions;
    }

    [IterationCleanup]
    public void Drop() => _database?.Dispose();
}
