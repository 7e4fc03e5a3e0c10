using BenchmarkDotNet.Attributes;
using CodeLedger.Benchmarks.CodeSets;
using CodeLedger.Core.CodeSets;
using CodeLedger.Core.Edits;

namespace CodeLedger.Benchmarks.Edits;

/// <summary>
/// The edit engine over 1,000,000 generated claim lines with the full April 2024 practitioner PTP
/// (2,545,089 rows) and MUE releases, ICD-10-CM FY2024 and the CY2025 RVU file loaded. Drugs
/// (J codes) are left out of the mix: no HCPCS release for 2024 is in ../shared/data. One
/// operation is one claim line, so "Mean" is time per line and "Allocated" bytes per line.
/// The CY2025 RVU file stands in for CY2024 (the 2024 copy in shared data is not in CMS's
/// layout), so it is imported as in force for 2024.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class ScrubBenchmarks
{
    private const int Lines = 1_000_000;

    private List<Claim> claims = [];
    private ClaimEditor editor = null!;
    private readonly List<EditFinding> findings = new(1 << 20);

    [GlobalSetup]
    public void Setup()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var icd = (IcdRelease)CodeSetImporter.Import(CodeSetKind.Icd10Cm, BenchData.Path("icd10cm", "cms_2024_dx.zip"), new DateOnly(2023, 10, 1));
        var ptp = CodeSetImporter.Import(CodeSetKind.NcciPtp, BenchData.Path("ncci", "ncci_ptp_practitioner_2024Q2_v301r0_NO-EFFDATE.tsv.gz"), new DateOnly(2024, 4, 1));
        var mue = (MueRelease)CodeSetImporter.Import(CodeSetKind.Mue, BenchData.Path("ncci", "MCR_MUE_PractitionerServices_Eff_04-01-2024_RECONSTRUCTED.csv.gz"), new DateOnly(2024, 4, 1));
        var rvu = (RvuRelease)CodeSetImporter.Import(CodeSetKind.Rvu, BenchData.Path("pfs-rvu", "PPRRVU2025_Oct.csv.gz"), new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));
        var library = new CodeSetLibrary([icd, ptp, mue, rvu]);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"// releases in memory: {(after - before) / (1024.0 * 1024.0):F1} MB (ICD-10-CM FY2024, PTP 2024Q2, MUE 2024Q2, RVU)");

        claims = ClaimBatchGenerator.Generate(Lines, icd, rvu, mue, new DateOnly(2024, 4, 1), 91);
        editor = new ClaimEditor(library);
        findings.Clear();
        foreach (var claim in claims)
        {
            editor.Check(claim, findings);
        }

        Console.WriteLine($"// batch: {claims.Count} claims, {Lines} lines, {findings.Count} findings: "
            + string.Join(", ", findings.GroupBy(f => f.Rule).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}")));
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public int ScrubOneMillionLines()
    {
        findings.Clear();
        foreach (var claim in claims)
        {
            editor.Check(claim, findings);
        }

        return findings.Count;
    }
}
