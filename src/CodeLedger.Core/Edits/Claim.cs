using System.Collections.Immutable;
using CodeLedger.Core.Codes;
using CodeLedger.Core.EvaluationAndManagement;

namespace CodeLedger.Core.Edits;

/// <summary>
/// A professional claim as the edit engine sees it: one date of service, one rendering provider,
/// up to 12 diagnoses and the service lines. Parsed once when built, so the engine does no text
/// work on the hot path.
/// </summary>
/// <param name="EmDocumentation">Documented MDM elements and time of the encounter, when known; drives EM-LEVEL-SUPPORT.</param>
public sealed record Claim(
    string Id,
    DateOnly DateOfService,
    string PlaceOfService,
    string RenderingNpiText,
    Npi? RenderingNpi,
    DateOnly? PatientBirthDate,
    char PatientSex,
    ImmutableArray<ClaimDiagnosis> Diagnoses,
    ImmutableArray<ClaimLine> Lines,
    EmInput? EmDocumentation = null)
{
    public const int MaxDiagnoses = 12;

    public static Claim Create(
        string id,
        DateOnly dateOfService,
        string placeOfService,
        string renderingNpi,
        DateOnly? patientBirthDate,
        char patientSex,
        IEnumerable<string> diagnoses,
        IEnumerable<ClaimLine> lines,
        EmInput? emDocumentation = null) =>
        new(
            id,
            dateOfService,
            placeOfService,
            renderingNpi,
            Npi.TryParse(renderingNpi, out var npi) ? npi : null,
            patientBirthDate,
            patientSex,
            [.. diagnoses.Where(d => !string.IsNullOrWhiteSpace(d)).Select(ClaimDiagnosis.Create)],
            [.. lines],
            emDocumentation);
}
