using System.Globalization;
using BenchmarkDotNet.Attributes;
using CodeLedger.Benchmarks.CodeSets;
using CodeLedger.Core.Audits;
using CodeLedger.Core.Codes;
using CodeLedger.Core.CodeSets;
using CodeLedger.Core.Workflow;

namespace CodeLedger.Benchmarks.Audits;

/// <summary>
/// Issue 17's targets: drawing a sample from 1,000,000 encounters in under 1 second (SHA-256 per
/// member, sort per stratum), unstratified and stratified by physician (proportional); and the report
/// for 10,000 audited encounters in under 2 seconds, comparisons included (Storage compares at report
/// time), over the real 2026 E/M RVUs and conversion factors, 5% of the vendor codings wrong.
/// In this process, 1 warm-up and 5 measured runs (the generated project's build passes
/// BenchmarkDotNet's timeout on the shared VM), the CPU time of each printed beside.
/// </summary>
[Config(typeof(AuditReportFromTablesBenchmarks.InProcessMonitoring))]
[MemoryDiagnoser]
public class AuditBenchmarks
{
    private List<AuditPopulationMember> population = null!;
    private AuditPlan unstratified = null!;
    private AuditPlan byPhysician = null!;
    private AuditSample reportSample = null!;
    private List<(Guid Id, DateOnly Dos, CodingSubmission Vendor, CodingSubmission Auditor)> codings = null!;
    private RvuAuditPricing pricing = null!;
    private readonly CpuPerOperation cpu = new();

    [GlobalSetup]
    public void Setup()
    {
        population = Population(1_000_000);
        unstratified = Plan(AuditStratification.None);
        byPhysician = Plan(AuditStratification.Physician);
        var start = new DateOnly(2026, 1, 1);

        reportSample = AuditSampler.Draw(population, unstratified);
        const string Right = """{"diagnoses": ["E11.65", "I10"], "lines": [{"code": "99213", "charge": "100.00", "pointers": [1, 2]}]}""";
        const string Over = """{"diagnoses": ["E11.9", "I10"], "lines": [{"code": "99214", "modifiers": ["25"], "charge": "100.00", "pointers": [1]}]}""";
        var right = CodingSubmission.Parse(Right);
        var over = CodingSubmission.Parse(Over);
        codings = [.. reportSample.Members.Select((m, i) => (m.Member.EncounterId, m.Member.DateOfService, i % 20 == 0 ? over : right, right))];

        var rvuPath = BenchData.Path("pfs-rvu", "PPRRVU2026_Jan_nonQPP_EXCERPT_em.csv");
        using var rvu = File.OpenText(rvuPath);
        var entries = RvuFileReader.Read(rvu, "rvu26a");
        var release = new RvuRelease(new CodeSetReleaseInfo(CodeSetKind.Rvu, start, new DateOnly(2026, 12, 31), "rvu26a", new string('0', 64), entries.Count), entries);
        using var cf = File.OpenText(BenchData.Path("pfs-rvu", "conversion_factors_2024_2026.csv"));
        pricing = new RvuAuditPricing([release], ConversionFactorTable.Read(cf, "conversion_factors_2024_2026.csv"));
    }

    /// <summary>A practice's population of <paramref name="size"/> encounters: 200 physicians, two specialties, 360 dates of service in 2026.</summary>
    internal static List<AuditPopulationMember> Population(int size)
    {
        var npis = Enumerable.Range(0, 200).Select(i =>
        {
            var nine = (123400000 + i).ToString(CultureInfo.InvariantCulture);
            return Npi.Parse(nine + Npi.CheckDigit(nine));
        }).ToArray();
        var start = new DateOnly(2026, 1, 1);
        return [.. Enumerable.Range(0, size).Select(i => new AuditPopulationMember(
            new Guid(i, 0, 0, new byte[8]), "ENC-" + i.ToString("D7", CultureInfo.InvariantCulture), npis[i % npis.Length],
            i % 3 == 0 ? "cardiology" : "family-medicine", null, start.AddDays(i % 360)))];
    }

    /// <summary>A draw of 10,000 over 2026 with the seed "bench".</summary>
    internal static AuditPlan Plan(AuditStratification by) =>
        AuditPlan.Create(Guid.Parse("11111111-1111-1111-1111-111111111111"), new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), "bench", size: 10_000, stratification: by);

    [IterationSetup]
    public void StartCpu() => cpu.Start();

    [IterationCleanup]
    public void StopCpu() => cpu.Stop();

    [GlobalCleanup(Target = nameof(SampleOneMillion))]
    public void PrintSampleCpu() => cpu.Print(nameof(SampleOneMillion));

    [GlobalCleanup(Target = nameof(SampleOneMillionByPhysician))]
    public void PrintStrataCpu() => cpu.Print(nameof(SampleOneMillionByPhysician));

    [GlobalCleanup(Target = nameof(ReportTenThousand))]
    public void PrintReportCpu() => cpu.Print(nameof(ReportTenThousand));

    [Benchmark]
    public AuditSample SampleOneMillion() => AuditSampler.Draw(population, unstratified);

    [Benchmark]
    public AuditSample SampleOneMillionByPhysician() => AuditSampler.Draw(population, byPhysician);

    [Benchmark]
    public AuditReport ReportTenThousand()
    {
        var comparisons = codings.Select(c => AuditComparer.Compare(c.Id, c.Dos, c.Vendor, c.Auditor, pricing)).ToList();
        return AuditReport.Create(reportSample, comparisons, new AuditDisputes("adjudicator"), new AuditNames("BENCH-PRACTICE", new Dictionary<Guid, string>()));
    }
}
