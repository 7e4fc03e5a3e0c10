using System.Collections.Immutable;

namespace CodeLedger.Core.EvaluationAndManagement;

/// <summary>The documented elements of one office or outpatient visit that choose its level.</summary>
/// <param name="TotalMinutes">Total practitioner time on the date of the visit, or null when not documented.</param>
public sealed record EmInput(
    PatientType Patient,
    ImmutableArray<ProblemKind> Problems,
    EmData Data,
    RiskLevel Risk,
    int? TotalMinutes,
    EmPayer Payer = EmPayer.Cpt);
