using System.Globalization;

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
}
