using System.Text;
using System.Text.Json.Nodes;
using CodeLedger.Core.Assignment;
using CodeLedger.Core.CodeSets;
using CodeLedger.Core.Common;
using CodeLedger.Core.Edits;
using CodeLedger.Core.EvaluationAndManagement;
using CodeLedger.Core.Intake;
using CodeLedger.Core.Tests.Intake;
using CodeLedger.Core.Workflow;
using CodeLedger.X12;

namespace CodeLedger.Core.Tests.Readers;

/// <summary>
/// The faults found by trying the readers as a user would, and by <see cref="ReaderSurvivalTests"/>,
/// each as the case that showed it: a refusal names the file, the place and the field, and repeats
/// no patient value and no more than a short prefix of any other.
/// </summary>
public sealed class ReaderRefusalTests
{
    private static readonly string Megabyte = new('A', 1 << 20);

    [Fact]
    public void Invalid_patient_gender_is_an_intake_error_naming_the_entry_and_element_without_the_value()
    {
        var bundle = FhirBundles.OfficeVisit();
        bundle.Resource("Patient")["gender"] = "Quixotefish";

        var e = Assert.Throws<IntakeFormatException>(() => FhirEncounterReader.ReadBundle(bundle.ToJsonString(), "bundle.json"));

        Assert.Equal((IntakeErrors.InvalidField, "bundle.json entry[0]", "Patient", "gender"), (e.Error, e.Location, e.Resource, e.Field));
        Assert.Equal("bundle.json entry[0]: Patient.gender: not a valid administrative-gender code", e.Message);
    }

