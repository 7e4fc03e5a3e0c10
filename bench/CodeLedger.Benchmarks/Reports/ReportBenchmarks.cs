using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BenchmarkDotNet.Engines;
using CodeLedger.Benchmarks.CodeSets;
using CodeLedger.Core.Audits;
using CodeLedger.Core.Codes;
using CodeLedger.Core.CodeSets;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Queries;
using CodeLedger.Core.Reports;
using CodeLedger.Core.Turnaround;

namespace CodeLedger.Benchmarks.Reports;

/// <summary>
/// Issue 19's package target is the whole pipeline for 1,000,000 encounters in under 10 seconds;
/// this measures the Core share of it: every figure of MonthlyFigures (E/M distribution with
/// chi-square tests and revenue for ~500 physicians, turnaround with its three previous months and
/// histogram, queries and feedback sheets, code-set compliance over the real 2026 E/M RVU release)
/// and the JSON, for 1,000,000 encounters finalized in the month plus 500,000 in the twelve before,
/// and 50,000 queries.
/// </summary>
[Config(typeof(InProcessMonitoring))]
[MemoryDiagnoser]
public class ReportBenchmarks
{
    private MonthlyInput input = null!;

    [GlobalSetup]
    public void Setup()
    {
        var month = SlaMonth.Parse("2026-03");
        string[] specialties = ["family-medicine", "cardiology", "internal-medicine", "orthopedic-surgery"];
        var physicians = Enumerable.Range(0, 500).Select(i =>
        {
            var nine = (123400000 + i).ToString(CultureInfo.InvariantCulture);
            return new ReportPhysician(Npi.Parse(nine + Npi.CheckDigit(nine)), $"Dr. Bench {i}", Specialty.Parse(specialties[i % specialties.Length]));
        }).ToArray();
        string[] em = ["99202", "99203", "99204", "99205", "99211", "99212", "99213", "99213", "99214", "99214", "99215"];
        string[][] diagnoses = [["E11.9", "I10"], ["J06.9"], ["M54.50"], ["R05.1", "I10"]];
        var coders = Enumerable.Range(0, 40).Select(i => new Guid(i, 0, 0, new byte[8])).ToArray();
        var rows = new List<ReportEncounter>(1_500_000);
        var random = new Random(2026);
        for (var i = 0; i < 1_500_000; i++)
        {
            var inMonth = i < 1_000_000;
            var finalized = inMonth ? month.First.AddDays(i % 31) : month.First.AddMonths(-1 - (i % 12)).AddDays(i % 28);
            var code = em[random.Next(em.Length)];
            var hours = random.NextDouble() * 60;
            var stop = new DateTimeOffset(finalized.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
            rows.Add(new ReportEncounter(new Guid(i, 1, 1, new byte[8]), physicians[i % physicians.Length], finalized.AddDays(-1), finalized, code,
                diagnoses[i % diagnoses.Length], [code], coders[i % coders.Length],
                new TurnaroundSample("ENC-" + i.ToString("D7", CultureInfo.InvariantCulture), stop.AddHours(-hours), stop, TimeSpan.FromHours(hours))));
        }

        var queries = Enumerable.Range(0, 50_000).Select(i =>
        {
            var raised = new DateTimeOffset(2026, 3, 1 + (i % 28), 9, 0, 0, TimeSpan.Zero);
            var answered = i % 5 != 0;
            return new ReportQuery(Guid.NewGuid(), physicians[i % physicians.Length], (QueryCategory)(i % 8), raised, raised.AddHours(72),
                answered ? QueryStatus.Answered : QueryStatus.Unresolved, answered ? raised.AddHours(i % 70) : raised.AddHours(72));
        }).ToList();

        var contract = new SlaContract(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2025, 1, 1), 48, TurnaroundClockKind.CalendarHours, "UTC",
            WorkingHours.MondayToFriday(new TimeOnly(8, 0), new TimeOnly(17, 0)), [], 95m, 72, false, false, new ServiceCreditSchedule(95m, 2m, 20m), Money.Parse("10000.00"), 3);

        using var rvu = File.OpenText(BenchData.Path("pfs-rvu", "PPRRVU2026_Jan_nonQPP_EXCERPT_em.csv"));
        var entries = RvuFileReader.Read(rvu, "rvu26a");
        var release = new RvuRelease(new CodeSetReleaseInfo(CodeSetKind.Rvu, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), "rvu26a", new string('0', 64), entries.Count), entries);
        using var cf = File.OpenText(BenchData.Path("pfs-rvu", "conversion_factors_2024_2026.csv"));
        var pricing = new RvuAuditPricing([release], ConversionFactorTable.Read(cf, "conversion_factors_2024_2026.csv"));

        input = new MonthlyInput("BENCH", "VENDOR", month, "UTC", contract, rows, queries, new CodeSetLibrary([release]), [], null, EmBenchmarkTable.Default, pricing);
    }

    /// <summary>
    /// Five measured runs, in this process: on the shared VM the generated boilerplate project's
    /// build passed BenchmarkDotNet's 120-second timeout, and one run takes seconds, so in-process
    /// measurement loses nothing that matters here.
    /// </summary>
    private sealed class InProcessMonitoring : ManualConfig
    {
        public InProcessMonitoring() =>
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5).WithToolchain(InProcessEmitToolchain.Instance));
    }

    [Benchmark]
    public int FiguresAndJson() => MonthlyFiguresJson.Write(MonthlyReport.Build(input)).Length;
}
