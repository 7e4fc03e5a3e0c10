using System.Collections.Immutable;
using System.Security.Cryptography;

namespace CodeLedger.Core.CodeSets;

/// <summary>
/// A release as the arrays its in-memory form is built from, so that a process loads it with a
/// few copies instead of re-parsing the file (docs/CODESETS.md, "Indexes"). An index names the
/// release it was built from by SHA-256 and is refused for any other; <see cref="Format"/> changes
/// whenever the layout does, and an index of another format is rebuilt from the release.
/// </summary>
public static class CodeSetIndex
{
    /// <summary>The layout version; an index written with another is stale. 2: the NCCI PTP rows in parts. 3: the RVU rows' conversion factor.</summary>
    public const int Format = 3;

    private static ReadOnlySpan<byte> Magic => "CLIX"u8;

    public static CodeSetIndexImage Write(CodeSetRelease release)
    {
        var w = new IndexWriter();
        var parts = ImmutableArray<byte[]>.Empty;
        w.Bytes(Magic);
        w.Int(Format);
        w.Int((int)release.Kind);
        w.Bytes(Convert.FromHexString(release.Info.Sha256));
        switch (release)
        {
            case IcdRelease icd:
                icd.Write(w);
                break;
            case PtpRelease ptp:
                parts = ptp.Write(w);
                break;
            case HcpcsRelease hcpcs:
                var h = hcpcs.Entries;
                w.Strings([.. h.SelectMany(e => new[] { e.Code, e.LongDescription, e.ShortDescription })]);
                w.Array<byte>([.. h.Select(e => (byte)(e.IsModifier ? 1 : 0))]);
                w.Array<int>([.. h.SelectMany(e => new[] { Day(e.AddedDate), Day(e.ActionEffectiveDate), Day(e.TerminationDate) })]);
                w.Array<char>([.. h.Select(e => e.ActionCode)]);
                break;
            case RvuRelease rvu:
                var r = rvu.Entries;
                w.Strings([.. r.SelectMany(e => new[] { e.Code, e.Modifier, e.GlobalDays, e.Description })]);
                w.Array<char>([.. r.Select(e => e.Status)]);
                w.Array<decimal>([.. r.SelectMany(e => new[] { e.WorkRvu, e.NonFacilityPracticeExpenseRvu, e.FacilityPracticeExpenseRvu, e.MalpracticeRvu })]);
                w.Array<byte>([.. r.Select(e => (byte)e.GlobalPeriod)]);
                w.Array<decimal>([.. r.Select(e => e.ConversionFactor ?? -1m)]);
                break;
            case MueRelease mue:
                var m = mue.Entries;
                w.Strings([.. m.SelectMany(e => new[] { e.Code, e.Rationale })]);
                w.Array<int>([.. m.Select(e => e.Value)]);
                w.Array<byte>([.. m.Select(e => (byte)e.Adjudication)]);
                break;
            case CptRelease cpt:
                w.Strings([.. cpt.Entries.SelectMany(e => new[] { e.Key, e.Value })]);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(release), release.Kind, null);
        }

        return new CodeSetIndexImage(w.ToArray(), parts);
    }

    /// <summary>
    /// The release from its index. Throws <see cref="FormatException"/> when the bytes are not an
    /// index of this format for exactly this release (kind and SHA-256). A release in parts (NCCI
    /// PTP) reads each of <paramref name="parts"/> when first needed, checked against the hash the
    /// main index lists for it.
    /// </summary>
    public static CodeSetRelease Read(CodeSetReleaseInfo info, byte[] index, CodeSetIndexParts? parts = null)
    {
        var r = new IndexReader(index, 0);
        if (!r.Take(4).SequenceEqual(Magic) || r.Int() != Format || r.Int() != (int)info.Kind
            || !r.Take(32).SequenceEqual(Convert.FromHexString(info.Sha256)))
        {
            throw new FormatException($"the index is not one of format {Format} for {info.Label} (sha256 {info.Sha256})");
        }

        CodeSetRelease release = info.Kind switch
        {
            CodeSetKind.Icd10Cm => IcdRelease.Read(info, r),
            CodeSetKind.NcciPtp => PtpRelease.Read(info, r, parts ?? throw new FormatException($"the index of {info.Label} is in parts, and none were given")),
            CodeSetKind.Hcpcs => ReadHcpcs(info, r),
            CodeSetKind.Rvu => ReadRvu(info, r),
            CodeSetKind.Mue => ReadMue(info, r),
            CodeSetKind.Cpt => ReadCpt(info, r),
            _ => throw new FormatException($"no index layout for {info.Kind}"),
        };
        if (!r.AtEnd)
        {
            throw new FormatException($"the index of {info.Label} is longer than its sections");
        }

        return release;
    }

    /// <summary>SHA-256 of an index, kept beside it so that a damaged index is rebuilt, never read.</summary>
    public static string Hash(byte[] index) => Convert.ToHexStringLower(SHA256.HashData(index));

    /// <summary>Reads the image just written (a rebuilt release's index, or a test's round trip), its parts from memory.</summary>
    public static CodeSetRelease Read(CodeSetReleaseInfo info, CodeSetIndexImage image, Func<CodeSetRelease> rebuild) =>
        Read(info, image.Content, CodeSetIndexParts.InMemory(image.Parts, rebuild));

    private static HcpcsRelease ReadHcpcs(CodeSetReleaseInfo info, IndexReader r)
    {
        var texts = r.Strings();
        var modifier = r.Array<byte>();
        var days = r.Array<int>();
        var action = r.Array<char>();
        return new HcpcsRelease(info, Enumerable.Range(0, modifier.Length).Select(i => new HcpcsEntry(
            texts[3 * i], modifier[i] == 1, texts[(3 * i) + 1], texts[(3 * i) + 2], Date(days[3 * i]), Date(days[(3 * i) + 1]), Date(days[(3 * i) + 2]), action[i])));
    }

    private static RvuRelease ReadRvu(CodeSetReleaseInfo info, IndexReader r)
    {
        var texts = r.Strings();
        var status = r.Array<char>();
        var rvus = r.Array<decimal>();
        var global = r.Array<byte>();
        var factors = r.Array<decimal>();
        return new RvuRelease(info, Enumerable.Range(0, status.Length).Select(i => new RvuEntry(
            texts[4 * i], texts[(4 * i) + 1], status[i], rvus[4 * i], rvus[(4 * i) + 1], rvus[(4 * i) + 2], rvus[(4 * i) + 3], (GlobalPeriod)global[i], texts[(4 * i) + 2], texts[(4 * i) + 3],
            factors[i] < 0 ? null : factors[i])));
    }

    private static MueRelease ReadMue(CodeSetReleaseInfo info, IndexReader r)
    {
        var texts = r.Strings();
        var values = r.Array<int>();
        var mai = r.Array<byte>();
        return new MueRelease(info, Enumerable.Range(0, values.Length).Select(i => new MueEntry(texts[2 * i], values[i], (MueAdjudication)mai[i], texts[(2 * i) + 1])));
    }

    private static CptRelease ReadCpt(CodeSetReleaseInfo info, IndexReader r)
    {
        var texts = r.Strings();
        return new CptRelease(info, Enumerable.Range(0, texts.Count / 2).Select(i => new KeyValuePair<string, string>(texts[2 * i], texts[(2 * i) + 1])));
    }

    private static int Day(DateOnly? date) => date?.DayNumber ?? -1;

    private static DateOnly? Date(int day) => day < 0 ? null : DateOnly.FromDayNumber(day);
}
