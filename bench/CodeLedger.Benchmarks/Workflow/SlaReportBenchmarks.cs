using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CodeLedger.Core.Turnaround;
using CodeLedger.Storage;
using CodeLedger.Storage.Protection;
using CodeLedger.Storage.Workflow;

namespace CodeLedger.Benchmarks.Workflow;

/// <summary>
/// The monthly SLA report over 1,000,000 encounters finalized in one month (5% with a query
/// pausing the clock), business hours in America/Chicago. Target (issue 5): under 5 seconds on
/// SQLite and on PostgreSQL. PostgreSQL runs when CODELEDGER_BENCH_PG names a server
/// (a connection string to an admin database; a fresh database is created and dropped).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class SlaReportBenchmarks
{
    [Params(1_000_000)]
    public int Encounters { get; set; }

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "sqlite";

    public static IEnumerable<string> Providers() => BenchDatabase.Providers();

    private BenchDatabase _database = null!;
    private CodeLedgerStore _store = null!;

    [GlobalSetup]
    public void Seed()
    {
        _database = BenchDatabase.Create(Provider, "sla");
        var spec = _database.Spec;

        // Seeding writes encounters, whose PHI columns are encrypted: PostgreSQL has no key file.
        _store = CodeLedgerStore.OpenAsync(spec, TimeProvider.System, PhiKey.Generate()).GetAwaiter().GetResult();
        var data = new WorkflowBenchData();
        data.SaveWorldAsync(_store).GetAwaiter().GetResult();
        data.SeedFinalizedMonthAsync(_store, Encounters).GetAwaiter().GetResult();
        using var db = _store.CreateContext();
        Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRaw(db.Database, Provider == "sqlite" ? "ANALYZE" : "ANALYZE");
    }

    [Benchmark]
    public async Task<SlaMonthReport> MonthlyReport() => await new SlaReporter(_store).ReportAsync("BENCH-FM", "2026-03");

    [GlobalCleanup]
    public void Cleanup() => _database.Dispose();
}
