using System.IO.Compression;
using System.Text;
using CodeLedger.Core.Assignment;
using CodeLedger.Core.CodeSets;
using CodeLedger.Core.Common;
using CodeLedger.Core.Edits;
using CodeLedger.Core.EvaluationAndManagement;
using CodeLedger.Core.Intake;
using CodeLedger.Core.Tests.Intake;
using CodeLedger.Core.Workflow;
using CodeLedger.Testing;
using CodeLedger.X12;
using static CodeLedger.Testing.ReaderInputs;

namespace CodeLedger.Core.Tests.Readers;

/// <summary>
/// Every reader of a user's file, given 10,000 damaged, forged or generated inputs each
/// (<see cref="ReaderInputs"/>): it reads the input or refuses it with its own documented error,
/// never anything else, and no refusal repeats the patient data planted in the seeds or a long run
/// of a huge value. Seeds are the repository's samples and the head of the real CMS files in
/// ../shared/data, with a patient's values replaced by the sentinels.
/// </summary>
public sealed class ReaderSurvivalTests
{
    /// <summary>Patient data of the seeds, each replaceable by an invalid value carrying a sentinel.</summary>
    private static readonly string[] PatientSlots = [Family, Given, Birth, Birth8, Member, "male", NoteWord];

    private static readonly string FhirBundle = FhirBundles.OfficeVisit($"Chief complaint: {NoteWord} for two days. Plan: ECG.").ToJsonString()
        .Replace("Garcia", Family, StringComparison.Ordinal)
        .Replace("Luis", Given, StringComparison.Ordinal)
        .Replace("1958-07-04", Birth, StringComparison.Ordinal)
        .Replace("MBR99887766", Member, StringComparison.Ordinal);

    /// <summary>A bundle with a Coverage whose subscriber is a RelatedPerson, and the patient's address (docs/INTAKE.md, "Coverage").</summary>
    private static readonly string FhirCoverageBundle = IntakeCoverageTests.WithCoverage().ToJsonString()
        .Replace("Garcia", Family, StringComparison.Ordinal)
        .Replace("Luis", Given, StringComparison.Ordinal)
        .Replace("Rosa", Given, StringComparison.Ordinal)
        .Replace("1958-07-04", Birth, StringComparison.Ordinal)
        .Replace("1960-02-03", Birth, StringComparison.Ordinal)
        .Replace("W987654321", Member, StringComparison.Ordinal)
        .Replace("MBR99887766", Member, StringComparison.Ordinal);

    [Fact]
    public void Fhir_bundle_reader_refuses_only_with_intake_errors_and_never_repeats_patient_data() =>
        Survive("FHIR bundle", [Utf8(FhirBundle), Utf8(FhirBundle.Replace(",", ",\n", StringComparison.Ordinal)), Utf8(FhirCoverageBundle)], PatientSlots,
            bytes => FhirEncounterReader.ReadBundle(Text(bytes), "bundle.json"), IsIntake);

    [Fact]
    public void Fhir_ndjson_reader_refuses_only_with_intake_errors_and_never_repeats_patient_data() =>
        Survive("FHIR NDJSON", [Utf8(FhirBundle + "\n" + FhirBundle.Replace("EHR-000123", "EHR-000124", StringComparison.Ordinal) + "\n")], PatientSlots,
            bytes => FhirEncounterReader.ReadNdjsonParallel(Reader(bytes), "encounters.ndjson"), IsIntake);

