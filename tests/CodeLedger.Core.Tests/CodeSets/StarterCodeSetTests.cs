using CodeLedger.Core.CodeSets;
using CodeLedger.Core.CodeSets.Starter;
using CodeLedger.Core.Demo;

namespace CodeLedger.Core.Tests.CodeSets;

public class StarterCodeSetTests
{
    private static readonly CodeSetLibrary Starter = StarterCodeSet.Library();

    [Fact]
    public void Every_kind_except_cpt_descriptors_goes_through_the_official_importers() =>
        Assert.Equal([CodeSetKind.Icd10Cm, CodeSetKind.Hcpcs, CodeSetKind.Rvu, CodeSetKind.NcciPtp, CodeSetKind.Mue], Starter.Releases.Select(r => r.Kind));

    [Fact]
    public void Every_diagnosis_of_the_demo_is_billable_in_the_starter_set()
    {
        var date = new DateOnly(2026, 10, 15);
        var codes = DemoCatalog.FamilyMedicine.Concat(DemoCatalog.Cardiology).Select(c => c.Icd).Distinct();
        Assert.All(codes, code => Assert.True(CodeChecker.Check(Starter, code, date).Valid, code));
    }

    [Theory]
    [InlineData("99213")]
    [InlineData("93000")]
    [InlineData("93306")]
    [InlineData("20610")]
    [InlineData("G2211")]
    public void Office_codes_of_family_medicine_and_cardiology_are_known(string code) =>
        Assert.True(CodeChecker.Check(Starter, code, new DateOnly(2026, 10, 15)).Valid, code);
}
