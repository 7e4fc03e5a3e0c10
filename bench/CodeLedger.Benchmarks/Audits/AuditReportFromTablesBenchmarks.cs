using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using CodeLedger.Benchmarks.CodeSets;
using CodeLedger.Benchmarks.Workflow;
using CodeLedger.Core.Audits;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Tenancy;
using CodeLedger.Storage.Protection;
using CodeLedger.Core.Workflow;
using CodeLedger.Storage;
using CodeLedger.Storage.Audits;
using CodeLedger.Storage.Claims;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Benchmarks.Audits;

/// <summary>
/// Issue 17's report target end to end: <c>audit report</c> for 10,000 audited encounters in under
/// 2 seconds, measured from the tables (<see cref="AuditDesk.ReportAsync"/>: the engagement, 10,000
/// sample members and 10,000 recorded codings read from SQLite, every comparison recomputed, the
/// figures and the text). The setup seeds 10,000 finalized encounters (the workflow benchmarks' bulk
/// inserter), reads the frame with the real <see cref="AuditPopulationReader"/>, draws the sample
/// with the real sampler and inserts the audit rows through the DbContext in the real schema, 5% of
/// the vendor codings wrong in three components: 10,000 desk writes (one transaction and ledger
/// event each) would make the setup the benchmark.
/// </summary>
[Config(typeof(InProcessMonitoring))]
[MemoryDiagnoser]
public class AuditReportFromTablesBenchmarks
{
    private const int Audited = 10_000;

    private AuditReportWorld world = null!;

    [GlobalSetup]
    public void Setup() => world = AuditReportWorld.CreateAsync(Audited).GetAwaiter().GetResult();

    [Benchmark]
    public async Task<int> ReportFromTablesTenThousand()
    {
        var report = await new AuditDesk(world.Store).ReportAsync(world.Audit, null);
        return report.ToText().Length;
    }

    [GlobalCleanup]
    public void Cleanup() => world.Dispose();

    /// <summary>
    /// Five measured runs, in this process, as the report benchmarks do: the generated project's build
    /// passes BenchmarkDotNet's timeout on the shared VM, and one run takes about a second.
    /// </summary>
    private sealed class InProcessMonitoring : ManualConfig
    {
        public InProcessMonitoring() =>
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5).WithToolchain(InProcessEmitToolchain.Instance));
    }
}
