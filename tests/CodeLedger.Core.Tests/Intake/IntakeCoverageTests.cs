using System.Text.Json.Nodes;
using CodeLedger.Core.Billing;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.Intake;

namespace CodeLedger.Core.Tests.Intake;

/// <summary>
/// Coverage and the patient's address at intake (docs/INTAKE.md, "Coverage"): the CSV's optional
/// columns and FHIR's Coverage and Patient.address read into one policy; every bad value refused
/// naming the file's line or element and the field, never repeating the value.
/// </summary>
public sealed class IntakeCoverageTests
{
    private const string Header = "external_id,physician_npi,patient_family_name,patient_given_name,patient_birth_date,patient_sex,patient_member_id,date_of_service,place_of_service,documentation_completed_at,note";
    private const string Coverage = ",payer_code,coverage_member_id,relationship,group_number,subscriber_family_name,subscriber_given_name,subscriber_birth_date,subscriber_sex";
    private const string Address = ",patient_address_line1,patient_address_line2,patient_address_city,patient_address_state,patient_address_zip";
    private const string Visit = "EHR-1,1234567893,Garcia,Luis,1958-07-04,M,MBR1,2026-03-02,11,2026-03-02T17:31:00Z,\"Type 2 diabetes; metformin continued.\"";

    private static EncounterSubmission Csv(string coverage, string address = ",,,,") =>
        Assert.Single(EncounterCsvReader.Read(new StringReader($"{Header}{Coverage}{Address}\n{Visit},{coverage},{address}\n"), "visits.csv").ToList());

    private static IntakeFormatException CsvRefusal(string coverage, string address = ",,,,") =>
        Assert.Throws<IntakeFormatException>(() => Csv(coverage, address));

    [Fact]
    public void A_csv_without_the_coverage_columns_reads_as_before_with_no_coverage()
    {
        var row = Assert.Single(EncounterCsvReader.Read(new StringReader($"{Header}\n{Visit}\n")).ToList());

        Assert.Null(row.Coverage);
        Assert.Null(row.PatientAddress);
    }

    [Fact]
    public void The_patient_as_subscriber_takes_the_patient_s_member_id_when_none_is_given()
    {
        var row = Csv("BCBS-TX,,self,GRP-100,,,,", "1200 Main Street,Apt 4,Austin,tx,78701-1234");

        Assert.Equal(new ClaimCoverage("BCBS-TX", "MBR1", SubscriberRelationship.Self, "GRP-100"), row.Coverage);
        Assert.Equal(new BillingAddress("1200 Main Street", "Apt 4", "Austin", "TX", "787011234"), row.PatientAddress);
    }

    [Fact]
    public void A_child_s_coverage_carries_the_subscriber_s_name_birth_date_and_sex()
    {
        var row = Csv("AETNA,W123456789,child,,Garcia,Rosa,1960-02-03,F");

        Assert.Equal(new ClaimCoverage("AETNA", "W123456789", SubscriberRelationship.Child, null, "Garcia", "Rosa", new DateOnly(1960, 2, 3), PatientSex.Female), row.Coverage);
    }

