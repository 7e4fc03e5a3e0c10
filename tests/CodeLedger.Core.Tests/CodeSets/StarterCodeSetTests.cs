using CodeLedger.Core.CodeSets;
using CodeLedger.Core.CodeSets.Starter;

namespace CodeLedger.Core.Tests.CodeSets;

public class StarterCodeSetTests
{
    private static readonly CodeSetLibrary Starter = StarterCodeSet.Library();

    [Fact]
    public void Every_kind_except_cpt_descriptors_goes_through_the_official_importers() =>
        Assert.Equal([CodeSetKind.Icd10Cm, CodeSetKind.Hcpcs, CodeSetKind.Rvu, CodeSetKind.NcciPtp, CodeSetKind.Mue], Starter.Releases.Select(r => r.Kind));

    [Theory]
    [InlineData("99213")]
    [InlineData("93000")]
    [InlineData("93306")]
    [InlineData("20610")]
    [InlineData("G2211")]
    public void Office_codes_of_family_medicine_and_cardiology_are_known(string code) =>
        Assert.True(CodeChecker.Check(Starter, code, new DateOnly(2026, 10, 15)).Valid, code);

    [Fact]
    public void A_real_release_replaces_the_starter_for_good()
    {
        var real = CodeSetImporter.Import(CodeSetKind.Icd10Cm, RealData.IcdZip("cms_2025_dx.zip"), new DateOnly(2024, 10, 1));
        var library = Starter.With(real);

        Assert.Same(Starter.InForce(CodeSetKind.Icd10Cm, new DateOnly(2024, 9, 30)), library.InForce(CodeSetKind.Icd10Cm, new DateOnly(2024, 9, 30)));
        Assert.Same(real, library.InForce(CodeSetKind.Icd10Cm, new DateOnly(2025, 9, 30)));
        Assert.Null(library.InForce(CodeSetKind.Icd10Cm, new DateOnly(2025, 10, 1)));
    }
}
