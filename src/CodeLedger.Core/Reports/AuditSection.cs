using CodeLedger.Core.Audits;

namespace CodeLedger.Core.Reports;

/// <summary>A share with its Wilson 95% interval, 4 decimals each; null point when nothing was audited.</summary>
public sealed record ShareWithInterval(int Successes, int Trials, decimal? Point, decimal Lower, decimal Upper)
{
    public static ShareWithInterval From(Proportion p) => new(p.Successes, p.Trials, p.Trials == 0 ? null : R(p.Point), R(p.Lower), R(p.Upper));

    private static decimal R(double v) => decimal.Round((decimal)v, 4, MidpointRounding.AwayFromZero);
}

/// <summary>An accuracy by component (E/M level, procedures, diagnoses...).</summary>
public sealed record ComponentFigure(string Component, ShareWithInterval Accuracy);

/// <summary>Findings of one error category.</summary>
public sealed record ErrorCategoryCount(string Category, int Findings);

/// <summary>
/// Section 5: the audit in the period, from its <see cref="AuditReport"/> (the final figures: reversed
/// findings withdrawn), or "no audit this period".
/// </summary>
public sealed record AuditSectionFigures(
    bool Audited,
    string Statement,
    string? Plan,
    int? Sampled,
    int? AuditedEncounters,
    ShareWithInterval? EncounterAccuracy,
    ShareWithInterval? CodeAccuracy,
    decimal? DollarAccuracy,
    string? FloorStatement,
    IReadOnlyList<ComponentFigure> Components,
    IReadOnlyList<ErrorCategoryCount> ErrorCategories,
    decimal? Undercoding,
    decimal? Overcoding,
    decimal? NetDollars,
    decimal? ProjectedNet);

public static class AuditSection
{
    public const string NoAudit = "no audit this period";

    public static AuditSectionFigures Build(AuditReport? report)
    {
        if (report is null)
        {
            return new AuditSectionFigures(false, NoAudit, null, null, null, null, null, null, null, [], [], null, null, null, null);
        }

        var set = report.Figures.Final;
        var audited = report.Figures.Audited;
        return new AuditSectionFigures(
            true,
            audited == 0 ? "the audit in the period has no encounter audited yet" : $"{set.Label}: {report.Figures.Validity}",
            report.Plan,
            report.Figures.Sampled,
            audited,
            ShareWithInterval.From(set.EncounterAccuracy),
            ShareWithInterval.From(set.CodeAccuracy),
            audited == 0 || double.IsNaN(set.DollarAccuracy) ? null : decimal.Round((decimal)set.DollarAccuracy, 4, MidpointRounding.AwayFromZero),
            set.FloorStatement,
            [.. set.Components.Select(c => new ComponentFigure(c.Key, ShareWithInterval.From(c.Accuracy)))],
            [.. set.FindingsByCategory.OrderBy(kv => kv.Key).Select(kv => new ErrorCategoryCount(kv.Key.ToString(), kv.Value))],
            set.Dollars.Undercoding,
            set.Dollars.Overcoding,
            set.Dollars.Net,
            set.Dollars.ProjectedNet);
    }
}