    [Fact]
    public void Encounter_csv_reader_refuses_only_with_intake_errors_and_never_repeats_patient_data() =>
        Survive("encounter CSV", [Utf8(string.Join("\n",
            string.Join(',', EncounterCsvReader.Columns),
            $"EHR-1,1234567893,{Family},{Given},{Birth},M,{Member},2026-03-02,11,2026-03-02T17:31:00Z,\"{NoteWord}, chest pain \"\"sharp\"\"\"",
            $"EHR-2,1234567893,{Family},{Given},{Birth},F,{Member},2026-03-03,11,2026-03-03T08:00:00.5+02:00,{NoteWord} follow-up",
            string.Empty)), Utf8(string.Join("\n",
            string.Join(',', [.. EncounterCsvReader.Columns, .. EncounterCsvReader.CoverageColumns, .. EncounterCsvReader.AddressColumns]),
            $"EHR-3,1234567893,{Family},{Given},{Birth},M,{Member},2026-03-02,11,2026-03-02T17:31:00Z,{NoteWord},AETNA,{Member},child,GRP-1,{Family},{Given},{Birth},F,12 Elm Street,,Austin,TX,78702",
            $"EHR-4,1234567893,{Family},{Given},{Birth},F,{Member},2026-03-03,11,2026-03-03T08:00:00Z,{NoteWord},BCBS-TX,,self,,,,,,1 Main St,Apt 2,Dallas,TX,752011000",
            string.Empty))], PatientSlots,
            bytes => EncounterCsvReader.Read(Reader(bytes), "encounters.csv").ToList(), IsIntake);

    [Fact]
    public void Coding_json_reader_refuses_only_with_coding_invalid() =>
        Survive("coding JSON", [Utf8("""
            {"diagnoses": ["E11.9", "I10"],
             "lines": [{"code": "99214", "modifiers": ["25"], "units": 1, "charge": "185.00", "pointers": [1, 2]},
                       {"code": "93000", "charge": 40}],
             "em": {"patient": "established", "problems": ["stable-chronic"], "data": {"testsReviewed": 2}, "risk": "low", "totalMinutes": null}}
            """)], [], bytes => CodingSubmission.Parse(Text(bytes)), e => e is DomainException { Code: "CODING-INVALID" });

    [Fact]
    public void Em_input_reader_refuses_only_with_em_input_invalid() =>
        Survive("E/M input", [Utf8("""
            {"patient": "new", "problems": ["acute-uncomplicated", "stable-chronic"],
             "data": {"externalNotes": 1, "testsReviewed": 2, "testsOrdered": 0, "independentHistorian": true, "independentInterpretation": false, "externalDiscussion": false},
             "risk": "moderate", "totalMinutes": 42, "payer": "medicare"}
            """)], [], bytes => EmInputJson.Parse(Text(bytes)), e => e is EmInputException);

    [Fact]
    public void Setup_yaml_reader_refuses_only_with_setup_errors() =>
        Survive("setup YAML", [Utf8(Setup.SetupSamples.Yaml), Utf8(Setup.SetupBillingTests.Yaml())], [], bytes => Core.Setup.SetupReader.Read(Text(bytes), Core.Setup.SetupFormat.Yaml, "setup.yaml"),
            e => e is Core.Setup.SetupRefusedException);

    [Fact]
    public void Setup_json_reader_refuses_only_with_setup_errors() =>
        Survive("setup JSON", [Utf8(Setup.SetupSamples.Json)], [], bytes => Core.Setup.SetupReader.Read(Text(bytes), Core.Setup.SetupFormat.Json, "setup.json"),
            e => e is Core.Setup.SetupRefusedException);

    [Fact]
    public void Credential_map_reader_refuses_only_with_credential_map_invalid() =>
        Survive("credential map", [Embedded("CodeLedger.Core.Assignment.credential-specialties.json")], [],
            bytes => CredentialSpecialtyMap.Parse(Text(bytes)), e => e is DomainException { Code: "CREDENTIAL-MAP-INVALID" });

    [Fact]
    public void Icd_order_file_reader_refuses_only_with_codeset_format() =>
        Survive("ICD-10-CM order file", [Head(ZipMember("icd10cm/cms_2026_dx.zip", "icd10cm_order_2026.txt"), 40)], [],
            bytes => IcdOrderFileReader.Read(Reader(bytes), "icd10cm_order_2026.txt"), IsCodeSet);

