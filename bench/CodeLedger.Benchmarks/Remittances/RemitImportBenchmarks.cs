using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using CodeLedger.Benchmarks.Workflow;
using CodeLedger.Core.Accounts;
using CodeLedger.Demo;
using CodeLedger.Storage;
using CodeLedger.Storage.Accounts;
using CodeLedger.Storage.Protection;
using CodeLedger.Storage.Remittances;
using CodeLedger.X12.Workloads;
using Npgsql;

namespace CodeLedger.Benchmarks.Remittances;

/// <summary>
/// <c>import remits</c> end to end through <see cref="RemittanceDesk.ImportAsync"/> (the CLI's call):
/// a generated 835 (X12SyntheticFile, benchmark seed; 56 MB ≈ 200,000 claims, issue 18's target, or
/// CODELEDGER_REMIT_BENCH_MB) posted to a demo practice, on SQLite and, with CODELEDGER_BENCH_PG, on
/// PostgreSQL. Matched: the practice has one submitted claim per CLP (<see cref="RemitFixture"/>), so
/// every CLP posts to its claim; Unmatched: it has none, so every CLP goes to the unmatched queue.
/// Every iteration posts into a fresh copy of the prepared database (a file copy; PostgreSQL's CREATE
/// DATABASE ... TEMPLATE), since the same file twice posts nothing. CPU time per iteration is printed.
/// Run: dotnet run -c Release --project bench/CodeLedger.Benchmarks -- --filter '*RemitImport*'
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class RemitImportBenchmarks
{
    /// <summary>In process, one launch, a few single-invocation iterations: each posts a whole file into a fresh database.</summary>
    private sealed class Config : ManualConfig
    {
        public Config() => AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1).WithWarmupCount(0).WithIterationCount(3).WithInvocationCount(1).WithUnrollFactor(1));
    }

    private const string Practice = "NORTHSIDE-FM";

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "sqlite";

    [Params("matched", "unmatched")]
    public string Path { get; set; } = "matched";

    public static IEnumerable<string> Providers() => BenchDatabase.Providers();

    private BenchDatabase? _template;
    private BenchDatabase? _iteration;
    private byte[] _file = [];
    private CodeLedgerStore? _store;
    private Principal? _principal;
    private TimeSpan _cpuBefore;

    [GlobalSetup]
    public void Setup()
    {
        if (Environment.GetEnvironmentVariable("CODELEDGER_PHI_KEY") is not { Length: > 0 })
        {
            Environment.SetEnvironmentVariable("CODELEDGER_PHI_KEY", PhiKey.Generate().ToBase64());
        }

        var megabytes = int.Parse(Environment.GetEnvironmentVariable("CODELEDGER_REMIT_BENCH_MB") ?? "56", System.Globalization.CultureInfo.InvariantCulture);
        var stream = new MemoryStream();
        var claims = X12SyntheticFile.Write(stream, X12FileKind.Remittance835, megabytes * 1_000_000L, X12SyntheticFile.BenchmarkSeed);
        _file = stream.ToArray();
        Console.WriteLine($"// 835: {_file.Length:N0} bytes, {claims:N0} claims");

        _template = BenchDatabase.Create(Provider, "remit-template");
        Task.Run(async () =>
        {
            var demo = await DemoRun.CreateAsync(_template.Spec, seed: 2026, 40, new DateOnly(2026, 10, 1), TimeProvider.System);
            await demo.RunMonthAsync();
            var store = await CodeLedgerStore.OpenAsync(_template.Spec, TimeProvider.System);
            await new AccountDesk(store).ApplyAsync("remit-bench", new UserSpec("pa-north", "North Admin", null, Practice, "practice-admin"));
            if (Path == "matched")
            {
                Console.WriteLine($"// fixture: {await RemitFixture.AddClaimsAsync(store, Practice, _file):N0} submitted claims");
            }
        }).GetAwaiter().GetResult();
        ReleaseConnections();
    }

    [IterationSetup]
    public void FreshCopy()
    {
        _iteration = BenchDatabase.CopyOf(_template!, "remit");
        Task.Run(async () =>
        {
            _store = await CodeLedgerStore.OpenAsync(_iteration.Spec, TimeProvider.System);
            _principal = await new AccountDesk(_store).ResolveAsync("pa-north", AccountRules.PostRemittances, "posting an 835", CancellationToken.None);
        }).GetAwaiter().GetResult();
        _cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    }

    [Benchmark(Description = "import remits")]
    public int Import()
    {
        var summary = Task.Run(() => new RemittanceDesk(_store!).ImportAsync(Practice, _principal!, "bench.835", _file, acceptUnbalanced: false)).GetAwaiter().GetResult();
        return summary.ClaimsMatched + summary.Unmatched.Count;
    }

    [IterationCleanup]
    public void Drop()
    {
        Console.WriteLine($"// CPU of this iteration (this process, every thread): {(Process.GetCurrentProcess().TotalProcessorTime - _cpuBefore).TotalSeconds:0.00} s");
        ReleaseConnections();
        _iteration?.Dispose();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        ReleaseConnections();
        _template?.Dispose();
    }

    private static void ReleaseConnections()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }
}
