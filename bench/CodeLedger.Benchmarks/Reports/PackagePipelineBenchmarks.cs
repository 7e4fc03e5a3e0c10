using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using CodeLedger.Core.Ledger.Checkpoints;
using CodeLedger.Core.Reports;
using CodeLedger.Core.Reports.Package;
using CodeLedger.Storage;
using CodeLedger.Storage.Ledger;
using CodeLedger.Storage.Protection;
using CodeLedger.Storage.Reports;

namespace CodeLedger.Benchmarks.Reports;

/// <summary>
/// Issue 19: "the package for a month of 1,000,000 encounters in under 10 seconds on SQLite and on
/// PostgreSQL". The whole `report monthly` path on a stamped demo month: the demo's 2,000
/// encounters of October 2026 (seed 2026) grown by bench/CodeLedger.ReplayStamp to 1,000,000 in
/// that month (bench/reports/package-fixture.sh builds it: NORTHSIDE-FM 667,000, HEARTWELL-CARDIO
/// 333,000, about 3.3 million ledger events). Each step is what ReportCommands.Monthly does:
/// <see cref="MonthlyReportLoader"/> reads the tables, <see cref="MonthlyReport.Build"/> computes
/// the figures, <see cref="MonthlyPackage"/> and <see cref="PackageWriter"/> write the files; the
/// checkpoint the package is signed at (<see cref="LedgerCheckpoints"/>) is measured on its own, as
/// the whole walk (<c>CheckpointTally</c>, a key with no stored receipt) and resumed at a stored
/// receipt (<c>CheckpointResumed</c>); <c>ReportMonthly</c> is <see cref="MonthlyPackageBuilder"/>
/// with the files written, what `report monthly` runs after start-up.
/// The fixture is named by CODELEDGER_BENCH_PACKAGE_SQLITE (a file) and, for PostgreSQL,
/// CODELEDGER_BENCH_PACKAGE_PG (a connection string); a provider without its variable is skipped.
/// </summary>
[Config(typeof(InProcessMonitoring))]
[MemoryDiagnoser]
public class PackagePipelineBenchmarks
{
    public const string SqliteVariable = "CODELEDGER_BENCH_PACKAGE_SQLITE";
    public const string PostgresVariable = "CODELEDGER_BENCH_PACKAGE_PG";
    private const string Month = "2026-10";

    private CodeLedgerStore _store = null!;
    private SigningKey _key = null!;
    private CheckpointReceipt _receipt = null!;
    private string _out = null!;

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "sqlite";

    public static IEnumerable<string> Providers() =>
        new[] { ("sqlite", SqliteVariable), ("postgresql", PostgresVariable) }
            .Where(p => Environment.GetEnvironmentVariable(p.Item2) is { Length: > 0 })
            .Select(p => p.Item1);

