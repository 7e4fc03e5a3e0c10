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

        // Each section is a pure function of the input and reads nothing of another's, and a month of
        // a million encounters is a pass over them per section: E/M and code-set compliance (the two
        // longest) run on other threads while this one does the rest. The figures are the same in any
        // order; the first section to fail is the caller's exception, after every section has ended.
        var emRun = Task.Run(() => EmDistribution.Build(month, encounters, input.Benchmarks, input.Pricing));
        var complianceRun = Task.Run(() => CodeSetCompliance.Build(month, input.CodeSets, encounters, input.Training));
        TurnaroundFigures turnaround;
        QueryFigures queries;
        int count;
        try
        {
            turnaround = TurnaroundSection.Build(input.Contract, month, encounters);
            queries = QuerySection.Build(month, input.TimeZoneId, input.Queries, input.Contract?.QueryResponseWindowHours ?? 0);
            count = encounters.Count(e => SlaMonth.Of(e.FinalizedOn) == month);
        }
        finally
        {
            Task.WhenAll(emRun, complianceRun).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing).GetAwaiter().GetResult();
        }

        var em = emRun.GetAwaiter().GetResult();
        var compliance = complianceRun.GetAwaiter().GetResult();
        var audit = AuditSection.Build(input.Audit);
        var summary = ExecutiveSummary.Build(input.Contract, audit, input.Audit, turnaround, queries, input.AdditionalCommitments);
        return new MonthlyFigures(input.Practice, input.Vendor, month.ToString(), count, summary, em, turnaround, queries, audit, compliance, input.Denials);
    }
}
