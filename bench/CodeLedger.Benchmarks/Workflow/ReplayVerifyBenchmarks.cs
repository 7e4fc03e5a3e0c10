using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CodeLedger.Demo;
using CodeLedger.Storage;
using CodeLedger.Storage.Ledger;
using CodeLedger.Storage.Protection;

namespace CodeLedger.Benchmarks.Workflow;

/// <summary>
/// Full replay verification (docs/LEDGER.md, "Replay"): every event folded into the state it
/// describes, every state table read back (PHI columns decrypted and hashed) and compared, on a demo
/// database of <see cref="Encounters"/> encounters written once in the global setup; the chain walk
/// alone beside it. Target (issue 15): a million encounters, about 3 million events, in under 60 s on
/// SQLite and PostgreSQL in bounded memory. The demo writes about 3.3 events per encounter, so the
/// figure at 20,000 scales by 50 to that target. A million is measured whole-process on a stamped
/// database instead (bench/replay/stamp-verify.sh; docs/PERFORMANCE.md). PostgreSQL runs when
/// CODELEDGER_BENCH_PG names a server.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class ReplayVerifyBenchmarks
{
    [Params(20_000)]
    public int Encounters { get; set; }

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "sqlite";

    public static IEnumerable<string> Providers() => BenchDatabase.Providers();

    private BenchDatabase? _database;
    private CodeLedgerStore? _store;

    [GlobalSetup]
    public async Task WriteDemoAsync()
    {
        // The demo writes with its seed-derived PHI key (docs/LEDGER.md, "PHI in the ledger"); the
        // verification opens with the same key, which PostgreSQL does not keep beside the database.
        _database = BenchDatabase.Create(Provider, "replay");
        var demo = await DemoRun.CreateAsync(_database.Spec, seed: 2026, Encounters, new DateOnly(2026, 10, 1), TimeProvider.System);
        await demo.RunMonthAsync();
        _store = await CodeLedgerStore.OpenAsync(_database.Spec, TimeProvider.System, PhiKey.ForDemo(2026));
    }

    [Benchmark]
    public async Task<int> ReplayAndCompare()
    {
        var divergences = (await new ReplayVerifier(_store!).VerifyAsync()).Divergences;
        return divergences.Count == 0 ? 0 : throw new InvalidOperationException(divergences[0].ToString());
    }

    [Benchmark(Baseline = true)]
    public async Task<long> ChainOnly() => (await _store!.VerifyLedgerAsync()).EventCount;

    [GlobalCleanup]
    public void Drop() => _database?.Dispose();
}
