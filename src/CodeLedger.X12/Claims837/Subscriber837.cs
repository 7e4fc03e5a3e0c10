using CodeLedger.X12.Envelope;

namespace CodeLedger.X12.Claims837;

/// <summary>
/// Loop 2000B with 2010BA and 2010BB: SBR01 payer responsibility (P, S, T…), SBR02 relationship (18
/// when the subscriber is the patient), SBR03 group number, SBR09 claim filing indicator, the
/// subscriber's name, address and demographics (DMG), and the payer.
/// </summary>
public sealed record Subscriber837(
    string PayerResponsibility,
    string? Relationship,
    string? GroupNumber,
    string? ClaimFilingIndicator,
    X12Name Name,
    X12Address? Address,
    DateOnly? BirthDate,
    string? Gender,
    X12Name Payer);
