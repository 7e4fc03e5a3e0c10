using CodeLedger.X12.Envelope;

namespace CodeLedger.X12.Remittance835;

/// <summary>
/// Loop 2100: CLP01 patient control number (echoes CLM01), CLP02 status (1, 2, 3 processed as
/// primary/secondary/tertiary, 4 denied, 19–23, 25), CLP03 charge, CLP04 paid, CLP05 patient
/// responsibility, CLP06 filing indicator, CLP07 the payer's claim control number; claim-level
/// CAS, the patient (NM1*QC), dates, amounts, and the 2110 service lines.
/// </summary>
public sealed record ClaimPayment835(
    string PatientControlNumber,
    string Status,
    decimal TotalCharge,
    decimal Paid,
    decimal? PatientResponsibility,
    string? FilingIndicator,
    string? PayerClaimControlNumber,
    X12Name? Patient,
    EquatableArray<Adjustment835> Adjustments,
    EquatableArray<DateReference835> Dates,
    EquatableArray<Amount835> Amounts,
    EquatableArray<ServicePayment835> Services);
