using CodeLedger.Core.CodeSets;
using CodeLedger.Core.CodeSets.Starter;
using CodeLedger.Testing;

namespace CodeLedger.Core.Tests.CodeSets;

public sealed class CodeSetIndexTests
{
    [Fact]
    public void Every_starter_release_reads_back_from_its_index_as_it_was_parsed()
    {
        foreach (var release in StarterCodeSet.Releases())
        {
            var back = CodeSetIndex.Read(release.Info, CodeSetIndex.Write(release));
            Assert.Equal(Describe(release), Describe(back));
        }
    }

    [Fact]
    public void A_real_icd10cm_release_and_ptp_quarter_read_back_from_their_indexes()
    {
        var icd = CodeSetImporter.Import(CodeSetKind.Icd10Cm, RepoPaths.Data("icd10cm", "cms_2026_dx.zip"), new DateOnly(2025, 10, 1));
        Assert.Equal(Describe(icd), Describe(CodeSetIndex.Read(icd.Info, CodeSetIndex.Write(icd))));

        var ptp = (PtpRelease)CodeSetImporter.Import(CodeSetKind.NcciPtp, RepoPaths.Data("ncci", "ncci_ptp_practitioner_2024Q3_v302r0_NO-EFFDATE_NO-1996FLAG.tsv.gz"), new DateOnly(2024, 7, 1));
        var back = (PtpRelease)CodeSetIndex.Read(ptp.Info, CodeSetIndex.Write(ptp));
        Assert.Equal((ptp.RowCount, ptp.PairCount), (back.RowCount, back.PairCount));
        Assert.True(ptp.AllRows().SequenceEqual(back.AllRows()));
    }

    [Fact]
    public void An_index_is_refused_for_any_other_release()
    {
        var release = StarterCodeSet.Releases().First();
        var index = CodeSetIndex.Write(release);
        var other = release.Info with { Sha256 = new string('0', 64) };
        Assert.Throws<FormatException>(() => CodeSetIndex.Read(other, index));
        Assert.Throws<FormatException>(() => CodeSetIndex.Read(release.Info, index[..^1]));
    }

    [Fact]
    public void Pair_states_are_the_same_before_and_after_the_matrix_is_built()
    {
        var ptp = (PtpRelease)CodeSetImporter.Import(CodeSetKind.NcciPtp, RepoPaths.Data("ncci", "ncci_ptp_practitioner_2024Q3_v302r0_NO-EFFDATE_NO-1996FLAG.tsv.gz"), new DateOnly(2024, 7, 1));
        var random = new Random(7);
        var pairs = Enumerable.Range(0, 40_000).Select(_ => (random.Next(ptp.Keys.Count), random.Next(ptp.Keys.Count))).Where(p => p.Item1 != p.Item2).ToList();
        var rows = ptp.AllRows().Take(30_000).Select(r => (ptp.Ordinal(CodeLedger.Core.Codes.ProcedureCode.Parse(r.Column1).Key), ptp.Ordinal(CodeLedger.Core.Codes.ProcedureCode.Parse(r.Column2).Key))).Where(p => p.Item1 != p.Item2);
        var all = pairs.Concat(rows).ToList();
        var searched = all.Select(p => ptp.PairStates(p.Item1, p.Item2)).ToList();
        var fromMatrix = all.Select(p => ptp.PairStates(p.Item1, p.Item2)).ToList();
        Assert.Equal(searched, fromMatrix);
        Assert.Contains(searched, s => s != PtpRelease.NoRows);
    }

    private static string Describe(CodeSetRelease r) => r switch
    {
        IcdRelease icd => string.Join('\n', icd.Entries.Select(e => $"{e.Code.Value} {e.Billable} {e.IsManifestation} {e.ShortDescription} | {e.LongDescription}")) + icd.Find("E119")?.LongDescription,
        HcpcsRelease h => string.Join('\n', h.Entries),
        RvuRelease v => string.Join('\n', v.Entries),
        MueRelease m => string.Join('\n', m.Entries),
        CptRelease c => string.Join('\n', c.Entries),
        PtpRelease p => string.Join('\n', p.AllRows()),
        _ => r.Info.Label,
    } + r.Info;
}
