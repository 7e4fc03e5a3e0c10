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

    [Fact]
    public void Pair_lookup_agrees_with_the_rows_of_every_pair_of_the_quarter()
    {
        // The bit matrix and the branch-free search in front of the slices must answer exactly as
        // the rows do: every pair with rows on dates around deletions and the release, and every
        // pair of a tenth of the column 1 codes with every code (the misses).
        var ptp = RealData.Ptp2024Q2;
        var ordinalOf = ptp.Keys.Select((key, ordinal) => (key, ordinal)).ToDictionary(x => CodeKeys.ToCode(x.key), x => x.ordinal, StringComparer.Ordinal);
        DateOnly[] dates = [new(1996, 1, 1), new(2010, 6, 15), new(2019, 12, 31), new(2020, 1, 1), new(2023, 12, 31), new(2024, 3, 31), April2024, new(2024, 6, 30), new(2024, 7, 1), new(2031, 1, 1)];
        var pairs = 0;
        foreach (var slice in Slices(ptp))
        {
            var a = ordinalOf[slice[0].Column1];
            var byColumn2 = slice.GroupBy(r => ordinalOf[r.Column2]).ToDictionary(g => g.Key, g => g.ToList());
            foreach (var (b, rows) in byColumn2)
            {
                pairs++;
                foreach (var date in dates)
                {
                    Assert.Equal(Expected(rows, date), ptp.FindByOrdinal(a, b, date.DayNumber));
                }
            }

            if (a % 10 == 0)
            {
                for (var b = 0; b < ptp.Keys.Count; b++)
                {
                    if (!byColumn2.ContainsKey(b))
                    {
                        Assert.Null(ptp.FindByOrdinal(a, b, April2024.DayNumber));
                    }
                }
            }
        }

        Assert.Equal(ptp.PairCount, pairs);
    }

    /// <summary>The rows of each column 1 code in turn (<see cref="PtpRelease.AllRows"/> yields them grouped).</summary>
    private static IEnumerable<List<PtpEdit>> Slices(PtpRelease ptp)
    {
        var slice = new List<PtpEdit>();
        foreach (var row in ptp.AllRows())
        {
            if (slice.Count > 0 && !string.Equals(slice[0].Column1, row.Column1, StringComparison.Ordinal))
            {
                yield return slice;
                slice = [];
            }

            slice.Add(row);
        }

        if (slice.Count > 0)
        {
            yield return slice;
        }
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

    private static PtpModifierIndicator? Expected(List<PtpEdit> rows, DateOnly date)
    {
        PtpModifierIndicator? found = null;
        foreach (var row in rows.Where(r => r.IsActiveOn(date) && r.Indicator != PtpModifierIndicator.NotApplicable))
        {
            if (row.Indicator == PtpModifierIndicator.NotAllowed)
            {
                return PtpModifierIndicator.NotAllowed;
            }

            found = PtpModifierIndicator.Allowed;
        }

        return found;
    }
}
