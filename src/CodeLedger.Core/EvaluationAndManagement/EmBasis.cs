namespace CodeLedger.Core.EvaluationAndManagement;

public enum EmBasis
{
    Mdm,
    Time,
}
