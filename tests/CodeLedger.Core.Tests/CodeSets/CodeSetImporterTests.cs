using System.IO.Compression;
using System.Text;
using CodeLedger.Core.CodeSets;
using CodeLedger.Testing;

namespace CodeLedger.Core.Tests.CodeSets;

public class CodeSetImporterTests
{
    private static readonly DateOnly Effective = new(2025, 10, 1);

    private static CodeSetRelease Import(CodeSetKind kind, string text, string name = "file.txt") =>
        CodeSetImporter.Import(kind, Encoding.Latin1.GetBytes(text), name, Effective, null);

    [Fact]
    public void Malformed_icd_line_fails_the_whole_import_naming_file_and_line()
    {
        const string text = "00001 A00     0 Cholera                                                      Cholera\n"
            + "00002 A000    7 Cholera due to Vibrio cholerae 01, biovar cholerae           Cholera due to Vibrio cholerae 01, biovar cholerae\n";
        var e = Assert.Throws<CodeSetFormatException>(() => Import(CodeSetKind.Icd10Cm, text, "icd10cm_order_2026.txt"));
        Assert.Equal("icd10cm_order_2026.txt", e.File);
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void Malformed_row_inside_a_zip_names_the_member()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var w = new StreamWriter(zip.CreateEntry("icd10cm_order_2026.txt").Open());
            w.Write("00001 A00     0 Cholera                                                      Cholera\n00002 A0!\n");
        }

        var e = Assert.Throws<CodeSetFormatException>(() => CodeSetImporter.Import(CodeSetKind.Icd10Cm, buffer.ToArray(), "cms_2026_dx.zip", Effective, null));
        Assert.Equal("icd10cm_order_2026.txt", e.File);
        Assert.Equal(2, e.Line);
    }

    [Theory]
    [InlineData("11042\t11720\t\t20240101\t*\t1\tStandards\n11042\t11721\t\t2024-01-01\t*\t1\tStandards\n", 2)]
    [InlineData("11042\t11720\t\t*\t1\tStandards\n11042\t11721\t\t*\t5\tStandards\n", 2)]
    [InlineData("11042\t11720\t*\t1\tStandards\n11042\t11721\t*\t1\n", 2)]
    public void Malformed_ptp_row_fails_the_import(string text, long line)
    {
        var e = Assert.Throws<CodeSetFormatException>(() => Import(CodeSetKind.NcciPtp, text));
        Assert.Equal(line, e.Line);
    }

    [Fact]
    public void Ptp_in_cms_layout_takes_each_rows_effective_date()
    {
        var release = (PtpRelease)Import(CodeSetKind.NcciPtp, "Column 1\tColumn 2\t*=prior 1996\tEffective Date\tDeletion Date\tModifier\tRationale\n11042\t11720\t\t20260101\t*\t1\tStandards\n");
        var row = Assert.Single(release.AllRows());
        Assert.Equal(new DateOnly(2026, 1, 1), row.EffectiveDate);
        Assert.Null(release.Find(CodeLedger.Core.Codes.ProcedureCode.Parse("11042").Key, CodeLedger.Core.Codes.ProcedureCode.Parse("11720").Key, new DateOnly(2025, 12, 31)));
    }

    [Fact]
    public void Ptp_without_effective_date_column_takes_the_release_date()
    {
        var release = (PtpRelease)Import(CodeSetKind.NcciPtp, "column_1\tcolumn_2\tdeletion_date\tmodifier_indicator\tptp_edit_rationale\n11042\t11720\t*\t1\tStandards\n");
        Assert.Equal(Effective, Assert.Single(release.AllRows()).EffectiveDate);
    }

    [Fact]
    public void Mue_with_a_bad_indicator_fails_the_import()
    {
        var e = Assert.Throws<CodeSetFormatException>(() => Import(CodeSetKind.Mue, "HCPCS/CPT Code,Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale\n99213,2,3 Date of Service Edit: Clinical,Data\n99214,2,4 Something,Data\n", "mue.csv"));
        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void Same_file_imported_twice_is_one_release()
    {
        var path = RepoPaths.Data("ncci", "MCR_MUE_PractitionerServices_Eff_04-01-2024_RECONSTRUCTED.csv.gz");
        var first = CodeSetImporter.Import(CodeSetKind.Mue, path, new DateOnly(2024, 4, 1));
        var again = CodeSetImporter.Import(CodeSetKind.Mue, path, new DateOnly(2024, 4, 1));

        var library = CodeSetLibrary.Empty.With(first);
        Assert.Same(library, library.With(again));
        Assert.Equal(first.Info.Sha256, again.Info.Sha256);
    }

    [Fact]
    public void Rvu_file_as_cms_ships_it_gives_global_periods()
    {
        var rvu = (RvuRelease)CodeSetImporter.Import(CodeSetKind.Rvu, RepoPaths.Data("pfs-rvu", "PPRRVU2025_Oct.csv.gz"), new DateOnly(2025, 10, 1));
        Assert.Equal(19_090, rvu.Entries.Count);
        Assert.Equal(GlobalPeriod.Days0, rvu.Find(CodeLedger.Core.Codes.ProcedureCode.Parse("20610").Key)!.GlobalPeriod);
        Assert.Equal(GlobalPeriod.Days10, rvu.Find(CodeLedger.Core.Codes.ProcedureCode.Parse("17110").Key)!.GlobalPeriod);
        Assert.Equal(GlobalPeriod.NotApplicable, rvu.Find(CodeLedger.Core.Codes.ProcedureCode.Parse("99213").Key)!.GlobalPeriod);
        Assert.Equal(1.30m, rvu.Find(CodeLedger.Core.Codes.ProcedureCode.Parse("99213").Key)!.WorkRvu);
    }

    [Fact]
    public void Cpt_descriptors_come_from_the_users_csv()
    {
        var cpt = (CptRelease)CodeSetImporter.Import(CodeSetKind.Cpt, Encoding.UTF8.GetBytes("code,descriptor\n99213,\"Office visit, established\"\n"), "cpt.csv", new DateOnly(2026, 1, 1), null);
        Assert.Equal("Office visit, established", cpt.Find(CodeLedger.Core.Codes.ProcedureCode.Parse("99213").Key));
    }
}
