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
            var back = CodeSetIndex.Read(release.Info, CodeSetIndex.Write(release), () => release);
            Assert.Equal(Describe(release), Describe(back));
        }
    }

    [Fact]
    public void A_real_icd10cm_release_and_ptp_quarter_read_back_from_their_indexes()
    {
        var icd = CodeSetImporter.Import(CodeSetKind.Icd10Cm, RepoPaths.Data("icd10cm", "cms_2026_dx.zip"), new DateOnly(2025, 10, 1));
        Assert.Equal(Describe(icd), Describe(CodeSetIndex.Read(icd.Info, CodeSetIndex.Write(icd).Content)));

        var ptp = Ptp();
        var image = CodeSetIndex.Write(ptp);
        Assert.True(image.Parts.Length > 400, $"{image.Parts.Length} parts");
        Assert.All(image.Parts, p => Assert.True(p.Length < 85_000, $"a part of {p.Length} bytes"));
        var back = (PtpRelease)CodeSetIndex.Read(ptp.Info, image, () => throw new InvalidOperationException("no part is damaged"));
        Assert.Equal((ptp.RowCount, ptp.PairCount), (back.RowCount, back.PairCount));
        Assert.True(ptp.AllRows().SequenceEqual(back.AllRows()));
    }

    [Fact]
    public void A_ptp_lookup_reads_only_the_parts_of_its_codes_and_answers_as_the_whole_release()
    {
        var ptp = Ptp();
        var image = CodeSetIndex.Write(ptp);
        var parts = new CountingParts(image, () => throw new InvalidOperationException("no part is damaged"));
        var back = (PtpRelease)CodeSetIndex.Read(ptp.Info, image.Content, parts);
        var day = new DateOnly(2024, 8, 1).DayNumber;
        foreach (var (c1, c2) in new[] { ("20610", "99213"), ("36415", "99214"), ("93000", "93005"), ("11042", "97597") })
        {
            var (a, b) = (ptp.Ordinal(CodeLedger.Core.Codes.ProcedureCode.Parse(c1).Key), ptp.Ordinal(CodeLedger.Core.Codes.ProcedureCode.Parse(c2).Key));
            Assert.Equal(ptp.SearchByOrdinal(a, b, day), back.SearchByOrdinal(a, b, day));
            Assert.Equal(ptp.PairStates(a, b), back.PairStates(a, b));
        }

        Assert.InRange(parts.Reads.Count, 1, 8);
        Assert.Equal(0, parts.ReadAlls);
    }

    [Fact]
    public void A_damaged_ptp_part_is_never_read_and_the_release_is_rebuilt()
    {
        var ptp = Ptp();
        var image = CodeSetIndex.Write(ptp);
        var damaged = image.Parts.ToArray();
        var column1 = ptp.Ordinal(CodeLedger.Core.Codes.ProcedureCode.Parse("20610").Key);
        var rebuilt = 0;
        var parts = new CountingParts(image with { Parts = [.. damaged] }, () =>
        {
            rebuilt++;
            return ptp;
        });
        var back = (PtpRelease)CodeSetIndex.Read(ptp.Info, image.Content, parts);

        // The part of 20610 as column 1: found by reading it once, then damaged (one byte flipped).
        back.Rows(CodeLedger.Core.Codes.ProcedureCode.Parse("20610").Key, CodeLedger.Core.Codes.ProcedureCode.Parse("99213").Key);
        var part = parts.Reads.Single();
        damaged[part] = [.. damaged[part]];
        damaged[part][damaged[part].Length / 2] ^= 0x40;
        var fresh = new CountingParts(image with { Parts = [.. damaged] }, () =>
        {
            rebuilt++;
            return ptp;
        });
        var again = (PtpRelease)CodeSetIndex.Read(ptp.Info, image.Content, fresh);
        var day = new DateOnly(2024, 8, 1).DayNumber;
        var other = ptp.Ordinal(CodeLedger.Core.Codes.ProcedureCode.Parse("99213").Key);
        Assert.Equal(ptp.SearchByOrdinal(column1, other, day), again.SearchByOrdinal(column1, other, day));
        Assert.Equal(1, rebuilt);
        Assert.True(ptp.AllRows().SequenceEqual(again.AllRows()));
    }

    [Fact]
    public void An_index_is_refused_for_any_other_release()
    {
        var release = StarterCodeSet.Releases().First();
        var index = CodeSetIndex.Write(release).Content;
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

    private static PtpRelease Ptp() =>
        (PtpRelease)CodeSetImporter.Import(CodeSetKind.NcciPtp, RepoPaths.Data("ncci", "ncci_ptp_practitioner_2024Q3_v302r0_NO-EFFDATE_NO-1996FLAG.tsv.gz"), new DateOnly(2024, 7, 1));

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

    /// <summary>Index parts in memory that count which are read.</summary>
    private sealed class CountingParts(CodeSetIndexImage image, Func<CodeSetRelease> rebuild) : CodeSetIndexParts
    {
        public List<int> Reads { get; } = [];

        public int ReadAlls { get; private set; }

        public override byte[]? Read(int part)
        {
            Reads.Add(part);
            return image.Parts[part];
        }

        public override IEnumerable<(int Part, byte[] Content)> ReadAll()
        {
            ReadAlls++;
            return image.Parts.Select((p, i) => (i, p));
        }

        public override CodeSetRelease Rebuild() => rebuild();
    }
}
