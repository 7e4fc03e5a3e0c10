using System.Collections.Frozen;
using CodeLedger.Core.CodeSets;

namespace CodeLedger.Core.Edits;

/// <summary>
/// What differs between payers, as configuration rather than constants in the rules. The defaults
/// follow Medicare's NCCI (FACTS.md §2).
/// </summary>
public sealed record EditOptions
{
    public static EditOptions Medicare { get; } = new();

    /// <summary>
    /// Modifiers that may bypass a PTP edit with indicator 1 (NCCI Policy Manual ch. 1, via
    /// findacode "NCCI Associated Modifiers"; FACTS.md §2.2).
    /// </summary>
    public FrozenSet<string> NcciAssociatedModifiers { get; init; } = FrozenSet.ToFrozenSet(
    [
        "E1", "E2", "E3", "E4", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "FA",
        "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "TA", "LT", "RT", "LC", "LD", "RC", "LM", "RI",
        "24", "25", "57", "58", "78", "79", "27", "59", "91", "XE", "XS", "XP", "XU",
    ], StringComparer.Ordinal);

    /// <summary>On an E/M code only these bypass a PTP edit: 59 and the X modifiers are not used on E/M (FACTS.md §2.2).</summary>
    public FrozenSet<string> EmPtpBypassModifiers { get; init; } = FrozenSet.ToFrozenSet(["24", "25", "57"], StringComparer.Ordinal);

    /// <summary>
    /// Whether the bypass modifier may sit on either line of the pair. NCCI denies the column 2
    /// code, so by default the modifier must be on the column 2 line; some payers accept either.
    /// </summary>
    public bool PtpModifierOnEitherLine { get; init; }

    /// <summary>
    /// CPT (Level I) modifiers, which the HCPCS Level II file does not list. Two-letter modifiers
    /// not listed here are checked against the HCPCS release in force.
    /// </summary>
    public FrozenSet<string> CptModifiers { get; init; } = FrozenSet.ToFrozenSet(
    [
        "22", "23", "24", "25", "26", "27", "32", "33", "47", "50", "51", "52", "53", "54", "55", "56", "57", "58", "59",
        "62", "63", "66", "73", "74", "76", "77", "78", "79", "80", "81", "82", "90", "91", "92", "93", "95", "96", "97", "99",
        "P1", "P2", "P3", "P4", "P5", "P6",
    ], StringComparer.Ordinal);

    /// <summary>Repeat-service modifiers: a second line of the same code with one of these is not a duplicate (FACTS.md §2.1, 76/77/91).</summary>
    public FrozenSet<string> RepeatModifiers { get; init; } = FrozenSet.ToFrozenSet(["76", "77", "91"], StringComparer.Ordinal);

    /// <summary>Global periods whose procedure includes a same-day E/M unless the E/M has 25 (minor procedures: 000, 010).</summary>
    public FrozenSet<GlobalPeriod> Modifier25GlobalPeriods { get; init; } = FrozenSet.ToFrozenSet([GlobalPeriod.Days0, GlobalPeriod.Days10]);

    public EditSeverity DuplicateLineSeverity { get; init; } = EditSeverity.Warning;
}
