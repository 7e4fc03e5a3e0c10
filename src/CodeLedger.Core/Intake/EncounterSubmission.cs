using CodeLedger.Core.Codes;
using CodeLedger.Core.Encounters;

namespace CodeLedger.Core.Intake;

/// <summary>
/// One encounter as the practice's export describes it, before it is matched to a physician and
/// stored. <see cref="Location"/> says where in the file it came from, for error messages.
/// </summary>
public sealed record EncounterSubmission(
    string Location,
    string ExternalId,
    Npi PhysicianNpi,
    PatientDemographics Patient,
    DateOnly DateOfService,
    PlaceOfService PlaceOfService,
    string DocumentationText,
    DateTimeOffset DocumentationCompletedAt);
