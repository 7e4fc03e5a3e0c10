using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using CodeLedger.Storage.Audits;

namespace CodeLedger.Benchmarks.Audits;

/// <summary>
/// Issue 17's report target end to end: <c>audit report</c> for 10,000 audited encounters in under
/// 2 seconds, measured from the tables (<see cref="AuditDesk.ReportAsync"/>: the engagement, 10,000
/// sample members and 10,000 recorded codings read from SQLite, every comparison recomputed, the
/// figures and the text), over the audit <see cref="AuditReportWorld"/> seeds. The process's CPU
/// time per report is printed beside the wall time (<see cref="CpuPerOperation"/>).
/// </summary>
[Config(typeof(InProcessMonitoring))]
[MemoryDiagnoser]
public class AuditReportFromTablesBenchmarks
{
    private const int Audited = 10_000;

    private AuditReportWorld world = null!;
    private readonly CpuPerOperation cpu = new();

    [GlobalSetup]
    public void Setup() => world = AuditReportWorld.CreateAsync(Audited).GetAwaiter().GetResult();

    [Benchmark]
    public async Task<int> ReportFromTablesTenThousand()
    {
        var report = await new AuditDesk(world.Store).ReportAsync(world.Audit, null);
        return report.ToText().Length;
    }

    [IterationSetup]
    public void StartCpu() => cpu.Start();

    [IterationCleanup]
    public void StopCpu() => cpu.Stop();

    [GlobalCleanup]
    public void Cleanup()
    {
        cpu.Print(nameof(ReportFromTablesTenThousand));
        world.Dispose();
    }

    /// <summary>
    /// Five measured runs, in this process, as the report benchmarks do: the generated project's build
    /// passes BenchmarkDotNet's timeout on the shared VM, and one run takes about a second.
    /// </summary>
    internal sealed class InProcessMonitoring : ManualConfig
    {
        public InProcessMonitoring() =>
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5).WithToolchain(InProcessEmitToolchain.Instance));
    }
}
