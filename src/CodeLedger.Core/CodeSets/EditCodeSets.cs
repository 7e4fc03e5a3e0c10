using CodeLedger.Core.CodeSets.Starter;

namespace CodeLedger.Core.CodeSets;

/// <summary>
/// The releases the edit engine checks against, one rule for every command that runs it (`code`,
/// `claims scrub`): the releases imported into the database when there is at least one; the
/// starter code set when there is none (a new or demo database, which the demo coded against the
/// starter set). Never a mix: once a release of any kind is imported, a kind without one finds no
/// release (CODE-UNKNOWN / CODE-INACTIVE), because the starter set is a toy set that must not
/// answer for a real operation. <see cref="Statement"/> is printed with the findings so that the
/// reader knows what the codes were checked against.
/// </summary>
public sealed record EditCodeSets(CodeSetLibrary Library, bool IsStarter)
{
    public static EditCodeSets Choose(CodeSetLibrary imported) =>
        imported.Infos.Any() ? new EditCodeSets(imported, IsStarter: false) : new EditCodeSets(StarterCodeSet.Library(), IsStarter: true);

    /// <summary>The releases by label (icd10cm@2024-10-01), in kind and date order.</summary>
    public IReadOnlyList<string> Releases => [.. Library.Infos.Select(i => i.Label)];

    public string Source => IsStarter ? "starter" : "imported";

    public string Statement => IsStarter
        ? "code sets: the starter code set, because no release is imported into this database (codeledger codesets import)"
        : $"code sets: the imported releases {string.Join(", ", Releases)}";
}