    [Theory]
    [InlineData("AETNA,W1,cousinSENTINEL,,Garcia,Rosa,,", ",,,,", "relationship")]
    [InlineData("AETNA,W1,child,,,Rosa,,", ",,,,", "subscriber_family_name")]
    [InlineData("AETNA,W1,spouse,,Garcia,Rosa,1960-13-45,", ",,,,", "subscriber_birth_date")]
    [InlineData("AETNA,W1,self,,SENTINELFamily,,,", ",,,,", "subscriber_family_name")]
    [InlineData(",W1,self,,,,,", ",,,,", "payer_code")]
    [InlineData("AETNA,,,,,,,", "1 Main St,,Austin,TX,7870SENTINEL", "patient_address_zip")]
    [InlineData("AETNA,,,,,,,", "1 Main St,,Austin,Texas,78701", "patient_address_state")]
    [InlineData("AETNA,,,,,,,", "1 Main St,,,TX,78701", "patient_address_city")]
    public void A_bad_coverage_or_address_value_is_refused_naming_the_line_and_column_never_the_value(string coverage, string address, string column)
    {
        var e = CsvRefusal(coverage, address);

        Assert.Equal((IntakeErrors.InvalidField.Value, "visits.csv line 2", column), (e.Code, e.Location, e.Field));
        Assert.DoesNotContain("SENTINEL", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Texas", e.Message, StringComparison.Ordinal);
    }

    internal static JsonObject WithCoverage(string relationship = "child", string payor = """{ "identifier": { "value": "AETNA" } }""")
    {
        var bundle = FhirBundles.OfficeVisit();
        var patient = bundle.Resource("Patient");
        patient["address"] = JsonNode.Parse("""[ { "use": "home", "line": [ "12 Elm Street", "Unit 3" ], "city": "Austin", "state": "TX", "postalCode": "78702" } ]""");
        var entries = bundle["entry"]!.AsArray();
        entries.Add(JsonNode.Parse("""
            { "fullUrl": "urn:uuid:0b6f2a3e-0001-4c1e-9a57-000000000006",
              "resource": { "resourceType": "RelatedPerson", "id": "rp1",
                "patient": { "reference": "urn:uuid:0b6f2a3e-0001-4c1e-9a57-000000000001" },
                "name": [ { "family": "Garcia", "given": [ "Rosa" ] } ], "gender": "female", "birthDate": "1960-02-03" } }
            """));
        entries.Add(JsonNode.Parse($$"""
            { "fullUrl": "urn:uuid:0b6f2a3e-0001-4c1e-9a57-000000000005",
              "resource": { "resourceType": "Coverage", "id": "c1", "status": "active",
                "beneficiary": { "reference": "urn:uuid:0b6f2a3e-0001-4c1e-9a57-000000000001" },
                "subscriber": { "reference": "urn:uuid:0b6f2a3e-0001-4c1e-9a57-000000000006" },
                "subscriberId": "W987654321",
                "relationship": { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/subscriber-relationship", "code": "{{relationship}}" } ] },
                "class": [ { "type": { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/coverage-class", "code": "group" } ] }, "value": "GRP-77" } ],
                "payor": [ {{payor}} ] } }
            """));
        return bundle;
    }

    [Fact]
    public void A_fhir_coverage_gives_payer_member_relationship_group_and_subscriber_and_the_patient_address()
    {
        var visit = Assert.Single(FhirEncounterReader.ReadBundle(WithCoverage().ToJsonString(), "visit.json"));

        Assert.Equal(new ClaimCoverage("AETNA", "W987654321", SubscriberRelationship.Child, "GRP-77", "Garcia", "Rosa", new DateOnly(1960, 2, 3), PatientSex.Female), visit.Coverage);
        Assert.Equal(new BillingAddress("12 Elm Street", "Unit 3", "Austin", "TX", "78702"), visit.PatientAddress);
    }

    [Fact]
    public void A_payor_that_references_an_organization_of_the_bundle_takes_its_identifier_as_the_payer_code()
    {
        var bundle = WithCoverage(payor: """{ "reference": "urn:uuid:0b6f2a3e-0001-4c1e-9a57-000000000007" }""");
        bundle["entry"]!.AsArray().Add(JsonNode.Parse("""
            { "fullUrl": "urn:uuid:0b6f2a3e-0001-4c1e-9a57-000000000007",
              "resource": { "resourceType": "Organization", "id": "o1", "identifier": [ { "value": "MEDICARE" } ], "name": "Novitas" } }
            """));

        Assert.Equal("MEDICARE", Assert.Single(FhirEncounterReader.ReadBundle(bundle.ToJsonString(), "visit.json")).Coverage!.PayerCode);
    }

    [Fact]
    public void A_bundle_without_coverage_or_address_has_none()
    {
        var visit = Assert.Single(FhirEncounterReader.ReadBundle(FhirBundles.OfficeVisit().ToJsonString(), "visit.json"));

        Assert.Null(visit.Coverage);
        Assert.Null(visit.PatientAddress);
    }

    [Fact]
    public void A_fhir_relationship_outside_the_list_and_a_bad_postal_code_are_refused_by_element()
    {
        var relationship = Assert.Throws<IntakeFormatException>(() => FhirEncounterReader.ReadBundle(WithCoverage("cousinSENTINEL").ToJsonString(), "visit.json"));
        var bundle = WithCoverage();
        bundle.Resource("Patient")["address"]![0]!["postalCode"] = "78SENTINEL";
        var zip = Assert.Throws<IntakeFormatException>(() => FhirEncounterReader.ReadBundle(bundle.ToJsonString(), "visit.json"));

        Assert.Equal(("Coverage", "relationship", "visit.json entry[5]"), (relationship.Resource, relationship.Field, relationship.Location));
        Assert.Equal(("Patient", "address.postalCode", "visit.json entry[0]"), (zip.Resource, zip.Field, zip.Location));
        Assert.DoesNotContain("SENTINEL", relationship.Message + zip.Message, StringComparison.Ordinal);
    }
}
