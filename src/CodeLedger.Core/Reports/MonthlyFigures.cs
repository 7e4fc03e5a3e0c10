using CodeLedger.Core.Common;
using CodeLedger.Core.Turnaround;

namespace CodeLedger.Core.Reports;

/// <summary>
/// Every figure of a practice's monthly package, in the order the package shows them (executive
/// summary first). Immutable and computed from <see cref="MonthlyInput"/> alone, so the figures the
/// package wrote and those `report verify` recomputes from the replayed ledger serialize to the same
/// bytes (<see cref="MonthlyFiguresJson"/>). Section 4 (denials) is added by the denials work.
/// </summary>
public sealed record MonthlyFigures(
    string Practice,
    string? Vendor,
    string Month,
    int Encounters,
    IReadOnlyList<CommitmentLine> ExecutiveSummary,
    IReadOnlyList<PhysicianEmDistribution> EmDistribution,
    TurnaroundFigures Turnaround,
    QueryFigures Queries,
    AuditSectionFigures Audit,
    IReadOnlyList<ReleaseCompliance> CodeSetCompliance,
    Denials.DenialMonthReport? Denials = null)
{
    public const int FormatVersion = 1;

    /// <summary>The JSON form's version: a reader refuses a package of a version it does not know.</summary>
    public int Version => FormatVersion;
}

/// <summary>Builds a month's figures: each section from its own function, over the same input.</summary>
public static class MonthlyReport
{
    public static MonthlyFigures Build(MonthlyInput input)
    {
        if (input.Contract is { } c && !string.Equals(c.TimeZoneId, input.TimeZoneId, StringComparison.Ordinal))
        {
            throw new DomainException(ReportErrors.Input, $"the figures are read in {input.TimeZoneId} but the contract's months are in {c.TimeZoneId}");
        }

        var month = input.Month;
        var encounters = input.Encounters;
        var em = EmDistribution.Build(month, encounters, input.Benchmarks, input.Pricing);
        var turnaround = TurnaroundSection.Build(input.Contract, month, encounters);
        var queries = QuerySection.Build(month, input.TimeZoneId, input.Queries, input.Contract?.QueryResponseWindowHours ?? 0);
        var audit = AuditSection.Build(input.Audit);
        var compliance = CodeSetCompliance.Build(month, input.CodeSets, encounters, input.Training);
        var summary = ExecutiveSummary.Build(input.Contract, audit, input.Audit, turnaround, queries, input.AdditionalCommitments);
        var count = encounters.Count(e => SlaMonth.Of(e.FinalizedOn) == month);
        return new MonthlyFigures(input.Practice, input.Vendor, month.ToString(), count, summary, em, turnaround, queries, audit, compliance, input.Denials);
    }
}
