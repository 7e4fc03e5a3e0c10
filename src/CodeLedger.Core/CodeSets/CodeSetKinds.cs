namespace CodeLedger.Core.CodeSets;

/// <summary>The command-line and storage tokens of <see cref="CodeSetKind"/>; stable, because releases are stored under them.</summary>
public static class CodeSetKinds
{
    public static IReadOnlyList<CodeSetKind> All { get; } = Enum.GetValues<CodeSetKind>();

    public static string Token(this CodeSetKind kind) => kind switch
    {
        CodeSetKind.Icd10Cm => "icd10cm",
        CodeSetKind.Hcpcs => "hcpcs",
        CodeSetKind.Rvu => "rvu",
        CodeSetKind.NcciPtp => "ncci-ptp",
        CodeSetKind.Mue => "mue",
        CodeSetKind.Cpt => "cpt",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string? token, out CodeSetKind kind)
    {
        foreach (var k in All)
        {
            if (string.Equals(k.Token(), token?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>
    /// The last day a release stays in force when no later release replaces it earlier: ICD-10-CM
    /// runs to the end of its fiscal year (30 September), HCPCS, RVU and CPT to the end of the
    /// calendar year, NCCI PTP and MUE to the end of their quarter (FACTS.md §3 "Update cycle", §2.2).
    /// A claim dated after it finds no release in force and gets CODE-INACTIVE instead of stale codes.
    /// </summary>
    public static DateOnly DefaultEffectiveThrough(this CodeSetKind kind, DateOnly effective) => kind switch
    {
        CodeSetKind.Icd10Cm => new DateOnly(effective.Month >= 10 ? effective.Year + 1 : effective.Year, 9, 30),
        CodeSetKind.Hcpcs or CodeSetKind.Rvu or CodeSetKind.Cpt => new DateOnly(effective.Year, 12, 31),
        CodeSetKind.NcciPtp or CodeSetKind.Mue => new DateOnly(effective.Year, ((effective.Month - 1) / 3 * 3) + 1, 1).AddMonths(3).AddDays(-1),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
