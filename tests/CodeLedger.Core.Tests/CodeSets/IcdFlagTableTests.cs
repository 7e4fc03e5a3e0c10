using CodeLedger.Core.CodeSets;

namespace CodeLedger.Core.Tests.CodeSets;

/// <summary>The engine's ICD-10-CM flag lookup answers as the release's entries do, on the real FY2024 order file.</summary>
public class IcdFlagTableTests
{
    [Fact]
    public void Every_code_of_the_fy2024_release_has_its_flags()
    {
        var icd = RealData.Fy2024;
        foreach (var e in icd.Entries)
        {
            var expected = IcdRelease.PresentFlag | (e.Billable ? IcdRelease.BillableFlag : 0) | (e.IsManifestation ? IcdRelease.ManifestationFlag : 0);
            Assert.Equal(expected, icd.Flags(IcdKeys.Pack(e.Code.Value)));
        }
    }

    [Fact]
    public void Codes_the_release_does_not_hold_have_no_flags()
    {
        var fy2024 = RealData.Fy2024;
        var added = RealData.Fy2025.Entries.Select(e => e.Code.Value).Where(c => fy2024.Find(c) is null).ToList();
        Assert.NotEmpty(added);
        foreach (var code in added)
        {
            Assert.Equal(0, fy2024.Flags(IcdKeys.Pack(code)));
        }

        Assert.Equal(0, fy2024.Flags(IcdKeys.Pack("ZZZZZZZ")));
        Assert.Equal(0, fy2024.Flags(IcdKeys.Pack("A00000")));
        Assert.Equal(0, fy2024.Flags(0));
        Assert.Equal(0, fy2024.Flags(-1));
        Assert.Equal(0, fy2024.Flags(long.MaxValue));
    }

    [Fact]
    public void An_empty_table_holds_nothing() =>
        Assert.Equal(0, new IcdFlagTable([]).Flags(IcdKeys.Pack("E119")));
}
