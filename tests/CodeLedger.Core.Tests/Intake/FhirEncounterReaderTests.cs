using System.Text;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.Intake;
using CodeLedger.Core.Intake.Testing;
using CodeLedger.Testing;

namespace CodeLedger.Core.Tests.Intake;

public sealed class FhirEncounterReaderTests
{
    [Fact]
    public void Office_visit_bundle_gives_the_encounter_and_its_documentation()
    {
        var s = Assert.Single(FhirEncounterReader.ReadBundle(FhirBundles.OfficeVisit().ToJsonString()));

        Assert.Equal(("EHR-000123", FhirBundles.Npi, new DateOnly(2026, 3, 2), PlaceOfService.Office), (s.ExternalId, s.PhysicianNpi.Value, s.DateOfService, s.PlaceOfService));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 17, 31, 12, TimeSpan.Zero), s.DocumentationCompletedAt);
        Assert.Equal(("Garcia", "Luis", new DateOnly(1958, 7, 4), PatientSex.Male, "MBR99887766"),
            (s.Patient.FamilyName, s.Patient.GivenName, s.Patient.BirthDate, s.Patient.Sex, s.Patient.MemberId));
        Assert.StartsWith("Assessment: type 2 diabetes", s.DocumentationText, StringComparison.Ordinal);
    }

    [Fact]
    public void Real_clinical_note_survives_base64_transport()
    {
        var note = AciBenchNotes.First();
        var s = Assert.Single(FhirEncounterReader.ReadBundle(FhirBundles.OfficeVisit(note).ToJsonString()));

        Assert.Equal(note, s.DocumentationText);
    }

    [Theory]
    [InlineData("DocumentReference", "date")]
    [InlineData("Encounter", "period")]
    [InlineData("Encounter", "type")]
    [InlineData("Encounter", "identifier")]
    [InlineData("Encounter", "participant")]
    [InlineData("Patient", "birthDate")]
    [InlineData("Practitioner", "identifier")]
    public void Missing_field_is_refused_naming_resource_and_field(string resource, string field)
    {
        var json = FhirBundles.OfficeVisit().Without(resource, field);

        var e = Assert.Throws<IntakeFormatException>(() => FhirEncounterReader.ReadBundle(json));
        Assert.Equal((IntakeErrors.MissingField.Value, resource), (e.Code, e.Resource));
        Assert.StartsWith(field, e.Field, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DocumentReference")]
    [InlineData("Practitioner")]
    [InlineData("Patient")]
    public void Missing_resource_is_refused_naming_it(string resource)
    {
        var json = FhirBundles.OfficeVisit().Without(resource);

        var e = Assert.Throws<IntakeFormatException>(() => FhirEncounterReader.ReadBundle(json));
        Assert.Equal((IntakeErrors.MissingResource.Value, resource), (e.Code, e.Resource));
    }

    [Fact]
    public void Refusal_never_quotes_patient_data()
    {
        var bundle = FhirBundles.OfficeVisit();
        bundle.Resource("Patient")["birthDate"] = "Garcia-1958";

        var e = Assert.Throws<IntakeFormatException>(() => FhirEncounterReader.ReadBundle(bundle.ToJsonString()));
        Assert.DoesNotContain("Garcia", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ndjson_holds_one_bundle_per_line_and_errors_name_the_line()
    {
        var good = FhirBundles.OfficeVisit(externalId: "A-1").ToJsonString();
        var bad = FhirBundles.OfficeVisit(externalId: "A-2").Without("DocumentReference", "date");

        Assert.Equal(["A-1", "A-1"], FhirEncounterReader.ReadNdjson(new StringReader(good + "\n\n" + good + "\n")).Select(s => s.ExternalId));
        var e = Assert.Throws<IntakeFormatException>(() => FhirEncounterReader.ReadNdjson(new StringReader(good + "\n" + bad + "\n")).ToList());
        Assert.Equal("line 2", e.Location);
    }
}
