using CodeLedger.Core.CodeSets;
using CodeLedger.Testing;

namespace CodeLedger.Core.Tests.CodeSets;

public class HcpcsReleaseTests
{
    private static readonly Lazy<HcpcsRelease> Y2018 = new(() => (HcpcsRelease)CodeSetImporter.Import(
        CodeSetKind.Hcpcs, RepoPaths.Data("hcpcs", "2018-Alpha-Numeric-HCPCS-File.zip"), new DateOnly(2018, 1, 1)));

    private static readonly Lazy<HcpcsRelease> Y2019 = new(() => (HcpcsRelease)CodeSetImporter.Import(
        CodeSetKind.Hcpcs, RepoPaths.Data("hcpcs", "2019-Alpha-Numeric-HCPCS-File.zip"), new DateOnly(2019, 1, 1)));

    [Fact]
    public void Anweb_records_carry_descriptions_dates_and_modifiers()
    {
        var j1930 = Y2019.Value.FindCode("J1930")!;
        Assert.StartsWith("Injection, lanreotide", j1930.LongDescription, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2009, 1, 1), j1930.AddedDate);
        Assert.Null(j1930.TerminationDate);
        Assert.NotNull(Y2019.Value.FindModifier("XS"));
        Assert.NotNull(Y2019.Value.FindModifier("TC"));
    }

    [Fact]
    public void A4563_was_added_for_2019()
    {
        var diff = CodeSetDiff.Compare(Y2018.Value, Y2019.Value);
        Assert.Contains(diff, d => d.Code == "A4563" && d.Change == CodeChange.Added);
        Assert.Null(Y2018.Value.FindCode("A4563"));
    }

    [Fact]
    public void C8904_was_terminated_at_the_end_of_2018()
    {
        var diff = CodeSetDiff.Compare(Y2018.Value, Y2019.Value);
        Assert.Contains(diff, d => d.Code == "C8904" && d.Change == CodeChange.Deleted);
        Assert.Equal(new DateOnly(2018, 12, 31), Y2019.Value.FindCode("C8904")!.TerminationDate);

        var library = new CodeSetLibrary([Y2019.Value]);
        Assert.Equal("CODE-INACTIVE", CodeChecker.Check(library, "C8904", new DateOnly(2019, 1, 2)).Problem);
    }

    [Fact]
    public void Every_code_terminated_on_2018_12_31_is_a_deletion_of_the_diff()
    {
        var terminated = Y2019.Value.Entries.Where(e => !e.IsModifier && e.TerminationDate == new DateOnly(2018, 12, 31)
            && Y2018.Value.FindCode(e.Code) is { } old && old.IsActiveOn(new DateOnly(2018, 1, 1))).Select(e => e.Code).ToHashSet();
        var deleted = CodeSetDiff.Compare(Y2018.Value, Y2019.Value).Where(d => d.Change == CodeChange.Deleted).Select(d => d.Code).ToHashSet();

        Assert.NotEmpty(terminated);
        Assert.Subset(deleted, terminated);
    }
}
