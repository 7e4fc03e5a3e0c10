namespace CodeLedger.Core.EvaluationAndManagement;

/// <summary>Level of medical decision making; the value is the last digit of the office visit code it supports.</summary>
public enum MdmLevel
{
    Straightforward = 2,
    Low = 3,
    Moderate = 4,
    High = 5,
}
