using CodeLedger.X12.Envelope;

namespace CodeLedger.X12.Claims837;

/// <summary>
/// Loop 2400: LX line number; SV1 with the SV101 composite (qualifier HC, procedure, up to four
/// modifiers, description), SV102 charge, SV103 unit basis (UN units, MJ minutes), SV104 units,
/// SV105 place of service when it differs from the claim's, SV107 up to four diagnosis pointers;
/// DTP*472 service date (D8) or range (RD8); REF*G1 line prior authorization; REF*6R the line item
/// control number (the provider's id for the line, which the payer echoes in the 835's loop 2110 and
/// the 277CA's REF*FJ); 2420A rendering.
/// </summary>
public readonly record struct ServiceLine837(
    int LineNumber,
    string Qualifier,
    string ProcedureCode,
    EquatableArray<string> Modifiers,
    string? Description,
    decimal Charge,
    string UnitBasis,
    decimal Units,
    string? PlaceOfService,
    EquatableArray<int> DiagnosisPointers,
    DateOnly ServiceFrom,
    DateOnly? ServiceTo,
    string? PriorAuthorization = null,
    X12Name? Rendering = null,
    string? LineItemControlNumber = null);
