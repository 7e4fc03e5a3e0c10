using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using CodeLedger.Benchmarks.X12;
using CodeLedger.Core.Remittances;
using CodeLedger.X12;
using CodeLedger.X12.Remittance835;
using CodeLedger.X12.Workloads;

namespace CodeLedger.Benchmarks.Remittances;

/// <summary>
/// Core's share of `import remits` on a 50 MB 835 (about 200,000 claims, X12SyntheticFile with the
/// benchmark seed): parse into records, then match every CLP and SVC to the known claims and
/// decide the postings (RemittancePoster.Plan per transaction set). The known claims (what Storage
/// would load) are built in the setup, from the file's own CLPs and SVCs. What is left of the
/// 30 s budget of issue 18 is the database's.
/// Run: dotnet run -c Release --project bench/CodeLedger.Benchmarks -- --filter '*RemittancePosting*'
/// The setup also prints one cold run's wall and CPU time.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
public class RemittancePostingBenchmarks
{
    /// <summary>
    /// In process, few iterations: each one takes seconds, and on the shared 2-vCPU machine the
    /// generated boilerplate project did not build within BenchmarkDotNet's two minutes.
    /// </summary>
    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig() =>
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5));
    }

    private byte[] _file = [];
    private IReadOnlyList<RemittanceAdvice835> _parsed = [];
    private RemittanceBook _book = RemittanceBook.Of([]);

    [Params(50_000_000)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _file = GeneratedX12.Create(X12FileKind.Remittance835, Size);
        _parsed = X12Document.Load(_file).Remittances835;
        _book = RemittanceBook.Of([.. _parsed.SelectMany(a => a.Claims).Select(ClaimOf)]);

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var (claims, unmatched) = ParseMatchPost();
        wall.Stop();
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"// cold run: parse + match + post {claims:N0} claims ({unmatched} unmatched) in {wall.Elapsed.TotalSeconds:0.00} s wall, {used.TotalSeconds:0.00} s CPU");
    }

    [Benchmark(Description = "match + post (records already parsed)")]
    public int MatchAndPost() => Post(_parsed).Claims;

    [Benchmark(Description = "parse + match + post")]
    public int ParseMatchAndPost() => ParseMatchPost().Claims;

    private (int Claims, int Unmatched) ParseMatchPost() => Post(X12Document.Load(_file).Remittances835);

    private (int Claims, int Unmatched) Post(IReadOnlyList<RemittanceAdvice835> sets)
    {
        var matcher = new RemittanceMatcher(_book.Claims);
        int claims = 0, unmatched = 0;
        foreach (var advice in sets)
        {
            var plan = RemittancePoster.Plan(advice, _book, matcher);
            claims += plan.Claims.Count;
            unmatched += plan.Unmatched.Count;
        }

        return (claims, unmatched);
    }

    /// <summary>The claim CodeLedger would have sent for a CLP: its CLM01, charge and one line per SVC.</summary>
    private static RemitClaim ClaimOf(ClaimPayment835 payment) =>
        new(payment.PatientControlNumber, "P-BENCH", "PAYER01", null, payment.TotalCharge,
            [.. payment.Services.Select((s, i) => new RemitClaimLine(i + 1, null, s.ProcedureCode, s.Modifiers.ToArray(), s.UnitsPaid ?? 1,
                new DateOnly(2024, 3, 1), s.Charge))]);
}
