using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CodeLedger.Core.Intake;
using CodeLedger.Storage;
using CodeLedger.Storage.Workflow;

namespace CodeLedger.Benchmarks.Workflow;

/// <summary>
/// Importing 100,000 encounters from FHIR NDJSON into a fresh SQLite database: parse (Firely),
/// BAA gate, checks, assignment, and the writes in batches of 1,000 per transaction with their
/// ledger events. Target (issue 5): under 60 seconds.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
[MemoryDiagnoser]
public class IntakeBenchmarks
{
    [Params(100_000)]
    public int Encounters { get; set; }

    private string _folder = string.Empty;
    private string _ndjson = string.Empty;
    private WorkflowBenchData _data = null!;
    private CodeLedgerStore _store = null!;

    [GlobalSetup]
    public void Generate()
    {
        _folder = Directory.CreateTempSubdirectory("codeledger-bench-intake-").FullName;
        _ndjson = Path.Combine(_folder, "encounters.ndjson");
        _data = new WorkflowBenchData();
        _data.WriteNdjson(_ndjson, Encounters);
    }

    [IterationSetup]
    public void FreshDatabase()
    {
        var db = Path.Combine(_folder, $"intake-{Guid.NewGuid():N}.db");
        _store = CodeLedgerStore.OpenAsync(db, new ReceiptClock()).GetAwaiter().GetResult();
        _data.SaveWorldAsync(_store).GetAwaiter().GetResult();
    }

    [Benchmark]
    public async Task<int> ImportNdjson()
    {
        var summary = await new EncounterIntake(_store).ImportAsync("BENCH-FM", "BENCH-VENDOR", () =>
        {
            using var reader = new StreamReader(_ndjson);
            return FhirEncounterReader.ReadNdjsonParallel(reader);
        }, "bench-import");
        return summary.Received;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
