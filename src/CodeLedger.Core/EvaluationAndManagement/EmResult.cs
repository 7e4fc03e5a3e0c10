namespace CodeLedger.Core.EvaluationAndManagement;

/// <summary>The supported office visit code, by MDM and by time, and the prolonged-service units time adds.</summary>
public sealed record EmResult(
    MdmLevel Mdm,
    string ByMdm,
    string? ByTime,
    string Code,
    EmBasis Basis,
    string? ProlongedCode,
    int ProlongedUnits);