    [Fact]
    public void Hcpcs_anweb_reader_refuses_only_with_codeset_format() =>
        Survive("HCPCS ANWEB", [Head(ZipMember("hcpcs/2019-Alpha-Numeric-HCPCS-File.zip", "HCPC2019_CONTR_ANWEB.txt"), 40)], [],
            bytes => HcpcsAnwebReader.Read(Reader(bytes), "HCPC2019_CONTR_ANWEB.txt"), IsCodeSet);

    [Fact]
    public void Ncci_ptp_reader_refuses_only_with_codeset_format() =>
        Survive("NCCI PTP", [Head(Gz("ncci/ncci_ptp_practitioner_2024Q2_v301r0_NO-EFFDATE.tsv.gz"), 40)], [],
            bytes => PtpFileReader.Read(Reader(bytes), "ptp.tsv", new DateOnly(2024, 4, 1), capacity: 64), IsCodeSet);

    [Fact]
    public void Mue_reader_refuses_only_with_codeset_format() =>
        Survive("MUE", [Head(Gz("ncci/MCR_MUE_PractitionerServices_Eff_04-01-2024_RECONSTRUCTED.csv.gz"), 40)], [],
            bytes => MueFileReader.Read(Reader(bytes), "mue.csv"), IsCodeSet);

    [Fact]
    public void Rvu_reader_refuses_only_with_codeset_format() =>
        Survive("PPRRVU", [Head(Gz("pfs-rvu/PPRRVU2025_Oct.csv.gz"), 40)], [],
            bytes => RvuFileReader.Read(Reader(bytes), "PPRRVU2025_Oct.csv"), IsCodeSet);

    [Fact]
    public void Code_set_archives_damaged_or_forged_are_refused_with_codeset_format()
    {
        var order = Head(ZipMember("icd10cm/cms_2026_dx.zip", "icd10cm_order_2026.txt"), 20);
        var mue = Head(Gz("ncci/MCR_MUE_PractitionerServices_Eff_04-01-2024_RECONSTRUCTED.csv.gz"), 20);
        Survive("code-set archives", [Zipped("icd10cm_order_2026.txt", order), Gzipped(mue)], [], bytes =>
        {
            var kind = bytes is [(byte)'P', ..] ? CodeSetKind.Icd10Cm : CodeSetKind.Mue;
            CodeSetImporter.Import(kind, bytes, kind == CodeSetKind.Mue ? "mue.csv.gz" : "cms_dx.zip", new DateOnly(2025, 10, 1), null);
        }, IsCodeSet);
    }

    [Fact]
    public void Cpt_descriptor_reader_refuses_only_with_codeset_format() =>
        Survive("CPT descriptors", [Utf8("code,descriptor\n99213,\"Office visit, established, low MDM\"\n99214,Office visit established moderate MDM\n")], [],
            bytes => CptDescriptorReader.Read(Reader(bytes), "cpt.csv"), IsCodeSet);

    private static readonly byte[] ClaimCsv = Utf8(
        "claim_id,dos,pos,rendering_npi,patient_birth_date,patient_sex,dx1,dx2,code,modifiers,units,charge,pointers,em\n" +
        $"A1,2025-03-04,11,1234567893,{Birth},F,I10,E78.5,99214,25,1,150.00,1:2,\"{{\"\"patient\"\": \"\"established\"\", \"\"problems\"\": [\"\"stable-chronic\"\"], \"\"risk\"\": \"\"low\"\"}}\"\n" +
        $"A1,2025-03-04,11,1234567893,{Birth},F,I10,E78.5,93000,,1,40.00,1,\n");

    [Fact]
    public void Claim_csv_reader_survives_damage_and_repeats_codes_only_cut_short() =>
        Survive("claims CSV", [ClaimCsv], [Birth], bytes =>
        {
            var batch = ClaimCsvReader.Read(Reader(bytes));
            Assert.All(batch.Malformed, f => Assert.Null(HugeLeak(f.Message)));
        }, IsClaimCsvHeader, sentinels: false);

