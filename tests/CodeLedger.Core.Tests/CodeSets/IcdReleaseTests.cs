using System.IO.Compression;
using CodeLedger.Core.CodeSets;
using CodeLedger.Core.Codes;

namespace CodeLedger.Core.Tests.CodeSets;

public class IcdReleaseTests
{
    [Fact]
    public void Fy2025_order_file_has_every_line_of_the_release()
    {
        Assert.Equal(97_584, RealData.Fy2025.Entries.Count);
        Assert.Equal(74_260, RealData.Fy2025.Entries.Count(e => e.Billable));
    }

    [Fact]
    public void E11_9_is_billable_and_E11_is_a_header()
    {
        var billable = RealData.Fy2025.Find("E119")!;
        Assert.True(billable.Billable);
        Assert.Equal("Type 2 diabetes mellitus without complications", billable.LongDescription);
        Assert.False(RealData.Fy2025.Find("E11")!.Billable);
    }

    [Fact]
    public void Manifestation_codes_are_recognised_by_their_title()
    {
        Assert.True(RealData.Fy2025.Find("G63")!.IsManifestation);
        Assert.False(RealData.Fy2025.Find("E1142")!.IsManifestation);
    }

    [Theory]
    [InlineData("cms_2025_dx.zip", "icd10cm_order_addenda_2025.txt")]
    [InlineData("cms_2026_dx.zip", "icd10cm_order_addenda_2026.txt")]
    public void Diff_lists_exactly_what_the_CMS_order_addenda_list(string toZip, string addendaName)
    {
        var (from, to) = toZip == "cms_2025_dx.zip" ? (RealData.Fy2024, RealData.Fy2025) : (RealData.Fy2025, RealData.Fy2026);
        var expected = Addenda(RealData.IcdZip(toZip), addendaName);

        var diff = CodeSetDiff.Compare(from, to);

        var actual = diff.Select(d => (d.Change, d.Code, d.Billable!.Value)).Order().ToList();
        Assert.Equal(expected.Order().ToList(), actual);
    }

    [Fact]
    public void Fy2025_added_252_codes_deleted_36_and_revised_13_as_its_addenda_summary_says()
    {
        var diff = CodeSetDiff.Compare(RealData.Fy2024, RealData.Fy2025).Where(d => d.Billable == true).ToList();
        Assert.Equal(252, diff.Count(d => d.Change == CodeChange.Added));
        Assert.Equal(36, diff.Count(d => d.Change == CodeChange.Deleted));
        Assert.Equal(13, diff.Count(d => d.Change == CodeChange.Revised));
    }

    [Fact]
    public void Code_deleted_at_the_transition_is_inactive_after_it_and_valid_before()
    {
        // FY2025 turned Z86.010 into a header and added Z86.0100-Z86.0109 (order addenda 2025).
        var library = new CodeSetLibrary([RealData.Fy2024, RealData.Fy2025]);
        var code = IcdCode.Parse("Z86.010");

        Assert.True(CodeChecker.CheckIcd(library, code, new DateOnly(2024, 9, 30)).Valid);
        Assert.Equal("ICD-NOT-BILLABLE", CodeChecker.CheckIcd(library, code, new DateOnly(2024, 10, 1)).Problem);
        Assert.Equal("CODE-INACTIVE", CodeChecker.CheckIcd(library, IcdCode.Parse("T81.32XA"), new DateOnly(2024, 10, 1)).Problem);
        Assert.True(CodeChecker.CheckIcd(library, IcdCode.Parse("T81.32XA"), new DateOnly(2024, 9, 30)).Valid);
        Assert.Equal("CODE-INACTIVE", CodeChecker.CheckIcd(library, IcdCode.Parse("Z86.0100"), new DateOnly(2024, 9, 30)).Problem);
    }

    [Fact]
    public void April_update_replaces_October_release_for_the_rest_of_the_fiscal_year()
    {
        var april = (IcdRelease)CodeSetImporter.Import(CodeSetKind.Icd10Cm, RealData.IcdZip("icd10cm_april_2024_update.zip"), new DateOnly(2024, 4, 1));
        var library = new CodeSetLibrary([RealData.Fy2024, april]);

        Assert.Same(RealData.Fy2024, library.InForce(CodeSetKind.Icd10Cm, new DateOnly(2024, 3, 31)));
        Assert.Same(april, library.InForce(CodeSetKind.Icd10Cm, new DateOnly(2024, 4, 1)));
        Assert.Same(april, library.InForce(CodeSetKind.Icd10Cm, new DateOnly(2024, 9, 30)));
        Assert.Null(library.InForce(CodeSetKind.Icd10Cm, new DateOnly(2024, 10, 1)));
    }

    /// <summary>The Add/Delete/Revise lines of a CMS order addenda file, with the billable flag they carry.</summary>
    private static List<(CodeChange, string, bool)> Addenda(string zipPath, string member)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        using var reader = new StreamReader(zip.GetEntry(member)!.Open());
        var result = new List<(CodeChange, string, bool)>();
        while (reader.ReadLine() is { } line)
        {
            var change = line.StartsWith("Add:", StringComparison.Ordinal) ? CodeChange.Added
                : line.StartsWith("Delete:", StringComparison.Ordinal) ? CodeChange.Deleted
                : line.StartsWith("Revise to:", StringComparison.Ordinal) ? CodeChange.Revised
                : (CodeChange?)null;
            if (change is { } c)
            {
                var parts = line[13..].Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
                result.Add((c, parts[1], parts[0] == "1"));
            }
        }

        return result;
    }
}
