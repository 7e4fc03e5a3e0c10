using CodeLedger.Core.CodeSets;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Edits;
using CodeLedger.Core.Tests.CodeSets;
using CodeLedger.Testing;

namespace CodeLedger.Core.Tests.Edits;

/// <summary>
/// The engine's flattened per-code table answers as the releases themselves do, for every code of
/// the real April 2024 PTP and MUE releases and the CY2025 fee schedule, and for codes none holds.
/// </summary>
public class ProcedureIndexTests
{
    private static readonly Lazy<RvuRelease> Rvu = new(() => (RvuRelease)CodeSetImporter.Import(
        CodeSetKind.Rvu, RepoPaths.Data("pfs-rvu", "PPRRVU2025_Oct.csv.gz"), new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)));

    private static readonly HashSet<GlobalPeriod> Minor = [GlobalPeriod.Days0, GlobalPeriod.Days10];

    [Fact]
    public void Every_code_of_the_real_releases_has_the_facts_of_its_releases()
    {
        var ptp = RealData.Ptp2024Q2;
        var mue = RealData.Mue2024Q2;
        var rvu = Rvu.Value;
        var index = new ProcedureIndex(rvu, mue, ptp, null, Minor);
        var keys = rvu.Entries.Where(e => e.Modifier.Length == 0).Select(e => ProcedureCode.PackKey(e.Code))
            .Concat(mue.Entries.Select(e => ProcedureCode.PackKey(e.Code)))
            .Concat(ptp.Keys)
            .Where(k => k >= 0)
            .ToHashSet();
        Assert.Equal(keys.Count, index.Count);
        foreach (var key in keys)
        {
            var facts = index.Find(key);
            var row = rvu.Find(key);
            var edit = mue.Find(key);
            Assert.True(facts.IsIndexed);
            Assert.Equal(row is not null, facts.IsKnown);
            Assert.Equal(row is not null && Minor.Contains(row.GlobalPeriod), facts.IsMinorProcedure);
            Assert.Equal(edit?.Value ?? -1, facts.MueValue);
            Assert.Equal(edit?.Adjudication ?? 0, facts.MueIndicator);
            Assert.Equal(ptp.Ordinal(key), facts.PtpOrdinal);
        }
    }

    [Theory]
    [InlineData("0000A")]
    [InlineData("ZZZZZ")]
    [InlineData("V9999")]
    public void A_code_no_release_holds_is_unknown(string code)
    {
        var index = new ProcedureIndex(Rvu.Value, RealData.Mue2024Q2, RealData.Ptp2024Q2, null, Minor);
        Assert.Equal(ProcedureIndex.ProcedureFacts.Unknown, index.Find(ProcedureCode.PackKey(code)));
        Assert.Equal(ProcedureIndex.ProcedureFacts.Unknown, index.Find(-1));
    }

    [Fact]
    public void An_index_of_no_release_is_empty()
    {
        var index = new ProcedureIndex(null, null, null, null, Minor);
        Assert.Equal(0, index.Count);
        Assert.False(index.Find(ProcedureCode.PackKey("99213")).IsIndexed);
    }
}