    [Fact]
    public void Claim_csv_reader_never_repeats_a_patient_value() =>
        SurvivePatientValues("claims CSV", [ClaimCsv], [Birth, "F,"], bytes =>
        {
            var batch = ClaimCsvReader.Read(Reader(bytes));
            Assert.All(batch.Malformed, f => Assert.Null(Leak(f.Message)));
        }, IsClaimCsvHeader, count: 2_000);

    [Fact]
    public void Claim_837_reader_survives_damage_and_repeats_codes_only_cut_short() =>
        Survive("837P claims", [Utf8(Seed837)], PatientSlots, bytes => Read837(bytes, HugeLeak), Is837Refusal, sentinels: false);

    [Fact]
    public void Claim_837_reader_never_repeats_a_patient_value() =>
        SurvivePatientValues("837P claims", [Utf8(Seed837)], PatientSlots, bytes => Read837(bytes, Leak), Is837Refusal, count: 2_000);

    [Fact]
    public void Remittance_835_parse_survives_damage_and_repeats_codes_only_cut_short() =>
        Survive("835 remittance", [Utf8(Seed835)], PatientSlots,
            bytes => Assert.All(X12Parser.Parse(bytes).Errors, e => Assert.Null(HugeLeak(e.Message))), _ => false, sentinels: false);

    [Fact]
    public void Remittance_835_parse_never_repeats_a_patient_value() =>
        SurvivePatientValues("835 remittance", [Utf8(Seed835)], PatientSlots,
            bytes => Assert.All(X12Parser.Parse(bytes).Errors, e => Assert.Null(Leak(e.Message))), _ => false, count: 2_000);

    [Fact]
    public void Claim_acknowledgment_277CA_read_survives_damage_and_repeats_codes_only_cut_short() =>
        Survive("277CA acknowledgment", [Utf8(Seed277)], PatientSlots,
            bytes => Assert.All(Read277(bytes), m => Assert.Null(HugeLeak(m))), _ => false, sentinels: false);

    [Fact]
    public void Claim_acknowledgment_277CA_read_never_repeats_a_patient_value() =>
        SurvivePatientValues("277CA acknowledgment", [Utf8(Seed277)], PatientSlots,
            bytes => Assert.All(Read277(bytes), m => Assert.Null(Leak(m))), _ => false, count: 2_000);

    /// <summary>Every message the 277CA reader gives: its findings and each claim's reasons (as for the 835, a finding's Value is the IK404 copy of a code, at most 99 characters).</summary>
    private static IEnumerable<string> Read277(byte[] bytes)
    {
        var doc = X12.Acknowledgments.Reading.X12AcknowledgmentDocument.Load(bytes);
        return [.. doc.Result.Errors.Select(e => e.Message), .. doc.ClaimAcknowledgments277.SelectMany(a => a.Claims.SelectMany(c => c.Reasons()))];
    }

    /// <summary>A 277CA written from the 005010X214 guide, the patient's name and member id in 2100D.</summary>
    private static string Seed277 => string.Join("~\n",
        "ISA*00*          *00*          *ZZ*PAYER01        *ZZ*CODELEDGER     *240316*0805*^*00501*000000101*0*P*:",
        "GS*HN*PAYER01*CODELEDGER*20240316*0805*101*X*005010X214", "ST*277*0001*005010X214", "BHT*0085*08*277CA0001*20240316*0805*TH",
        "HL*1**20*1", "NM1*PR*2*ACME HEALTH PLAN*****PI*12345", "TRN*1*277CA0001", "DTP*050*D8*20240315", "DTP*009*D8*20240316",
        "HL*2*1*21*1", "NM1*41*2*NORTHSIDE FAMILY MEDICINE*****46*CLSUBMIT01", "TRN*2*BATCH0042", "STC*A1:19:PR*20240316*WQ*250",
        "HL*3*2*19*1", "NM1*85*2*NORTHSIDE FAMILY MEDICINE*****XX*1234567893", "TRN*1*0", "STC*A1:19:PR**WQ*250",
        "HL*4*3*PT", $"NM1*QC*1*{Family}*{Given}****MI*{Member}", "TRN*2*ENC-1001-1", "STC*A2:20:PR*20240316*WQ*125", "REF*1K*PCCN1", "DTP*472*D8*20240301",
        "HL*5*3*PT", $"NM1*QC*1*{Family}*{Given}****MI*{Member}", "TRN*2*ENC-1002-1", "STC*A7:562:85*20240316*U*125", "DTP*472*D8*20240301",
        "SVC*HC:99213*125*****1", "STC*A7:454*20240316*U", "REF*FJ*1",
        "SE*30*0001", "GE*1*101", "IEA*1*000000101") + "~\n";

