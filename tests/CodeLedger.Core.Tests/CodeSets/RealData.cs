using CodeLedger.Core.CodeSets;
using CodeLedger.Testing;

namespace CodeLedger.Core.Tests.CodeSets;

/// <summary>The real CMS releases in ../shared/data, each imported once per test run and shared by the classes that read it.</summary>
internal static class RealData
{
    private static readonly Lazy<IcdRelease> Fy2024Lazy = new(() => Icd("cms_2024_dx.zip", new DateOnly(2023, 10, 1)));
    private static readonly Lazy<IcdRelease> Fy2025Lazy = new(() => Icd("cms_2025_dx.zip", new DateOnly(2024, 10, 1)));
    private static readonly Lazy<IcdRelease> Fy2026Lazy = new(() => Icd("cms_2026_dx.zip", new DateOnly(2025, 10, 1)));
    private static readonly Lazy<PtpRelease> Ptp2024Q2Lazy = new(() => (PtpRelease)CodeSetImporter.Import(
        CodeSetKind.NcciPtp, RepoPaths.Data("ncci", "ncci_ptp_practitioner_2024Q2_v301r0_NO-EFFDATE.tsv.gz"), new DateOnly(2024, 4, 1)));
    private static readonly Lazy<MueRelease> Mue2024Q2Lazy = new(() => (MueRelease)CodeSetImporter.Import(
        CodeSetKind.Mue, RepoPaths.Data("ncci", "MCR_MUE_PractitionerServices_Eff_04-01-2024_RECONSTRUCTED.csv.gz"), new DateOnly(2024, 4, 1)));

    public static IcdRelease Fy2024 => Fy2024Lazy.Value;

    public static IcdRelease Fy2025 => Fy2025Lazy.Value;

    public static IcdRelease Fy2026 => Fy2026Lazy.Value;

    public static PtpRelease Ptp2024Q2 => Ptp2024Q2Lazy.Value;

    public static MueRelease Mue2024Q2 => Mue2024Q2Lazy.Value;

    public static string IcdZip(string name) => RepoPaths.Data("icd10cm", name);

    private static IcdRelease Icd(string zip, DateOnly effective) =>
        (IcdRelease)CodeSetImporter.Import(CodeSetKind.Icd10Cm, IcdZip(zip), effective);
}
