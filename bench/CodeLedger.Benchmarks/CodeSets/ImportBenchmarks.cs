using BenchmarkDotNet.Attributes;
using CodeLedger.Core.CodeSets;

namespace CodeLedger.Benchmarks.CodeSets;

/// <summary>Import of a full ICD-10-CM order file (from CMS's zip) and a full NCCI practitioner PTP quarter (2,545,089 rows, gzip).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ImportBenchmarks
{
    private byte[] icdZip = [];
    private byte[] ptpGz = [];

    [GlobalSetup]
    public void Setup()
    {
        icdZip = File.ReadAllBytes(BenchData.Path("icd10cm", "cms_2026_dx.zip"));
        ptpGz = File.ReadAllBytes(BenchData.Path("ncci", "ncci_ptp_practitioner_2024Q2_v301r0_NO-EFFDATE.tsv.gz"));
    }

    [Benchmark]
    public CodeSetRelease IcdOrderFileFy2026() =>
        CodeSetImporter.Import(CodeSetKind.Icd10Cm, icdZip, "cms_2026_dx.zip", new DateOnly(2025, 10, 1), new DateOnly(2026, 9, 30));

    [Benchmark]
    public CodeSetRelease PtpPractitionerQuarter() =>
        CodeSetImporter.Import(CodeSetKind.NcciPtp, ptpGz, "ncci_ptp_practitioner_2024Q2_v301r0_NO-EFFDATE.tsv.gz", new DateOnly(2024, 4, 1), new DateOnly(2024, 6, 30));
}