    private static string Seed835 => File.ReadAllText(RepoPaths.Data("x12-samples", "835", "linuxforhealth", "demo.835"))
        .Replace("NM1*QC*1*JONES*SAM*O***HN*666666666A~", $"NM1*QC*1*{Family}*{Given}*O***HN*{Member}~", StringComparison.Ordinal);

    /// <summary>Check refuses a file that is not X12 with FormatException (claims scrub reports it, exit 2); Read never throws.</summary>
    private static void Read837(byte[] bytes, Func<string, string?> leak)
    {
        var findings = Claim837Reader.Check(new MemoryStream(bytes));
        Assert.All(findings, f => Assert.Null(leak(f.Message)));
        Claim837Reader.Read(new MemoryStream(bytes), _ => { });
    }

    private static bool Is837Refusal(Exception e) => e is FormatException;

    /// <summary>A header without the required columns, or naming one twice: claims scrub reports it (exit 2).</summary>
    private static bool IsClaimCsvHeader(Exception e) => e is FormatException;

    private static string Seed837 => File.ReadAllText(RepoPaths.Data("x12-samples", "837p", "imsweb", "x12_valid.txt"))
        .Replace("NM1*IL*1*DOE*JOHN*T**JR*MI*123456~", $"NM1*IL*1*{Family}*{Given}*T**JR*MI*{Member}~\nDMG*D8*{Birth8}*F~", StringComparison.Ordinal);

    private static bool IsIntake(Exception e) => e is IntakeFormatException { Code: "INTAKE-MISSING-RESOURCE" or "INTAKE-MISSING-FIELD" or "INTAKE-INVALID-FIELD" or "INTAKE-UNREADABLE" };

    private static bool IsCodeSet(Exception e) => e is CodeSetFormatException;

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>As the command line reads a file: UTF-8 with a byte-order mark honoured, invalid bytes replaced.</summary>
    private static string Text(byte[] bytes) => Reader(bytes).ReadToEnd();

    private static StreamReader Reader(byte[] bytes) => new(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);

    private static byte[] Head(byte[] file, int lines)
    {
        var text = Encoding.Latin1.GetString(file);
        var end = 0;
        for (var i = 0; i < lines && end >= 0; i++)
        {
            end = text.IndexOf('\n', end + 1);
        }

        return end < 0 ? file : file[..(end + 1)];
    }

    private static byte[] ZipMember(string zip, string member)
    {
        using var archive = ZipFile.OpenRead(RepoPaths.Data(zip.Split('/')));
        using var stream = archive.GetEntry(member)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static byte[] Gz(string file)
    {
        using var stream = new GZipStream(File.OpenRead(RepoPaths.Data(file.Split('/'))), CompressionMode.Decompress);
        using var head = new MemoryStream();
        var buffer = new byte[64 * 1024];
        var read = stream.Read(buffer);
        head.Write(buffer, 0, read);
        return head.ToArray();
    }

    private static byte[] Zipped(string member, byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var stream = zip.CreateEntry(member).Open();
            stream.Write(content);
        }

        return buffer.ToArray();
    }

    private static byte[] Gzipped(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write(content);
        }

        return buffer.ToArray();
    }

    private static byte[] Embedded(string name)
    {
        using var stream = typeof(CredentialSpecialtyMap).Assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
