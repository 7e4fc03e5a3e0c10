namespace CodeLedger.Core.EvaluationAndManagement;

/// <summary>Risk of complications, morbidity or mortality of patient management (MDM element 3, FACTS.md §1.2).</summary>
public enum RiskLevel
{
    Minimal,
    Low,
    Moderate,
    High,
}
