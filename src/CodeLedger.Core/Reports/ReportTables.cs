using System.Globalization;

namespace CodeLedger.Core.Reports;

/// <summary>One section's table for CSV and HTML: a name (the CSV's file name without .csv), its columns and its rows, every cell already text.</summary>
public sealed record ReportTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>
/// The figures as tables (docs/REPORTS.md lists each table's columns). Cells are invariant-culture
/// text: decimals as rounded, an empty cell for a figure that does not exist (no visits, no
/// benchmark), never "NaN". The renderer writes them as CSV and HTML without reformatting.
/// </summary>
public static class ReportTables
{
    public static IReadOnlyList<ReportTable> From(MonthlyFigures f) =>
    [
        new("executive-summary", ["commitment_key", "commitment", "measured", "status", "detail"],
            [.. f.ExecutiveSummary.Select(l => Row(l.Key, l.Commitment, l.Measured, Status(l.Status), l.Detail))]),
        new("em-distribution", ["npi", "physician", "specialty", "patient_type", "code", "count", "share", "benchmark_share", "prior_12_months_count", "prior_12_months_share", "unit_dollars"],
            [.. f.EmDistribution.SelectMany(p => new[] { p.New, p.Established }.SelectMany(t => t.Levels.Select(l =>
                Row(p.Npi, p.Name, p.Specialty, EmLevels.Token(t.PatientType), l.Code, N(l.Count), D(l.Share), D(l.BenchmarkShare), N(l.PriorCount), D(l.PriorShare), D(l.UnitDollars)))))]),
        new("em-tests", ["npi", "physician", "specialty", "patient_type", "visits", "prior_12_months_visits", "benchmark", "chi_square", "df", "p_value", "flagged", "test", "vs_prior_p_value", "shift", "revenue_difference", "revenue_note", "deleted_99201"],
            [.. f.EmDistribution.SelectMany(p => new[] { p.New, p.Established }.Select(t =>
                Row(p.Npi, p.Name, p.Specialty, EmLevels.Token(t.PatientType), N(t.Visits), N(t.PriorVisits), t.Benchmark, D(t.VsBenchmark?.Statistic), t.VsBenchmark?.DegreesOfFreedom?.ToString(CultureInfo.InvariantCulture),
                    D(t.VsBenchmark?.PValue), t.Flagged ? "yes" : "no", t.VsBenchmark?.Statement, D(t.VsPriorTwelveMonths?.PValue), t.Shift, D(t.RevenueDifference), t.Revenue, N(p.Deleted99201))))]),
        new("turnaround", ["month", "count", "mean_hours", "median_hours", "p90_hours", "min_hours", "max_hours", "within_target", "compliance_percent", "threshold_percent", "in_breach", "breaches", "service_credit"],
            [.. new[] { new TurnaroundMonth(f.Month, f.Turnaround.Report) }.Concat(f.Turnaround.Previous).Select(m => m.Report is { } r
                ? Row(m.Month, N(r.Count), D(r.MeanHours), D(r.MedianHours), D(r.P90Hours), D(r.MinHours), D(r.MaxHours), N(r.WithinTarget), D(r.CompliancePercent), D(r.ComplianceThresholdPercent), r.InBreach ? "yes" : "no", N(r.Breaches.Count), r.ServiceCredit.ToString())
                : Row(m.Month, null, null, null, null, null, null, null, null, null, null, null, null))]),
        new("turnaround-histogram", ["bin", "from_hours", "to_hours", "count"],
            [.. f.Turnaround.Histogram.Select(b => Row(b.Label, D(b.FromHours), D(b.ToHours), N(b.Count)))]),
        new("queries", ["npi", "physician", "raised", "answered_within_window", "unresolved", "open_at_month_end", "resolution_rate", "median_response_hours", "categories"],
            [.. f.Queries.Physicians.Append(f.Queries.Total).Select(q => Row(q.Npi, q.Name, N(q.Raised), N(q.AnsweredWithinWindow), N(q.Unresolved), N(q.OpenAtMonthEnd), D(q.ResolutionRate), D(q.MedianResponseHours),
                string.Join("; ", q.Categories.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Category} {c.Count}"))))) ]),
        new("query-feedback", ["npi", "physician", "category", "count", "element", "advice"],
            [.. f.Queries.FeedbackSheets.SelectMany(s => s.Lines.SelectMany(l => l.Elements.Select(e => Row(s.Npi, s.Name, l.Category, N(l.Count), e.Element, e.Advice))))]),
        new("audit", ["audited", "statement", "plan", "sampled", "audited_encounters", "encounter_accuracy", "lower", "upper", "code_accuracy", "dollar_accuracy", "floor", "undercoding", "overcoding", "net", "projected_net"],
            [Row(f.Audit.Audited ? "yes" : "no", f.Audit.Statement, f.Audit.Plan, f.Audit.Sampled?.ToString(CultureInfo.InvariantCulture), f.Audit.AuditedEncounters?.ToString(CultureInfo.InvariantCulture),
                D(f.Audit.EncounterAccuracy?.Point), D(f.Audit.EncounterAccuracy?.Lower), D(f.Audit.EncounterAccuracy?.Upper), D(f.Audit.CodeAccuracy?.Point), D(f.Audit.DollarAccuracy), f.Audit.FloorStatement,
                D(f.Audit.Undercoding), D(f.Audit.Overcoding), D(f.Audit.NetDollars), D(f.Audit.ProjectedNet))]),
        new("audit-components", ["component", "accuracy", "lower", "upper", "right", "audited"],
            [.. f.Audit.Components.Select(c => Row(c.Component, D(c.Accuracy.Point), D(c.Accuracy.Lower), D(c.Accuracy.Upper), N(c.Accuracy.Successes), N(c.Accuracy.Trials)))]),
        new("audit-error-categories", ["category", "findings"], [.. f.Audit.ErrorCategories.Select(c => Row(c.Category, N(c.Findings)))]),
        new("denials", ["submitted_claims", "clean_claim_rate", "adjudicated_claims", "adjudicated_charges", "denied_claims", "denied_dollars", "claim_denial_rate", "dollar_denial_rate", "duplicate_claims", "duplicate_dollars", "first_pass_rate"],
            f.Denials is { } d
                ? [Row(N(d.SubmittedClaims), D(d.CleanClaimRate), N(d.AdjudicatedClaims), D(d.AdjudicatedCharges), N(d.DeniedClaims), D(d.DeniedDollars), D(d.ClaimDenialRate), D(d.DollarDenialRate),
                    N(d.DuplicateClaims), D(d.DuplicateDollars), D(d.FirstPassRate))]
                : []),
        new("denials-by-cause", ["dimension", "key", "claims", "dollars"],
            f.Denials is { } c
                ? [.. c.ByRootCause.Select(x => Row("root cause", x.Key, N(x.Claims), D(x.Dollars))), .. c.ByCarc.Select(x => Row("CARC", x.Key, N(x.Claims), D(x.Dollars))),
                    .. c.ByRarc.Select(x => Row("RARC", x.Key, N(x.Claims), D(x.Dollars)))]
                : []),
        new("code-set-compliance", ["release", "kind", "effective_date", "encounters", "encounters_with_inactive_codes", "inactive_codes", "new_codes_in_use", "coders", "trained_before", "trained_late", "not_trained"],
            [.. f.CodeSetCompliance.Select(c => Row(c.Release, c.Kind, c.EffectiveDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), N(c.Encounters), N(c.EncountersWithInactiveCodes),
                string.Join("; ", c.InactiveCodes.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.Code} {i.Encounters}"))), c.NewCodesInUse?.ToString(CultureInfo.InvariantCulture),
                N(c.CodersCoding), N(c.CodersTrainedBefore), N(c.CodersTrainedLate), N(c.CodersNotTrained)))]),
    ];

    public static string Status(CommitmentStatus status) => status switch
    {
        CommitmentStatus.Met => "met",
        CommitmentStatus.NotMet => "not met",
        CommitmentStatus.NotDemonstrated => "not demonstrated",
        _ => "no data",
    };

    private static IReadOnlyList<string> Row(params string?[] cells) => [.. cells.Select(c => c ?? string.Empty)];

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? D(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
}
