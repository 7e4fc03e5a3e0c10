using CodeLedger.Core.Common;

namespace CodeLedger.Core.Reports;

/// <summary>Errors of the monthly package's figures. Listed with their statuses in docs/ERRORS.md.</summary>
public static class ReportErrors
{
    /// <summary>An E/M benchmark file that cannot be used: a missing column, a bad field, a duplicate level, shares that do not sum to 1.</summary>
    public static readonly ErrorCode Benchmarks = new("REPORT-BENCHMARKS", ErrorExit.Unreadable, Http.BadRequest);

    /// <summary>The figures' input is inconsistent: a row of another practice, a month outside the input's range.</summary>
    public static readonly ErrorCode Input = new("REPORT-INPUT", ErrorExit.Refused, Http.UnprocessableContent);

    /// <summary>`report verify`: a figure of package.json differs from the one recomputed from the ledger replayed up to the package's range.</summary>
    public static readonly ErrorCode FigureDiffers = new("REPORT-FIGURE-DIFFERS", ErrorExit.Refused, Http.Conflict);
}
