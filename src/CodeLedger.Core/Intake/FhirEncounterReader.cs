using System.Text;
using CodeLedger.Core.Billing;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;
using CodeLedger.Core.Encounters;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using FhirCoding = Hl7.Fhir.Model.Coding;
using FhirEncounter = Hl7.Fhir.Model.Encounter;

namespace CodeLedger.Core.Intake;

/// <summary>
/// Reads encounters from FHIR R4 with the Firely SDK. A Bundle holds, per encounter: the Patient,
/// the Practitioner with an NPI identifier (system http://hl7.org/fhir/sid/us-npi), the Encounter
/// (identifier, period, type, class, a participant referencing the Practitioner, subject referencing
/// the Patient) and a DocumentReference whose context.encounter references it, whose date is the
/// instant the documentation was complete, and whose first attachment carries the note as base64
/// <c>data</c> or as a <c>data:</c> URL. Bulk files are NDJSON: one such Bundle per line.
/// </summary>
public static class FhirEncounterReader
{
    public const string NpiSystem = "http://hl7.org/fhir/sid/us-npi";

    // One deserializer per thread: bulk files are parsed on every core.
    [ThreadStatic]
    private static FhirJsonDeserializer? _deserializer;

    private static FhirJsonDeserializer Deserializer => _deserializer ??= new(new DeserializerSettings().UsingMode(DeserializationMode.Recoverable));

    /// <summary>Reads every encounter of one Bundle (JSON text).</summary>
    public static IReadOnlyList<EncounterSubmission> ReadBundle(string json, string location = "bundle")
    {
        Resource resource;
        try
        {
            resource = Deserializer.DeserializeResource(json);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Firely's messages quote the offending value, which can be patient data: only the
            // element path is kept, and only for the exception types whose message carries one.
            var path = e is DeserializationFailedException or System.Text.Json.JsonException ? WherePath(e.Message) : "(json)";
            throw new IntakeFormatException(IntakeErrors.Unreadable, location, "Bundle", path, "not a valid FHIR R4 JSON resource");
        }

        if (resource is not Bundle bundle)
        {
            throw new IntakeFormatException(IntakeErrors.MissingResource, location, "Bundle", "resourceType", "expected a Bundle");
        }

        try
        {
            return Read(bundle, location);
        }
        catch (Exception e) when (e is not IntakeFormatException and not OutOfMemoryException)
        {
            // A model property the reader had no guard for refused its value (a recoverable parse
            // keeps invalid values until they are read). The exception's message quotes the value,
            // so only the fact is reported; the guarded reads below name the element.
            throw new IntakeFormatException(IntakeErrors.InvalidField, location, "Bundle", "(element)", "holds a value that is not valid for its element");
        }
    }

