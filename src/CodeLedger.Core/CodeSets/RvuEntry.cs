namespace CodeLedger.Core.CodeSets;

/// <summary>
/// One row of the physician fee schedule relative value file (PPRRVU): a code, optionally with a
/// payment modifier (26, TC, 53), its status indicator, RVUs and global period, and the
/// conversion factor the row carries (the file's CONV FACTOR column; null when the file has none).
/// </summary>
public sealed record RvuEntry(
    string Code,
    string Modifier,
    char Status,
    decimal WorkRvu,
    decimal NonFacilityPracticeExpenseRvu,
    decimal FacilityPracticeExpenseRvu,
    decimal MalpracticeRvu,
    GlobalPeriod GlobalPeriod,
    string GlobalDays,
    string Description,
    decimal? ConversionFactor = null);
