using System.Text;
using System.Text.Json.Nodes;

namespace CodeLedger.Core.Tests.Intake;

/// <summary>
/// A FHIR R4 Bundle for one office visit, as an EHR export writes it. Tests take it apart with
/// <see cref="Without"/> to check that each required piece is named when it is missing.
/// </summary>
internal static class FhirBundles
{
    public const string Npi = "1234567893";

    public static JsonObject OfficeVisit(string note = "Assessment: type 2 diabetes mellitus without complications. Plan: continue metformin.", string externalId = "EHR-000123") =>
        JsonNode.Parse($$"""
        {
          "resourceType": "Bundle",
          "type": "collection",
          "entry": [
            { "fullUrl": "urn:uuid:0b6f2a3e-0001-4c1e-9a57-000000000001",
              "resource": { "resourceType": "Patient", "id": "p1",
                "identifier": [ { "type": { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MB" } ] }, "value": "MBR99887766" } ],
                "name": [ { "family": "Garcia", "given": [ "Luis" ] } ],
                "gender": "male", "birthDate": "1958-07-04" } },
            { "fullUrl": "urn:uuid:0b6f2a3e-0001-4c1e-9a57-000000000002",
              "resource": { "resourceType": "Practitioner", "id": "dr1",
                "identifier": [ { "system": "http://hl7.org/fhir/sid/us-npi", "value": "{{Npi}}" } ],
                "name": [ { "family": "Chen", "given": [ "Maya" ] } ] } },
            { "fullUrl": "urn:uuid:0b6f2a3e-0001-4c1e-9a57-000000000003",
              "resource": { "resourceType": "Encounter", "id": "e1",
                "identifier": [ { "system": "urn:oid:1.2.3.4", "value": "{{externalId}}" } ],
                "status": "finished",
                "class": { "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "AMB" },
                "type": [ { "coding": [ { "system": "http://snomed.info/sct", "code": "185349003", "display": "Encounter for check up" } ] } ],
                "subject": { "reference": "urn:uuid:0b6f2a3e-0001-4c1e-9a57-000000000001" },
                "participant": [ { "individual": { "reference": "urn:uuid:0b6f2a3e-0001-4c1e-9a57-000000000002" } } ],
                "period": { "start": "2026-03-02T09:30:00-06:00", "end": "2026-03-02T09:55:00-06:00" } } },
            { "fullUrl": "urn:uuid:0b6f2a3e-0001-4c1e-9a57-000000000004",
              "resource": { "resourceType": "DocumentReference", "id": "d1", "status": "current",
                "date": "2026-03-02T11:31:12-06:00",
                "content": [ { "attachment": { "contentType": "text/plain; charset=utf-8", "data": "{{Convert.ToBase64String(Encoding.UTF8.GetBytes(note))}}" } } ],
                "context": { "encounter": [ { "reference": "urn:uuid:0b6f2a3e-0001-4c1e-9a57-000000000003" } ] } } }
          ]
        }
        """)!.AsObject();

    public static JsonObject Resource(this JsonObject bundle, string type) =>
        bundle["entry"]!.AsArray().Select(e => e!["resource"]!.AsObject()).Single(r => (string?)r["resourceType"] == type);

    /// <summary>The bundle with one field removed (dotted path inside a resource) or, for an empty path, the whole resource.</summary>
    public static string Without(this JsonObject bundle, string type, string path = "")
    {
        if (path.Length == 0)
        {
            var entries = bundle["entry"]!.AsArray();
            entries.Remove(entries.Single(e => (string?)e!["resource"]!["resourceType"] == type));
            return bundle.ToJsonString();
        }

        JsonNode node = bundle.Resource(type);
        var parts = path.Split('.');
        foreach (var part in parts[..^1])
        {
            node = node[part] is JsonArray a ? a[0]! : node[part]!;
        }

        node.AsObject().Remove(parts[^1]);
        return bundle.ToJsonString();
    }
}
