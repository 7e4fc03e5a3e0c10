namespace CodeLedger.Core.EvaluationAndManagement;

/// <summary>
/// The kinds of problem addressed in the AMA 2021 MDM table (2023 wording), FACTS.md §1.2
/// element 1. The level each gives is in <see cref="EmLeveler"/>.
/// </summary>
public enum ProblemKind
{
    SelfLimited,
    StableChronic,
    AcuteUncomplicated,
    StableAcute,
    AcuteUncomplicatedInpatient,
    ChronicExacerbation,
    UndiagnosedUncertain,
    AcuteSystemic,
    AcuteComplicatedInjury,
    ChronicSevereExacerbation,
    ThreatToLife,
}
