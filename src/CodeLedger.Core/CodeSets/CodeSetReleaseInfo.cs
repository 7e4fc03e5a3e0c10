using System.Globalization;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.CodeSets;

/// <summary>
/// The header of one imported release: what it is, when it is in force, and which file it came
/// from (by SHA-256, so importing the same file twice is recognised and ignored).
/// </summary>
/// <param name="EffectiveThrough">Last day in force unless a later release of the kind replaces it sooner; null means until replaced.</param>
public sealed record CodeSetReleaseInfo(
    CodeSetKind Kind,
    DateOnly EffectiveDate,
    DateOnly? EffectiveThrough,
    string FileName,
    string Sha256,
    int EntryCount)
{
    /// <summary>How people and the CLI name a release: kind and effective date (icd10cm@2024-10-01).</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture, $"{Kind.Token()}@{EffectiveDate:yyyy-MM-dd}");

    public bool Covers(DateOnly date) => date >= EffectiveDate && (EffectiveThrough is not { } through || date <= through);

    /// <summary>
    /// The same file imported again: a no-op when asked for the same kind and period, refused
    /// otherwise. One file is one release, and its period is part of what it is: which codes are
    /// valid on a date of service depends on it, and two periods for one file would make the
    /// answer depend on which import is read (docs/CODESETS.md, "Importing a file twice").
    /// </summary>
    public void RequireSameImport(CodeSetKind kind, DateOnly effective, DateOnly? through)
    {
        if (kind == Kind && effective == EffectiveDate && through == EffectiveThrough)
        {
            return;
        }

        var asked = string.Create(CultureInfo.InvariantCulture, $"{kind.Token()} in force {Period(effective, through)}");
        throw new DomainException(CodeSetErrors.AlreadyImportedOtherwise,
            $"{FileName} (sha256 {Sha256[..12]}) is already imported as {Label}, in force {Period(EffectiveDate, EffectiveThrough)}; it cannot also be {asked}. One file is one release: import the release file published for that period, or keep the existing range");
    }

    private static string Period(DateOnly from, DateOnly? through) =>
        string.Create(CultureInfo.InvariantCulture, $"{from:yyyy-MM-dd} to {(through is { } t ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "until replaced")}");
}
