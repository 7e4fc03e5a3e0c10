using CodeLedger.Core.Audits;
using CodeLedger.Core.Codes;
using CodeLedger.Core.CodeSets;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Queries;
using CodeLedger.Core.Training;
using CodeLedger.Core.Turnaround;

namespace CodeLedger.Core.Reports;

/// <summary>A physician as the report names them: NPI, name (a provider, not a patient: not PHI) and the specialty benchmarks are keyed by.</summary>
public sealed record ReportPhysician(Npi Npi, string Name, Specialty? Specialty);

/// <summary>
/// One finalized encounter, as Storage reads it from the tables or the replay rebuilds it from the
/// ledger. Nothing in it is PHI: ids, dates, codes.
/// </summary>
/// <param name="FinalizedOn">The day its coding was finalized, in the contract's (or practice's) time zone: the month it belongs to.</param>
/// <param name="EmCode">The office E/M code of the finalized coding, if any.</param>
/// <param name="Diagnoses">ICD-10-CM codes of the finalized coding.</param>
/// <param name="Procedures">CPT/HCPCS codes of the finalized coding's service lines (the E/M code among them).</param>
/// <param name="CoderId">The coder who finalized it; null for encounters coded outside CodeLedger (imported claims).</param>
/// <param name="Turnaround">Its turnaround as <see cref="SlaMonthMeasure"/> measured it; null when it was not measured.</param>
public sealed record ReportEncounter(
    Guid EncounterId,
    ReportPhysician Physician,
    DateOnly DateOfService,
    DateOnly FinalizedOn,
    string? EmCode,
    IReadOnlyList<string> Diagnoses,
    IReadOnlyList<string> Procedures,
    Guid? CoderId,
    TurnaroundSample? Turnaround);

/// <summary>One documentation query: who it asked, what about, when, and how it stands now (the report reads it as of the month's end).</summary>
public sealed record ReportQuery(
    Guid QueryId,
    ReportPhysician Physician,
    QueryCategory Category,
    DateTimeOffset RaisedAt,
    DateTimeOffset DueAt,
    QueryStatus Status,
    DateTimeOffset? ClosedAt)
{
    /// <summary>A stored query as the report reads it: its question, choices and answer (PHI-bearing) are not carried.</summary>
    public static ReportQuery From(DocumentationQuery query, ReportPhysician physician) =>
        new(query.Id, physician, query.Category, query.RaisedAt, query.DueAt, query.Status, query.ClosedAt);
}

/// <summary>
/// Everything a month's figures are computed from (docs/REPORTS.md, "How Storage uses this").
/// <see cref="Encounters"/> covers the month and the twelve before it (the E/M comparison and the
/// turnaround history read them); rows outside are ignored.
/// </summary>
/// <param name="Practice">The practice's code.</param>
/// <param name="Vendor">The vendor's code when the figures are of one contract; null otherwise.</param>
/// <param name="TimeZoneId">IANA zone the month is read in (the contract's); queries are placed in months by it.</param>
/// <param name="Contract">The contract in force in the month, or null when there is none.</param>
/// <param name="Audit">The latest audit report of the practice whose period ends in the month, or null.</param>
/// <param name="Pricing">RVUs and conversion factors for the informational revenue difference; null leaves it out.</param>
/// <param name="Denials">The month's denial figures (Core/Denials/DenialMonth) when the practice bills through CodeLedger (<see cref="MonthlyDenials.Billed"/>), else null.</param>
/// <param name="AdditionalCommitments">Lines another section adds to the executive summary (denials, next round).</param>
public sealed record MonthlyInput(
    string Practice,
    string? Vendor,
    SlaMonth Month,
    string TimeZoneId,
    SlaContract? Contract,
    IReadOnlyList<ReportEncounter> Encounters,
    IReadOnlyList<ReportQuery> Queries,
    CodeSetLibrary CodeSets,
    IReadOnlyList<TrainingRecord> Training,
    AuditReport? Audit,
    EmBenchmarkTable Benchmarks,
    IAuditPricing? Pricing,
    IReadOnlyList<CommitmentLine>? AdditionalCommitments = null,
    Denials.DenialMonthReport? Denials = null);
