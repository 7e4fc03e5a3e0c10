using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Encounters;

/// <summary>
/// One visit to be coded. The turnaround clock starts when documentation is complete (or when
/// the vendor received the encounter, if later); <see cref="ExternalId"/> is the practice's own
/// identifier, unique per practice, which makes re-imports idempotent.
/// </summary>
public sealed class Encounter
{
    private Encounter()
    {
        ExternalId = string.Empty;
        Patient = null!;
        DocumentationText = string.Empty;
    }

    public Encounter(
        Guid id, Guid practiceId, Guid physicianId, string externalId, PatientDemographics patient,
        DateOnly dateOfService, PlaceOfService placeOfService, Specialty specialty,
        string documentationText, DateTimeOffset documentationCompletedAt, DateTimeOffset receivedAt)
    {
        var visitStart = new DateTimeOffset(dateOfService.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-1);
        if (documentationCompletedAt < visitStart)
        {
            throw new DomainException(EncounterErrors.DocumentationBeforeVisit, $"documentation completed at {Instants.Format(documentationCompletedAt)}, before the date of service {dateOfService:yyyy-MM-dd}");
        }

        Id = id;
        PracticeId = practiceId;
        PhysicianId = physicianId;
        ExternalId = Guard.Text(externalId, "encounter external id", 100);
        Patient = patient;
        DateOfService = dateOfService;
        PlaceOfService = placeOfService;
        Specialty = specialty;
        DocumentationText = Guard.Text(documentationText, "documentation text", 200_000);
        DocumentationCompletedAt = Instants.Normalize(documentationCompletedAt);
        ReceivedAt = Instants.Normalize(receivedAt);
    }

    public Guid Id { get; private set; }

    public Guid PracticeId { get; private set; }

    public Guid PhysicianId { get; private set; }

    public string ExternalId { get; private set; }

    public PatientDemographics Patient { get; private set; }

    public DateOnly DateOfService { get; private set; }

    public PlaceOfService PlaceOfService { get; private set; }

    public Specialty Specialty { get; private set; }

    public string DocumentationText { get; private set; }

    public DateTimeOffset DocumentationCompletedAt { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>A corrected note replaces the current documentation; the earlier text stays in its documentation version.</summary>
    public void CorrectDocumentation(string documentationText, DateTimeOffset completedAt)
    {
        DocumentationText = Guard.Text(documentationText, "documentation text", 200_000);
        DocumentationCompletedAt = Instants.Normalize(completedAt);
    }

    /// <summary>When the turnaround clock starts: documentation complete, or receipt if that came later.</summary>
    /// <summary>
    /// Replaces the demographics with corrected ones and names the fields that changed (empty when
    /// none did). A correction applies even after finalization: the claim carries the patient.
    /// </summary>
    public IReadOnlyList<string> CorrectPatient(PatientDemographics corrected)
    {
        var changed = new List<string>();
        if (Patient.FamilyName != corrected.FamilyName)
        {
            changed.Add("familyName");
        }

        if (Patient.GivenName != corrected.GivenName)
        {
            changed.Add("givenName");
        }

        if (Patient.BirthDate != corrected.BirthDate)
        {
            changed.Add("birthDate");
        }

        if (Patient.Sex != corrected.Sex)
        {
            changed.Add("sex");
        }

        if (Patient.MemberId != corrected.MemberId)
        {
            changed.Add("memberId");
        }

        if (changed.Count > 0)
        {
            Patient = corrected;
        }

        return changed;
    }

    public DateTimeOffset ClockStart => DocumentationCompletedAt > ReceivedAt ? DocumentationCompletedAt : ReceivedAt;
}
