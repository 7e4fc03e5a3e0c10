using CodeLedger.Core.CodeSets;
using CodeLedger.Core.CodeSets.Starter;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Tests.CodeSets;

/// <summary>One file is one release (its period is part of it); the edit engine's code sets are the imported releases, else the starter set.</summary>
public sealed class ReleaseIdentityTests
{
    private static readonly CodeSetReleaseInfo Mue = new(CodeSetKind.Mue, new DateOnly(2024, 4, 1), new DateOnly(2024, 6, 30), "mue.csv", new string('a', 64), 10);

    [Fact]
    public void The_same_file_with_the_same_kind_and_period_is_the_same_import() =>
        Mue.RequireSameImport(CodeSetKind.Mue, new DateOnly(2024, 4, 1), new DateOnly(2024, 6, 30));

    [Theory]
    [InlineData(CodeSetKind.Mue, "2024-07-01", "2024-09-30")]
    [InlineData(CodeSetKind.Mue, "2024-04-01", "2024-12-31")]
    [InlineData(CodeSetKind.Mue, "2024-04-01", null)]
    [InlineData(CodeSetKind.NcciPtp, "2024-04-01", "2024-06-30")]
    public void The_same_file_asked_for_as_another_release_is_refused_naming_the_existing_range(CodeSetKind kind, string effective, string? through)
    {
        var e = Assert.Throws<DomainException>(() => Mue.RequireSameImport(kind, DateOnly.Parse(effective, System.Globalization.CultureInfo.InvariantCulture),
            through is null ? null : DateOnly.Parse(through, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(CodeSetErrors.AlreadyImportedOtherwise, e.Error);
        Assert.Contains("already imported as mue@2024-04-01, in force 2024-04-01 to 2024-06-30", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_imported_releases_the_edit_engine_uses_the_starter_set_and_says_so()
    {
        var chosen = EditCodeSets.Choose(CodeSetLibrary.Empty);

        Assert.True(chosen.IsStarter);
        Assert.Equal(StarterCodeSet.Files.Count, chosen.Releases.Count);
        Assert.Contains("starter code set, because no release is imported", chosen.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void With_any_imported_release_the_edit_engine_uses_only_the_imported_ones()
    {
        var imported = new CodeSetLibrary([Mue], _ => throw new InvalidOperationException("not loaded to choose"));

        var chosen = EditCodeSets.Choose(imported);

        Assert.False(chosen.IsStarter);
        Assert.Equal(["mue@2024-04-01"], chosen.Releases);
        Assert.Equal("code sets: the imported releases mue@2024-04-01", chosen.Statement);
    }
}
