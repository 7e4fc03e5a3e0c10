using System.Globalization;
using CodeLedger.Core.Audits;
using CodeLedger.Core.Contracts;

namespace CodeLedger.Core.Reports;

/// <summary>Where a commitment stands for the month.</summary>
public enum CommitmentStatus
{
    Met,
    NotMet,

    /// <summary>Measured, but the evidence neither shows it met nor missed (an audit interval that straddles the floor).</summary>
    NotDemonstrated,

    /// <summary>Nothing to measure: no contract, no audit, no encounter or no query due.</summary>
    NoData,
}

/// <summary>One line of the executive summary: a commitment, its measured value and its status.</summary>
/// <param name="Key">Stable key: accuracy-floor, turnaround-target, query-window (and, next round, denials).</param>
public sealed record CommitmentLine(string Key, string Commitment, string Measured, CommitmentStatus Status, string Detail);

/// <summary>
/// Section 7, shown first: each contract commitment with its measured value. The accuracy floor is
/// judged on the latest audit in the period by <see cref="AuditScorer.Floor"/> against the contract's
/// floor (met when the interval's lower bound reaches it, not met when its upper bound is below it,
/// not demonstrated between); the turnaround target by the SLA month's breach verdict; the query
/// window by whether every query due in the month was answered within it. Other sections add lines
/// through <see cref="MonthlyInput.AdditionalCommitments"/> (the denials section, next round).
/// </summary>
public static class ExecutiveSummary
{
    public static IReadOnlyList<CommitmentLine> Build(SlaContract? contract, AuditSectionFigures audit, AuditReport? auditReport, TurnaroundFigures turnaround, QueryFigures queries, IReadOnlyList<CommitmentLine>? more)
    {
        var lines = new List<CommitmentLine> { Accuracy(contract, auditReport), Turnaround(contract, turnaround), QueryWindow(contract, queries) };
        lines.AddRange(more ?? []);
        return lines;
    }

    private static CommitmentLine Accuracy(SlaContract? contract, AuditReport? report)
    {
        if (contract is null)
        {
            return new("accuracy-floor", "accuracy floor: no contract", "—", CommitmentStatus.NoData, "no SLA contract in force in the month");
        }

        var commitment = string.Create(CultureInfo.InvariantCulture, $"encounter-level accuracy at least {contract.AccuracyFloorPercent:0.##}%");
        if (report is null || report.Figures.Audited == 0)
        {
            return new("accuracy-floor", commitment, "—", CommitmentStatus.NoData, report is null ? AuditSection.NoAudit : "the audit in the period has no encounter audited yet");
        }

        var accuracy = report.Figures.Final.EncounterAccuracy;
        var (verdict, statement) = AuditScorer.Floor(accuracy, contract.AccuracyFloorPercent / 100m);
        var status = verdict switch
        {
            FloorVerdict.Demonstrated => CommitmentStatus.Met,
            FloorVerdict.Missed => CommitmentStatus.NotMet,
            _ => CommitmentStatus.NotDemonstrated,
        };
        var measured = $"{AuditScorer.Percent(accuracy.Point)} (95% CI {AuditScorer.Percent(accuracy.Lower)}–{AuditScorer.Percent(accuracy.Upper)}, {accuracy.Successes} of {accuracy.Trials})";
        return new("accuracy-floor", commitment, measured, status, statement);
    }

    private static CommitmentLine Turnaround(SlaContract? contract, TurnaroundFigures figures)
    {
        if (contract is null || figures.Report is null)
        {
            return new("turnaround-target", "turnaround target: no contract", "—", CommitmentStatus.NoData, figures.Statement);
        }

        var r = figures.Report;
        var commitment = string.Create(CultureInfo.InvariantCulture, $"at least {r.ComplianceThresholdPercent:0.##}% of encounters within {r.TargetHours} h ({r.Clock})");
        if (r.Count == 0)
        {
            return new("turnaround-target", commitment, "—", CommitmentStatus.NoData, figures.Statement);
        }

        var measured = string.Create(CultureInfo.InvariantCulture, $"{r.CompliancePercent:0.00}% ({r.WithinTarget} of {r.Count})");
        return new("turnaround-target", commitment, measured, r.InBreach ? CommitmentStatus.NotMet : CommitmentStatus.Met, figures.Statement);
    }

    private static CommitmentLine QueryWindow(SlaContract? contract, QueryFigures figures)
    {
        if (contract is null)
        {
            return new("query-window", "query response window: no contract", "—", CommitmentStatus.NoData, "no SLA contract in force in the month");
        }

        var commitment = string.Create(CultureInfo.InvariantCulture, $"queries answered within {contract.QueryResponseWindowHours} h");
        var t = figures.Total;
        var closed = t.AnsweredWithinWindow + t.Unresolved;
        if (closed == 0)
        {
            return new("query-window", commitment, "—", CommitmentStatus.NoData,
                t.Raised == 0 ? "no query raised in the month" : $"{t.Raised} queries raised, none answered or past its window by the month's end");
        }

        var measured = string.Create(CultureInfo.InvariantCulture, $"{t.ResolutionRate * 100:0.0}% ({t.AnsweredWithinWindow} of {closed})");
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"{t.AnsweredWithinWindow} answered within the window, {t.Unresolved} unanswered when it closed, {t.OpenAtMonthEnd} still open at the month's end");
        return new("query-window", commitment, measured, t.Unresolved == 0 ? CommitmentStatus.Met : CommitmentStatus.NotMet, detail);
    }
}
