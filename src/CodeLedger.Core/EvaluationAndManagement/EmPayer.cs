namespace CodeLedger.Core.EvaluationAndManagement;

/// <summary>Whose prolonged-service rule applies: CPT 99417 or Medicare G2212 (FACTS.md §1.4).</summary>
public enum EmPayer
{
    Cpt,
    Medicare,
}
