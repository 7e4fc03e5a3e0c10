namespace CodeLedger.Core.EvaluationAndManagement;

/// <summary>New (no professional service from the physician or same-specialty group member in 3 years) or established; FACTS.md §1.1.</summary>
public enum PatientType
{
    New,
    Established,
}
