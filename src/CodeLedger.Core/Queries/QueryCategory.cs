namespace CodeLedger.Core.Queries;

/// <summary>What a documentation query asks the physician to clarify (AHIMA/ACDIS compliant query practice).</summary>
public enum QueryCategory
{
    DiagnosisSpecificity,
    Laterality,
    AcuityOrSeverity,
    EmSupport,
    ProcedureDetail,
    ConflictingDocumentation,
    MissingSignatureOrAttestation,
    MedicalNecessity,
}
