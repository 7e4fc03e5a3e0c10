using CodeLedger.Core.Denials;

namespace CodeLedger.Core.Reports;

/// <summary>Section 4's input, one rule for the tables and for the replayed ledger.</summary>
public static class MonthlyDenials
{
    /// <summary>
    /// The month's denial figures, or null when the practice bills nothing through CodeLedger (no
    /// claim built, adjudicated or open): the package then says so instead of showing zeros.
    /// </summary>
    public static DenialMonthReport? Billed(DenialMonthReport? report) =>
        report is null || (report.SubmittedClaims == 0 && report.AdjudicatedClaims == 0 && report.Aging.Count == 0) ? null : report;
}