    /// <summary>Reads an NDJSON file: one Bundle per non-empty line, lines numbered from 1.</summary>
    public static IEnumerable<EncounterSubmission> ReadNdjson(TextReader reader, string? file = null)
    {
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            foreach (var submission in ReadBundle(line, LineLocation(file, number)))
            {
                yield return submission;
            }
        }
    }

    /// <summary>
    /// Reads a whole NDJSON file, parsing its lines on all cores; the result keeps file order, and
    /// the error reported is the one of the first bad line.
    /// </summary>
    public static List<EncounterSubmission> ReadNdjsonParallel(TextReader reader, string? file = null)
    {
        var lines = new List<(int Number, string Text)>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                lines.Add((number, line));
            }
        }

        var parsed = new IReadOnlyList<EncounterSubmission>?[lines.Count];
        var errors = new IntakeFormatException?[lines.Count];
        Parallel.For(0, lines.Count, i =>
        {
            try
            {
                parsed[i] = ReadBundle(lines[i].Text, LineLocation(file, lines[i].Number));
            }
            catch (IntakeFormatException e)
            {
                errors[i] = e;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Never an AggregateException with a stack trace out of Parallel.For: the line is named, its content is not.
                errors[i] = new IntakeFormatException(IntakeErrors.Unreadable, LineLocation(file, lines[i].Number), "Bundle", "(json)", "not a valid FHIR R4 JSON resource");
            }
        });

        if (errors.FirstOrDefault(e => e is not null) is { } first)
        {
            throw first;
        }

        return [.. parsed.SelectMany(p => p!)];
    }

    /// <summary>"line 12", or "encounters.ndjson line 12" when the file is named.</summary>
    public static string LineLocation(string? file, int line) =>
        file is null
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"line {line}")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{file} line {line}");

    private static List<EncounterSubmission> Read(Bundle bundle, string location)
    {
        var byReference = new Dictionary<string, Resource>(StringComparer.Ordinal);
        var entryOf = new Dictionary<Resource, int>(ReferenceEqualityComparer.Instance);
        foreach (var entry in bundle.Entry)
        {
            if (entry.Resource is not { } r)
            {
                continue;
            }

            entryOf.TryAdd(r, bundle.Entry.IndexOf(entry));

            if (!string.IsNullOrEmpty(entry.FullUrl))
            {
                byReference[entry.FullUrl] = r;
            }

            if (!string.IsNullOrEmpty(r.Id))
            {
                byReference[$"{r.TypeName}/{r.Id}"] = r;
            }
        }

        var encounters = bundle.Entry.Select(e => e.Resource).OfType<FhirEncounter>().ToList();
        if (encounters.Count == 0)
        {
            throw new IntakeFormatException(IntakeErrors.MissingResource, location, "Encounter", "(resource)", "the bundle holds no Encounter");
        }

        var documents = bundle.Entry.Select(e => e.Resource).OfType<DocumentReference>().ToList();
        var coverages = bundle.Entry.Select(e => e.Resource).OfType<Coverage>().ToList();
        var result = new List<EncounterSubmission>(encounters.Count);
        foreach (var encounter in encounters)
        {
            result.Add(ReadEncounter(encounter, documents, coverages, byReference, location, r => entryOf.TryGetValue(r, out var i)
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{location} entry[{i}]")
                : location));
        }

        return result;
    }

    /// <summary><paramref name="at"/> names a resource's place in the file ("bundle.json entry[3]") for refusals of its own values.</summary>
    private static EncounterSubmission ReadEncounter(
        FhirEncounter encounter, List<DocumentReference> documents, List<Coverage> coverages, Dictionary<string, Resource> byReference, string location, Func<Resource, string> at)
    {
        var externalId = encounter.Identifier.Select(i => i.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))
            ?? throw Missing(location, "Encounter", "identifier");
        if (Element(() => encounter.Period?.StartElement?.ToDateTimeOffset(TimeSpan.Zero), at(encounter), "Encounter", "period.start", "not a valid dateTime") is not { } start)
        {
            throw Missing(location, "Encounter", "period.start");
        }

        if (encounter.Type.Count == 0 || encounter.Type.All(t => t.Coding.Count == 0 && string.IsNullOrWhiteSpace(t.Text)))
        {
            throw Missing(location, "Encounter", "type");
        }

        var placeOfService = PlaceOfServiceFor(encounter.Class, location);

        var patient = Resolve<Patient>(encounter.Subject, byReference) ?? throw (encounter.Subject is null
            ? Missing(location, "Encounter", "subject")
            : new IntakeFormatException(IntakeErrors.MissingResource, location, "Patient", "(resource)", "Encounter.subject references a resource that is not a Patient in the bundle"));

        var practitioner = encounter.Participant
            .Select(p => Resolve<Practitioner>(p.Individual, byReference))
            .FirstOrDefault(p => p is not null)
            ?? throw (encounter.Participant.Count == 0
                ? Missing(location, "Encounter", "participant")
                : new IntakeFormatException(IntakeErrors.MissingResource, location, "Practitioner", "(resource)", "no Encounter.participant references a Practitioner in the bundle"));
        var npiText = practitioner.Identifier.FirstOrDefault(i => i.System == NpiSystem)?.Value
            ?? throw Missing(location, "Practitioner", $"identifier (system {NpiSystem})");
        if (!Npi.TryParse(npiText, out var npi))
        {
            // Npi's own message quotes the text; at intake a shifted or mistyped value may be patient data.
            throw new IntakeFormatException(IntakeErrors.InvalidField, location, "Practitioner", "identifier", "must be a 10-digit NPI with a valid check digit");
        }

        var document = FindDocument(encounter, documents, byReference)
            ?? throw new IntakeFormatException(IntakeErrors.MissingResource, location, "DocumentReference", "(resource)", "no DocumentReference for the encounter");
        if (Element(() => document.Date, at(document), "DocumentReference", "date", "not a valid instant") is not { } completed)
        {
            throw Missing(location, "DocumentReference", "date");
        }

        var attachment = document.Content.FirstOrDefault()?.Attachment ?? throw Missing(location, "DocumentReference", "content.attachment");
        var text = NoteText(attachment, location);

        var demographics = ReadPatient(patient, at(patient));
        var coverage = FindCoverage(patient, coverages, byReference) is { } c ? ReadCoverage(c, demographics, byReference, at(c)) : null;
        var address = ReadAddress(patient, at(patient));
        return new EncounterSubmission(location, externalId.Trim(), npi, demographics,
            DateOnly.FromDateTime(start.DateTime), placeOfService, text, completed, coverage, address);
    }

    /// <summary>The Coverage whose beneficiary is the patient (a one-Coverage bundle needs no link); the first active one when there are several.</summary>
    private static Coverage? FindCoverage(Patient patient, List<Coverage> coverages, Dictionary<string, Resource> byReference)
    {
        var mine = coverages.Where(c => ReferenceEquals(Resolve<Patient>(c.Beneficiary, byReference), patient)).ToList();
        if (mine.Count == 0 && coverages.Count == 1 && coverages[0].Beneficiary?.Reference is null)
        {
            mine = coverages;
        }

        return mine.FirstOrDefault(c => Status(c) is null or FinancialResourceStatusCodes.Active) ?? mine.FirstOrDefault();

        // A status the element cannot take counts as none: the choice between coverages is all it decides.
        static FinancialResourceStatusCodes? Status(Coverage c)
        {
            try
            {
                return c.Status;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Coverage to the claim's policy: the payer's code from <c>payor[0].identifier</c> (or the
    /// identifier of the Organization it references), the member id from <c>subscriberId</c>, the
    /// relationship from <c>relationship.coding</c> (subscriber-relationship: self, spouse, child;
    /// parent, common law spouse, injured party and other are "other"), the group from the
    /// <c>class</c> typed <c>group</c>, and a subscriber who is not the patient from the Patient or
    /// RelatedPerson <c>subscriber</c> references.
    /// </summary>
    private static ClaimCoverage? ReadCoverage(Coverage c, PatientDemographics patient, Dictionary<string, Resource> byReference, string location)
    {
        Exception Invalid(string field, string why) => new IntakeFormatException(IntakeErrors.InvalidField, location, "Coverage", field, why);
        var payor = c.Payor.FirstOrDefault() ?? throw Missing(location, "Coverage", "payor");
        var payer = payor.Identifier?.Value
            ?? (payor.Reference is { } r && byReference.TryGetValue(r, out var org) && org is Organization o ? o.Identifier.FirstOrDefault()?.Value : null)
            ?? throw Missing(location, "Coverage", "payor.identifier");
        var relationship = c.Relationship?.Coding.FirstOrDefault()?.Code switch
        {
            null => null,
            "self" or "spouse" or "child" or "other" => c.Relationship.Coding[0].Code,
            "common" => "spouse",
            "parent" or "injured" => "other",
            _ => "(not in the list)",
        };
        var group = c.Class.FirstOrDefault(k => k.Type?.Coding.Any(t => t.Code == "group") == true)?.Value;
        string? family = null, given = null, birth = null, sex = null;
        if (relationship is not (null or "self") && c.Subscriber is { } subscriber)
        {
            var person = byReference.GetValueOrDefault(subscriber.Reference ?? string.Empty);
            var (name, birthDate, gender) = person switch
            {
                Patient p => (p.Name.FirstOrDefault(), p.BirthDate, Element(() => p.Gender, location, "Coverage", "subscriber.gender", "not a valid administrative-gender code")),
                RelatedPerson p => (p.Name.FirstOrDefault(), p.BirthDate, Element(() => p.Gender, location, "Coverage", "subscriber.gender", "not a valid administrative-gender code")),
                _ => throw new IntakeFormatException(IntakeErrors.MissingResource, location, "Coverage", "subscriber", "references no Patient or RelatedPerson in the bundle"),
            };
            family = name?.Family;
            given = name?.Given.FirstOrDefault();
            birth = birthDate;
            sex = gender switch { AdministrativeGender.Female => "F", AdministrativeGender.Male => "M", null => null, _ => "U" };
        }

        return IntakeCoverage.Read(new IntakeCoverage.Fields(payer, c.SubscriberId, relationship, group, family, given, birth, sex), patient, Invalid, key => key switch
        {
            "payer" => "payor.identifier",
            "member" => "subscriberId",
            "relationship" => "relationship",
            "group" => "class(group).value",
            "subscriberFamily" => "subscriber.name.family",
            "subscriberGiven" => "subscriber.name.given",
            "subscriberBirthDate" => "subscriber.birthDate",
            _ => "subscriber.gender",
        });
    }

    /// <summary>Patient.address: the first whose use is not <c>old</c>; line[0], line[1], city, state (two letters), postalCode.</summary>
    private static BillingAddress? ReadAddress(Patient patient, string location)
    {
        var address = patient.Address.FirstOrDefault(a => Element(() => a.Use, location, "Patient", "address.use", "not a valid address-use code") != Address.AddressUse.Old);
        if (address is null)
        {
            return null;
        }

        var lines = address.Line.ToList();
        return IntakeCoverage.Address(lines.ElementAtOrDefault(0), lines.ElementAtOrDefault(1), address.City, address.State, address.PostalCode,
            (field, why) => new IntakeFormatException(IntakeErrors.InvalidField, location, "Patient", field, why),
            key => key switch { "line1" => "address.line[0]", "line2" => "address.line[1]", "zip" => "address.postalCode", _ => "address." + key });
    }

    private static PatientDemographics ReadPatient(Patient patient, string location)
    {
        var name = patient.Name.FirstOrDefault() ?? throw Missing(location, "Patient", "name");
        var family = string.IsNullOrWhiteSpace(name.Family) ? throw Missing(location, "Patient", "name.family") : name.Family;
        var given = name.Given.FirstOrDefault(g => !string.IsNullOrWhiteSpace(g)) ?? throw Missing(location, "Patient", "name.given");
        if (string.IsNullOrEmpty(patient.BirthDate))
        {
            throw Missing(location, "Patient", "birthDate");
        }

        if (!DateOnly.TryParseExact(patient.BirthDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var birth))
        {
            throw new IntakeFormatException(IntakeErrors.InvalidField, location, "Patient", "birthDate", "must be a full date YYYY-MM-DD");
        }

        var sex = Element(() => patient.Gender, location, "Patient", "gender", "not a valid administrative-gender code") switch
        {
            AdministrativeGender.Female => PatientSex.Female,
            AdministrativeGender.Male => PatientSex.Male,
            _ => PatientSex.Unknown,
        };

        // The member id is the identifier typed MB (HL7 v2 table 0203); a bare identifier will do otherwise.
        var member = patient.Identifier.FirstOrDefault(i => i.Type?.Coding.Any(c => c.Code == "MB") == true)?.Value
            ?? patient.Identifier.FirstOrDefault()?.Value
            ?? throw Missing(location, "Patient", "identifier");
        try
        {
            return new PatientDemographics(family, given, birth, sex, member);
        }
        catch (DomainException e)
        {
            throw new IntakeFormatException(IntakeErrors.InvalidField, location, "Patient", "(demographics)", e.Message);
        }
    }

    /// <summary>
    /// Reads one element of the model. The recoverable parse keeps a value its element cannot take
    /// (a gender "unknownish", a date "2026-13-45") and the model's getter throws when it is read,
    /// with a message that quotes the value: the refusal names the element instead.
    /// </summary>
    private static T Element<T>(Func<T> read, string location, string resource, string field, string why)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not IntakeFormatException and not OutOfMemoryException)
        {
            throw new IntakeFormatException(IntakeErrors.InvalidField, location, resource, field, why);
        }
    }

    /// <summary>
    /// Encounter.class (v3 ActCode) to the CMS place of service: AMB office (11), VR telehealth in
    /// the patient's home (10), HH home (12). Other classes are not professional office coding.
    /// </summary>
    private static PlaceOfService PlaceOfServiceFor(FhirCoding? encounterClass, string location) => encounterClass?.Code switch
    {
        null or "" => throw Missing(location, "Encounter", "class"),
        "AMB" => PlaceOfService.Office,
        "VR" => PlaceOfService.Parse("10"),
        "HH" => PlaceOfService.Parse("12"),
        _ => throw new IntakeFormatException(IntakeErrors.InvalidField, location, "Encounter", "class", "is not a supported class (AMB, VR or HH)"),
    };

    private static DocumentReference? FindDocument(FhirEncounter encounter, List<DocumentReference> documents, Dictionary<string, Resource> byReference)
    {
        foreach (var d in documents)
        {
            if (d.Context?.Encounter.Any(r => ReferenceEquals(Resolve<FhirEncounter>(r, byReference), encounter)) == true)
            {
                return d;
            }
        }

        // A one-encounter bundle needs no explicit link.
        return documents.Count == 1 && documents[0].Context?.Encounter.Count is null or 0 ? documents[0] : null;
    }

    private static string NoteText(Attachment attachment, string location)
    {
        if (attachment.Data is { Length: > 0 } data)
        {
            return Decode(data, location);
        }

        if (attachment.Url is { } url && url.StartsWith("data:", StringComparison.Ordinal))
        {
            var comma = url.IndexOf(',', StringComparison.Ordinal);
            if (comma > 0)
            {
                var header = url[5..comma];
                var body = url[(comma + 1)..];
                if (header.EndsWith(";base64", StringComparison.Ordinal))
                {
                    try
                    {
                        return Decode(Convert.FromBase64String(body), location);
                    }
                    catch (FormatException)
                    {
                        throw new IntakeFormatException(IntakeErrors.InvalidField, location, "DocumentReference", "content.attachment.url", "data URL is not valid base64");
                    }
                }

                return Uri.UnescapeDataString(body);
            }
        }

        throw Missing(location, "DocumentReference", "content.attachment.data");
    }

    private static string Decode(byte[] data, string location)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(data);
        }
        catch (DecoderFallbackException)
        {
            throw new IntakeFormatException(IntakeErrors.InvalidField, location, "DocumentReference", "content.attachment.data", "the note is not UTF-8 text");
        }
    }

    private static T? Resolve<T>(ResourceReference? reference, Dictionary<string, Resource> byReference) where T : Resource =>
        reference?.Reference is { } r && byReference.TryGetValue(r, out var resource) ? resource as T : null;

    private static IntakeFormatException Missing(string location, string resource, string field) =>
        new(IntakeErrors.MissingField, location, resource, field, "required but missing");

    /// <summary>
    /// Only the element path of a Firely error is repeated: its message may quote the offending
    /// value, which can be patient data.
    /// </summary>
    private static string WherePath(string message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message, @"\bAt ([A-Za-z][A-Za-z0-9_.\[\]]*)");
        return !match.Success ? "(json)" : match.Groups[1].Value.Length <= 80 ? match.Groups[1].Value : match.Groups[1].Value[..80] + "…";
    }
}
