using CodeLedger.Core.Billing;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Encounters;

namespace CodeLedger.Core.Intake;

/// <summary>
/// One encounter as the practice's export describes it, before it is matched to a physician and
/// stored. <see cref="Location"/> says where in the file it came from, for error messages.
/// <see cref="Coverage"/> and <see cref="PatientAddress"/> are null when the file gives none
/// (docs/INTAKE.md, "Coverage").
/// </summary>
public sealed record EncounterSubmission(
    string Location,
    string ExternalId,
    Npi PhysicianNpi,
    PatientDemographics Patient,
    DateOnly DateOfService,
    PlaceOfService PlaceOfService,
    string DocumentationText,
    DateTimeOffset DocumentationCompletedAt,
    ClaimCoverage? Coverage = null,
    BillingAddress? PatientAddress = null);
