using System.Collections.Immutable;

namespace CodeLedger.Core.CodeSets;

/// <summary>
/// Every release CodeLedger knows, by kind and effective date. Immutable: adding a release gives
/// a new library, so an edit run keeps the releases it started with. On a date, the release of a
/// kind in force is the latest one whose period covers the date (an April ICD-10-CM update
/// replaces October's for the rest of the fiscal year; FACTS.md §3).
/// </summary>
public sealed class CodeSetLibrary
{
    private readonly ImmutableArray<CodeSetRelease> releases;

    public CodeSetLibrary(IEnumerable<CodeSetRelease> releases) =>
        this.releases = [.. releases.OrderBy(r => r.Kind).ThenBy(r => r.Info.EffectiveDate)];

    public static CodeSetLibrary Empty { get; } = new([]);

    public ImmutableArray<CodeSetRelease> Releases => releases;

    public bool Contains(string sha256) => releases.Any(r => string.Equals(r.Info.Sha256, sha256, StringComparison.OrdinalIgnoreCase));

    /// <summary>A library with the release added; the same file (by SHA-256) is not added twice.</summary>
    public CodeSetLibrary With(CodeSetRelease release) => Contains(release.Info.Sha256) ? this : new([.. releases, release]);

    public IEnumerable<CodeSetRelease> OfKind(CodeSetKind kind) => releases.Where(r => r.Kind == kind);

    public CodeSetRelease? InForce(CodeSetKind kind, DateOnly date)
    {
        CodeSetRelease? found = null;
        foreach (var r in releases)
        {
            if (r.Kind == kind && r.Info.Covers(date) && (found is null || r.Info.EffectiveDate >= found.Info.EffectiveDate))
            {
                found = r;
            }
        }

        return found;
    }

    public CodeSetSnapshot On(DateOnly date) => new(
        date,
        InForce(CodeSetKind.Icd10Cm, date) as IcdRelease,
        InForce(CodeSetKind.Hcpcs, date) as HcpcsRelease,
        InForce(CodeSetKind.Rvu, date) as RvuRelease,
        InForce(CodeSetKind.NcciPtp, date) as PtpRelease,
        InForce(CodeSetKind.Mue, date) as MueRelease,
        InForce(CodeSetKind.Cpt, date) as CptRelease);

    /// <summary>
    /// Finds a release by label (icd10cm@2024-10-01), by effective date within a kind, or by a
    /// SHA-256 prefix of at least 8 characters.
    /// </summary>
    public CodeSetRelease? Find(CodeSetKind kind, string reference)
    {
        var r = reference.Trim();
        var matches = OfKind(kind).Where(x =>
            string.Equals(x.Info.Label, r, StringComparison.OrdinalIgnoreCase)
            || string.Equals(x.Info.EffectiveDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r, StringComparison.Ordinal)
            || (r.Length >= 8 && x.Info.Sha256.StartsWith(r, StringComparison.OrdinalIgnoreCase))).ToList();
        return matches.Count == 0 ? null : matches[^1];
    }
}
