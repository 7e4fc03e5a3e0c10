using CodeLedger.Core.CodeSets;
using CodeLedger.Core.Edits;
using CodeLedger.Core.Tests.CodeSets;
using static CodeLedger.Core.Tests.Edits.TestClaims;

namespace CodeLedger.Core.Tests.Edits;

/// <summary>The edit engine over the full April 2024 practitioner PTP and MUE release.</summary>
public class RealNcciEditTests
{
    private static readonly Lazy<CodeSetLibrary> Library = new(() => new([RealData.Fy2024, RealData.Ptp2024Q2, RealData.Mue2024Q2]));

    [Fact]
    public void Indicator_1_pair_fires_without_modifier_and_not_with_XS()
    {
        EditAssert.Fires(EditRules.NcciPtp, Office("2024-05-14", ["L97.412"], "11042", "11720"), Library.Value);
        EditAssert.DoesNotFire(EditRules.NcciPtp, Office("2024-05-14", ["L97.412"], "11042", "11720 XS"), Library.Value);
    }

    [Fact]
    public void Indicator_0_pair_fires_with_any_modifier() =>
        EditAssert.Fires(EditRules.NcciPtp, Office("2024-05-14", ["L97.412"], "11042", "0213T 59"), Library.Value);

    [Fact]
    public void Pair_deleted_before_the_release_does_not_fire() =>
        EditAssert.DoesNotFire(EditRules.NcciPtp, Office("2024-05-14", ["Z23"], "0001A", "0591T"), Library.Value);

    [Fact]
    public void Real_mue_for_venipuncture_is_two_per_day() =>
        EditAssert.Fires(EditRules.Mue, Office("2024-05-14", ["Z00.00"], "36415 x2", "36415 91"), Library.Value);
}
