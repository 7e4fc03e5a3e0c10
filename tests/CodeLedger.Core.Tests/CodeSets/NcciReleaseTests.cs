using CodeLedger.Core.CodeSets;
using CodeLedger.Core.Codes;

namespace CodeLedger.Core.Tests.CodeSets;

public class NcciReleaseTests
{
    private static readonly DateOnly April2024 = new(2024, 4, 1);

    private static int Key(string code) => ProcedureCode.Parse(code).Key;

    [Fact]
    public void Full_practitioner_quarter_loads_every_row()
    {
        Assert.Equal(2_545_089, RealData.Ptp2024Q2.RowCount);
        Assert.Equal(2_545_089, RealData.Ptp2024Q2.Info.EntryCount);
    }

    [Fact]
    public void Debridement_11042_with_nail_debridement_11720_is_an_indicator_1_edit()
    {
        Assert.Equal(PtpModifierIndicator.Allowed, RealData.Ptp2024Q2.Find(Key("11042"), Key("11720"), April2024));
        Assert.Null(RealData.Ptp2024Q2.Find(Key("11720"), Key("11042"), April2024));
    }

    [Fact]
    public void A_pair_with_a_deleted_row_and_an_active_row_is_in_force()
    {
        var rows = RealData.Ptp2024Q2.Rows(Key("20610"), Key("99213"));
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.DeletionDate == new DateOnly(2019, 12, 31));
        Assert.Equal(PtpModifierIndicator.Allowed, RealData.Ptp2024Q2.Find(Key("20610"), Key("99213"), April2024));
    }

    [Fact]
    public void Rows_deleted_before_the_release_never_apply()
    {
        // 0001A/0591T was deleted 2023-12-31; the April 2024 release still lists it.
        Assert.Equal(new DateOnly(2023, 12, 31), RealData.Ptp2024Q2.Rows(Key("0001A"), Key("0591T")).Single().DeletionDate);
        Assert.Null(RealData.Ptp2024Q2.Find(Key("0001A"), Key("0591T"), April2024));
    }

    [Theory]
    [InlineData("99213", 2, MueAdjudication.DateOfServiceClinical)]
    [InlineData("36415", 2, MueAdjudication.DateOfServiceClinical)]
    [InlineData("97110", 6, MueAdjudication.DateOfServiceClinical)]
    [InlineData("11042", 1, MueAdjudication.DateOfServicePolicy)]
    public void Mue_values_are_those_of_the_april_2024_file(string code, int value, MueAdjudication mai)
    {
        var entry = RealData.Mue2024Q2.Find(Key(code))!;
        Assert.Equal(value, entry.Value);
        Assert.Equal(mai, entry.Adjudication);
        Assert.Equal(14_679, RealData.Mue2024Q2.Entries.Count);
    }
}
