using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.Intake;
using CodeLedger.Storage;
using CodeLedger.Storage.Protection;
using CodeLedger.Storage.Workflow;

namespace CodeLedger.Benchmarks.Workflow;

/// <summary>
/// Two imports of different encounters (same practice), one after the other and at the same time
/// from two stores, as two processes would. With the ledger's lock held only around appending, two
/// PostgreSQL writers overlap their business work, so "at once" should take less than the sum; SQLite
/// has one writer at a time, so there it shows what the waiting (and a lost race's second run) costs.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ConcurrentIntakeBenchmarks
{
    [Params(20_000)]
    public int PerImport { get; set; }

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "sqlite";

    public static IEnumerable<string> Providers() => BenchDatabase.Providers();

    private readonly PhiKey _key = PhiKey.Generate();
    private WorkflowBenchData _data = null!;
    private List<EncounterSubmission> _first = [];
    private List<EncounterSubmission> _second = [];
    private BenchDatabase? _database;
    private CodeLedgerStore _one = null!;
    private CodeLedgerStore _other = null!;

    [GlobalSetup]
    public void Generate()
    {
        _data = new WorkflowBenchData();
        _first = Visits("ONE", PerImport);
        _second = Visits("TWO", PerImport);
    }

    [IterationSetup]
    public void FreshDatabase()
    {
        _database = BenchDatabase.Create(Provider, "concurrent");
        _one = CodeLedgerStore.OpenAsync(_database.Spec, new ReceiptClock(), _key).GetAwaiter().GetResult();
        _other = CodeLedgerStore.OpenAsync(_database.Spec, new ReceiptClock(), _key).GetAwaiter().GetResult();
        _data.SaveWorldAsync(_one).GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public async Task OneAfterTheOther()
    {
        await ImportAsync(_one, _first);
        await ImportAsync(_other, _second);
    }

    [Benchmark]
    public Task AtTheSameTime() =>
        Task.WhenAll(Task.Run(() => ImportAsync(_one, _first)), Task.Run(() => ImportAsync(_other, _second)));

    [IterationCleanup]
    public void Drop() => _database?.Dispose();

    private Task<IntakeSummary> ImportAsync(CodeLedgerStore store, List<EncounterSubmission> visits) =>
        new EncounterIntake(store).ImportAsync("BENCH-FM", "BENCH-VENDOR", () => visits, "bench-import");

    private List<EncounterSubmission> Visits(string prefix, int count)
    {
        var patient = new PatientDemographics("Bench", "Patient", new DateOnly(1960, 1, 1), PatientSex.Female, "M0");
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var documented = WorkflowBenchData.Month.AddMinutes(i);
            return new EncounterSubmission($"{prefix} {i}", $"{prefix}-{i:D6}", _data.Physicians[i % _data.Physicians.Count].Npi, patient,
                DateOnly.FromDateTime(documented.UtcDateTime), PlaceOfService.Office, $"Essential hypertension, visit {i}: at goal; lisinopril continued.", documented);
        })];
    }
}