    [GlobalSetup]
    public void Setup()
    {
        var spec = Environment.GetEnvironmentVariable(Provider == "sqlite" ? SqliteVariable : PostgresVariable)
            ?? throw new InvalidOperationException($"set {SqliteVariable} / {PostgresVariable} (bench/reports/package-fixture.sh prints them)");

        // The demo's PHI key is derived from its seed; the loader reads no PHI, but the store needs a key to open.
        _store = CodeLedgerStore.OpenAsync(spec, TimeProvider.System, PhiKey.ForDemo(2026)).GetAwaiter().GetResult();
        _out = Directory.CreateTempSubdirectory("codeledger-package-bench-").FullName;

        // The receipt is signed once at the ledger's head for the package steps, and kept: CheckpointResumed and ReportMonthly resume at it.
        _key = SigningKey.Generate();
        var taken = LedgerCheckpoints.TakeAsync(_store, _key.PublicKey, DateTimeOffset.UtcNow).GetAwaiter().GetResult();
        _receipt = CheckpointReceipt.Sign(taken.Checkpoint, _key);
        LedgerCheckpoints.RecordAsync(_store, _receipt).GetAwaiter().GetResult();
        Console.WriteLine($"// fixture: {spec.Split(';')[0]}, ledger 1..{_receipt.Checkpoint.Sequence}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _key.Dispose();
        Directory.Delete(_out, recursive: true);
    }

    /// <summary>The loader alone: NORTHSIDE-FM's 667,000 encounters of the month and its queries, code sets, training, audit.</summary>
    [Benchmark]
    public async Task<int> Load() => (await new MonthlyReportLoader(_store).LoadAsync("NORTHSIDE-FM", null, Month, null)).Input.Encounters.Count;

    /// <summary>One practice's package (667,000 encounters): load, figures, document, package.json, files on disk.</summary>
    [Benchmark]
    public async Task<int> PackageNorthside() => await PackageAsync("NORTHSIDE-FM");

    /// <summary>The month's 1,000,000 encounters: both practices' packages, one after the other.</summary>
    [Benchmark]
    public async Task<int> PackagesOfTheMonth() => await PackageAsync("NORTHSIDE-FM") + await PackageAsync("HEARTWELL-CARDIO");

    /// <summary>The checkpoint with nothing stored to resume at (a key that signed nothing yet): every ledger event read and its hash chain checked.</summary>
    [Benchmark]
    public async Task<long> CheckpointTally()
    {
        using var fresh = SigningKey.Generate();
        return (await LedgerCheckpoints.TakeAsync(_store, fresh.PublicKey, DateTimeOffset.UtcNow)).Checkpoint.Sequence;
    }

    /// <summary>The checkpoint resumed at the receipt stored in setup: the stored row read, its signature and its event's hash checked, the events after it walked.</summary>
    [Benchmark]
    public async Task<long> CheckpointResumed() => (await LedgerCheckpoints.TakeAsync(_store, _key.PublicKey, DateTimeOffset.UtcNow)).Checkpoint.Sequence;

    /// <summary>`report monthly` for NORTHSIDE-FM after start-up: <see cref="MonthlyPackageBuilder"/> (load, figures, document, checkpoint resumed, signed, kept) and the files written.</summary>
    [Benchmark]
    public async Task<int> ReportMonthly()
    {
        var built = await new MonthlyPackageBuilder(_store).BuildAsync("NORTHSIDE-FM", null, Month, null, _key.ToPem());
        PackageWriter.Write(built.Files, Path.Combine(_out, "report-monthly"), replace: true);
        return built.Figures.Encounters;
    }

    private async Task<int> PackageAsync(string practice)
    {
        var loaded = await new MonthlyReportLoader(_store).LoadAsync(practice, null, Month, null);
        var figures = MonthlyReport.Build(loaded.Input);
        var document = MonthlyPackage.Document(figures, loaded.PracticeName, loaded.VendorName, DateTimeOffset.UtcNow);
        var json = Encoding.UTF8.GetBytes(MonthlyFiguresJson.Write(figures));
        var releases = loaded.Input.CodeSets.Infos
            .Select(i => new CodeSetRelease(i.Kind.ToString(), i.EffectiveDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .Distinct().ToList();
        PackageMonth.TryParse(Month, out var month);
        var facts = new ManifestFacts(loaded.Input.Practice, month, new LedgerRange(1, _receipt.Checkpoint.Sequence), releases, _receipt);
        PackageWriter.Write(document, json, facts, Path.Combine(_out, practice), replace: true);
        return figures.Encounters;
    }

    /// <summary>One warm-up and three measured runs in this process (the generated project does not build within BenchmarkDotNet's timeout on the shared VM).</summary>
    private sealed class InProcessMonitoring : ManualConfig
    {
        public InProcessMonitoring() =>
            // In process (the generated project's build passes BenchmarkDotNet's timeout on the loaded VM), with an hour
            // per case instead of the in-process default: at a million the setup's whole walk and four runs of a
            // package took longer than that default on PostgreSQL at load 35-40, and the run stopped.
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3)
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(1), logOutput: true)));
    }
}
