namespace CodeLedger.X12.Remittance835;

/// <summary>
/// Loop 2110: SVC01 the adjudicated procedure (qualifier, code, modifiers), SVC02 charge, SVC03
/// paid, SVC04 revenue code, SVC05 units paid, and SVC06/SVC07 the procedure and units as
/// submitted when the payer changed them (bundled or re-coded); its dates, CAS, AMT and LQ; REF*6R,
/// the line item control number the provider sent in the 837P's loop 2400, echoed by the payer.
/// </summary>
public sealed record ServicePayment835(
    string Qualifier,
    string ProcedureCode,
    EquatableArray<string> Modifiers,
    decimal Charge,
    decimal Paid,
    string? RevenueCode,
    decimal? UnitsPaid,
    string? OriginalQualifier,
    string? OriginalProcedureCode,
    EquatableArray<string> OriginalModifiers,
    decimal? OriginalUnits,
    EquatableArray<DateReference835> Dates,
    EquatableArray<Adjustment835> Adjustments,
    EquatableArray<Amount835> Amounts,
    EquatableArray<Remark835> Remarks,
    string? LineItemControlNumber = null);
