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
    private readonly ImmutableArray<Slot> slots;

    public CodeSetLibrary(IEnumerable<CodeSetRelease> releases)
        : this(releases.Select(r => new Slot(r.Info, new Lazy<CodeSetRelease>(r))))
    {
    }

    /// <summary>
    /// A library of releases known by their headers and loaded on first use, so a command loads
    /// only the releases in force on the dates it is asked about (and `codes check` of an
    /// ICD-10-CM code no PTP table). <paramref name="load"/> runs at most once per release.
    /// </summary>
    public CodeSetLibrary(IEnumerable<CodeSetReleaseInfo> releases, Func<CodeSetReleaseInfo, CodeSetRelease> load)
        : this(releases.Select(info => new Slot(info, new Lazy<CodeSetRelease>(() => load(info), LazyThreadSafetyMode.ExecutionAndPublication))))
    {
    }

    private CodeSetLibrary(IEnumerable<Slot> slots) =>
        this.slots = [.. slots.OrderBy(s => s.Info.Kind).ThenBy(s => s.Info.EffectiveDate)];

    public static CodeSetLibrary Empty { get; } = new(Array.Empty<CodeSetRelease>());

    /// <summary>Every release, loading any not loaded yet.</summary>
    public ImmutableArray<CodeSetRelease> Releases => [.. slots.Select(s => s.Release.Value)];

    /// <summary>The header of every release, without loading any.</summary>
    public IEnumerable<CodeSetReleaseInfo> Infos => slots.Select(s => s.Info);

    public bool Contains(string sha256) => slots.Any(s => string.Equals(s.Info.Sha256, sha256, StringComparison.OrdinalIgnoreCase));

    /// <summary>A library with the release added; the same file (by SHA-256) is not added twice.</summary>
    public CodeSetLibrary With(CodeSetRelease release) => Contains(release.Info.Sha256) ? this : new([.. slots, new Slot(release.Info, new Lazy<CodeSetRelease>(release))]);

    public IEnumerable<CodeSetRelease> OfKind(CodeSetKind kind) => slots.Where(s => s.Info.Kind == kind).Select(s => s.Release.Value);

    /// <summary>
    /// The release of the kind in force on the date. A release without an end date (the starter
    /// set) is in force only until a later release of its kind starts: once replaced it never
    /// comes back, so a date after the real releases end finds none instead of the starter.
    /// </summary>
    public CodeSetRelease? InForce(CodeSetKind kind, DateOnly date)
    {
        Slot? found = null;
        foreach (var s in slots)
        {
            var r = s.Info;
            if (r.Kind == kind && r.Covers(date) && (found is null || r.EffectiveDate >= found.Info.EffectiveDate)
                && (r.EffectiveThrough is not null || !slots.Any(later => later.Info.Kind == kind && later.Info.EffectiveDate > r.EffectiveDate && later.Info.EffectiveDate <= date)))
            {
                found = s;
            }
        }

        return found?.Release.Value;
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
        var matches = slots.Where(s => s.Info.Kind == kind).Where(s =>
            string.Equals(s.Info.Label, r, StringComparison.OrdinalIgnoreCase)
            || string.Equals(s.Info.EffectiveDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r, StringComparison.Ordinal)
            || (r.Length >= 8 && s.Info.Sha256.StartsWith(r, StringComparison.OrdinalIgnoreCase))).ToList();
        return matches.Count == 0 ? null : matches[^1].Release.Value;
    }

    private sealed record Slot(CodeSetReleaseInfo Info, Lazy<CodeSetRelease> Release);
}