    [Theory]
    [InlineData("Encounter", "period", "{\"start\": \"2026-13-45TQuixotefish\"}")]
    [InlineData("DocumentReference", "date", "\"Quixotefish\"")]
    [InlineData("Patient", "birthDate", "\"Quixotefish\"")]
    [InlineData("Patient", "name", "\"Quixotefish\"")]
    [InlineData("Patient", "identifier", "[{\"value\": {\"Quixotefish\": 1}}]")]
    [InlineData("Encounter", "class", "{\"code\": \"Quixotefish\"}")]
    public void Malformed_fhir_element_is_refused_without_its_value(string resource, string element, string json)
    {
        var bundle = FhirBundles.OfficeVisit();
        bundle.Resource(resource)[element] = JsonNode.Parse(json);

        var e = Assert.Throws<IntakeFormatException>(() => FhirEncounterReader.ReadBundle(bundle.ToJsonString(), "bundle.json"));

        Assert.StartsWith("bundle.json", e.Location, StringComparison.Ordinal);
        Assert.DoesNotContain("Quixotefish", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Bad_ndjson_line_is_named_with_its_file_and_never_escapes_the_parallel_read()
    {
        var good = FhirBundles.OfficeVisit().ToJsonString();
        var bad = FhirBundles.OfficeVisit();
        bad.Resource("Patient")["gender"] = "Quixotefish";

        var e = Assert.Throws<IntakeFormatException>(() => FhirEncounterReader.ReadNdjsonParallel(new StringReader(good + "\n" + bad.ToJsonString() + "\n"), "visits.ndjson"));

        Assert.Equal("visits.ndjson line 2 entry[0]", e.Location);
    }

    [Fact]
    public void Fhir_demographics_too_long_for_their_column_are_an_intake_error()
    {
        var bundle = FhirBundles.OfficeVisit();
        bundle.Resource("Patient")["name"]![0]!["family"] = new string('Q', 61);

        var e = Assert.Throws<IntakeFormatException>(() => FhirEncounterReader.ReadBundle(bundle.ToJsonString(), "bundle.json"));

        Assert.Equal((IntakeErrors.InvalidField, "Patient"), (e.Error, e.Resource));
        Assert.DoesNotContain("QQQQ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_header_naming_a_column_twice_is_unreadable_and_not_quoted()
    {
        var header = string.Join(',', EncounterCsvReader.Columns);
        var csv = $"{header},Quixotefish,Quixotefish\nEHR-1\n";

        var e = Assert.Throws<IntakeFormatException>(() => EncounterCsvReader.Read(new StringReader(csv), "visits.csv").ToList());

        Assert.Equal((IntakeErrors.Unreadable, "visits.csv line 1"), (e.Error, e.Location));
        Assert.DoesNotContain("Quixotefish", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_value_in_the_wrong_column_is_never_repeated()
    {
        // A comma lost before the NPI shifts the patient's name into physician_npi.
        var csv = string.Join(',', EncounterCsvReader.Columns) + "\nEHR-1Quixotefish,Zebulonia,Zebulonia,1958-07-04,M,MBR1,2026-03-02,11,2026-03-02T17:31:00Z,note,x\n";

        var e = Assert.Throws<IntakeFormatException>(() => EncounterCsvReader.Read(new StringReader(csv)).ToList());

        Assert.Equal("physician_npi", e.Field);
        Assert.DoesNotContain("Zebulonia", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Coding_with_an_unknown_top_level_field_is_refused_naming_every_bad_field()
    {
        const string json = """
            {"diagnoses": ["E11.9"], "lines": [{"code": "99213", "charge": "90.00"}], "finalize": true, "note": "x"}
            """;

        var e = Assert.Throws<DomainException>(() => CodingSubmission.Parse(json));

        Assert.Equal("CODING-INVALID", e.Code);
        Assert.Contains("unknown field 'finalize'", e.Message, StringComparison.Ordinal);
        Assert.Contains("unknown field 'note'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Coding_with_a_megabyte_code_repeats_a_short_prefix_only()
    {
        var json = $$"""{"diagnoses": ["{{Megabyte}}"], "lines": [{"code": "{{Megabyte}}", "charge": "90.00", "{{Megabyte}}": 1}]}""";

        var e = Assert.Throws<DomainException>(() => CodingSubmission.Parse(json));

        Assert.Equal("CODING-INVALID", e.Code);
        Assert.Contains($"'{new string('A', Echo.MaxLength)}…' (1048576 characters)", e.Message, StringComparison.Ordinal);
        Assert.True(e.Message.Length < 1000, $"the refusal is {e.Message.Length} characters long");
    }

    [Fact]
    public void Coding_with_thousands_of_bad_fields_lists_twenty_and_counts_the_rest()
    {
        var fields = string.Join(", ", Enumerable.Range(0, 5_000).Select(i => $"\"x{i}\": 1"));

        var e = Assert.Throws<DomainException>(() => CodingSubmission.Parse($"{{\"diagnoses\": [\"E11.9\"], \"lines\": [], {fields}}}"));

        Assert.EndsWith("unknown field 'x19'; and 4980 more", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_gzip_release_is_a_codeset_format_refusal_not_a_shorter_release()
    {
        using var buffer = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write(Encoding.ASCII.GetBytes("HCPCS/CPT Code,Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale\n"));
            gz.Write(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 5_000).Select(i => $"{10000 + i},1,3 Date of Service Edit: Clinical,Clinical\n"))));
        }

        var truncated = buffer.ToArray()[..(int)(buffer.Length / 2)];

        var e = Assert.Throws<CodeSetFormatException>(() => CodeSetImporter.Import(CodeSetKind.Mue, truncated, "mue.csv.gz", new DateOnly(2024, 4, 1), null));
        Assert.Equal("mue.csv.gz: the gzip or zip archive is damaged or uses an unsupported compression", e.Message);
    }

    [Fact]
    public void Malformed_coding_json_names_line_and_byte_without_the_text()
    {
        var e = Assert.Throws<DomainException>(() => CodingSubmission.Parse("{\"diagnoses\": [\"E11.9\"],\n \"lines\": Quixotefish}"));

        Assert.Equal("coding: not valid JSON at line 2, byte 11", e.Message);
    }

    [Fact]
    public void Em_input_with_a_megabyte_token_repeats_a_short_prefix_only()
    {
        var e = Assert.Throws<EmInputException>(() => EmInputJson.Parse($$"""{"patient": "{{Megabyte}}", "problems": [], "risk": "low"}"""));

        Assert.True(e.Message.Length < 300, $"the refusal is {e.Message.Length} characters long");
        Assert.Contains("unknown patient \"AAAA", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Credential_map_with_a_megabyte_credential_repeats_a_short_prefix_only()
    {
        var e = Assert.Throws<DomainException>(() => CredentialSpecialtyMap.Parse($$"""{"credentials": {"{{Megabyte}}": ["family-medicine"]}, "{{Megabyte}}": 1}"""));

        Assert.Equal("CREDENTIAL-MAP-INVALID", e.Code);
        Assert.True(e.Message.Length < 500, $"the refusal is {e.Message.Length} characters long");
    }

    [Fact]
    public void Code_set_line_with_a_megabyte_field_repeats_a_short_prefix_only()
    {
        var ptp = "column_1\tcolumn_2\tprior_1996_flag\tdeletion_date\tmodifier_indicator\tptp_edit_rationale\n" +
            $"0001A\t0591T\t\t20231231\t{Megabyte}\tCPT Manual\n";

        var e = Assert.Throws<CodeSetFormatException>(() => PtpFileReader.Read(new StringReader(ptp), "ptp.tsv", new DateOnly(2024, 4, 1), capacity: 4));

        Assert.Equal($"ptp.tsv, line 2: modifier indicator '{new string('A', Echo.MaxLength)}…' (1048576 characters) must be 0, 1 or 9", e.Message);
    }

    [Fact]
    public void X12_birth_date_that_is_not_a_date_is_named_without_its_value()
    {
        var file = File.ReadAllText(Testing.RepoPaths.Data("x12-samples", "837p", "imsweb", "x12_valid.txt"))
            .Replace("NM1*IL*1*DOE*JOHN*T**JR*MI*123456~", "NM1*IL*1*DOE*JOHN*T**JR*MI*123456~\nDMG*D8*1931O417*F~", StringComparison.Ordinal);

        var error = Assert.Single(X12Parser.Parse(Encoding.ASCII.GetBytes(file)).Errors, e => e.SegmentId == "DMG");

        Assert.Equal("DMG02 birth date is not a CCYYMMDD date", error.Message);
    }

    [Fact]
    public void Claims_csv_header_naming_a_column_twice_is_refused_without_quoting_the_row()
    {
        var csv = "claim_id,dos,pos,rendering_npi,patient_birth_date,patient_sex,dx1,code,modifiers,units,charge,pointers,1931-04-17,1931-04-17\n";

        var e = Assert.Throws<FormatException>(() => ClaimCsvReader.Read(new StringReader(csv)));

        Assert.DoesNotContain("1931-04-17", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Claims_csv_birth_date_that_is_not_a_date_is_named_without_its_value()
    {
        var batch = ClaimCsvReader.Read(new StringReader(
            "claim_id,dos,pos,rendering_npi,patient_birth_date,patient_sex,dx1,code,modifiers,units,charge,pointers\n" +
            "A1,2025-03-04,11,1234567893,1931-04-1Z,F,I10,99213,,1,90.00,1\n"));

        var finding = Assert.Single(batch.Malformed);
        Assert.Contains("patient_birth_date is not a date YYYY-MM-DD", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("1931-04-1Z", finding.Message, StringComparison.Ordinal);
    }
}
