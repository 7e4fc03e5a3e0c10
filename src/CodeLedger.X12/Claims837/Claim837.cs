using CodeLedger.X12.Envelope;

namespace CodeLedger.X12.Claims837;

/// <summary>
/// Loop 2300 with the parties it belongs to. CLM01 patient control number, CLM02 total charge,
/// CLM05 place of service and frequency (1 original, 7 replacement, 8 void), CLM06–CLM09
/// signature, assignment, benefits and release indicators; REF*G1 prior authorization, REF*F8 the
/// payer's claim control number for corrections; HI diagnoses (up to 12); 2310A referring
/// (NM1*DN) and 2310B rendering (NM1*82) providers; the 2400 service lines.
/// </summary>
public sealed record Claim837(
    BillingProvider837 BillingProvider,
    Subscriber837 Subscriber,
    Patient837? Patient,
    string PatientControlNumber,
    decimal TotalCharge,
    string PlaceOfService,
    string FrequencyCode,
    string? ProviderSignature,
    string? Assignment,
    string? BenefitsAssignment,
    string? ReleaseOfInformation,
    string? PriorAuthorization,
    string? PayerClaimControlNumber,
    EquatableArray<Diagnosis837> Diagnoses,
    X12Name? Referring,
    X12Name? Rendering,
    EquatableArray<ServiceLine837> Lines);
