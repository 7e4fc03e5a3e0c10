using CodeLedger.Cli.Tests.Foundation;
using CodeLedger.Storage;
using CodeLedger.Storage.Claims;
using CodeLedger.Testing;
using CodeLedger.X12;
using Microsoft.Data.Sqlite;

namespace CodeLedger.Cli.Tests.Claims;

/// <summary>A demo database (real practices, physicians, encounters and codings) with a practice admin for each practice and a coder account.</summary>
public sealed class ClaimsDemo : IDisposable
{
    private readonly TempFolder _folder = new();

    public ClaimsDemo()
    {
        Db = _folder.File("demo.db");
        // Without billing: the billing tests set up payers, coverage and fees themselves, through the paths a practice takes.
        Check(CliRun.Of("demo", "--db", Db, "--encounters", "40", "--seed", "17", "--without-billing"));
        Check(CliRun.Of("users", "add", "pa-north", "--name", "North Admin", "--org", "NORTHSIDE-FM", "--role", "practice-admin", "--db", Db));
        Check(CliRun.Of("users", "add", "aud-north", "--name", "North Auditor", "--org", "NORTHSIDE-FM", "--role", "auditor", "--db", Db));
        Check(CliRun.Of("users", "add", "pa-heart", "--name", "Heart Admin", "--org", "HEARTWELL-CARDIO", "--role", "practice-admin", "--db", Db));
        SqliteConnection.ClearAllPools();
    }

    public string Db { get; }

    /// <summary>A copy of the database for one test, so no test sees another's imports.</summary>
    internal string Copy(TempFolder folder)
    {
        var path = folder.File("d.db");
        File.Copy(Db, path);
        File.Copy(Db + ".phikey", path + ".phikey");
        return path;
    }

    public void Dispose() => _folder.Dispose();

    private static void Check(CliRun run) => Assert.True(run.ExitCode == 0, run.ToString());
}

/// <summary>
/// <c>import claims</c> on a demo database: the vendor's 837P, written with the project's X12 writer
/// from the demo's own codings, becomes each encounter's vendor coding of record; anything that does
/// not match refuses the whole file, naming ST, CLM01, segment and field, never a name or member id.
/// </summary>
public sealed class ImportClaimsCommandTests(ClaimsDemo demo) : IClassFixture<ClaimsDemo>
{
    private const string Practice = "NORTHSIDE-FM";

    private static string Sample(string relative) => RepoPaths.Data(["x12-samples", .. relative.Split('/')]);

    private static CliRun Import(string db, string file, string user = "pa-north", string practice = Practice) =>
        CliRun.Of("import", "claims", file, "--practice", practice, "--vendor", "ACME-CODING", "--as", user, "--db", db);

    private static List<string> Query(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return values;
    }

    private static int Events(string db) => int.Parse(Query(db, "SELECT count(*) FROM ledger_events")[0], System.Globalization.CultureInfo.InvariantCulture);

    private static string WriteFile(TempFolder folder, string name, byte[] bytes)
    {
        var path = folder.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void The_vendors_claims_become_each_encounters_coding_of_record_exactly_as_billed()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        var billed = VendorClaimFiles.FinalCodings(db, Practice);
        Assert.True(billed.Count >= 5, "the demo practice has finalized encounters");
        var file = WriteFile(folder, "acme.837", VendorClaimFiles.Write(billed));

        var run = Import(db, file);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"{billed.Count} claims read, {billed.Count} new vendor coding versions, 0 unchanged", run.Out, StringComparison.Ordinal);
        var stored = Query(db, """
            SELECT e.external_id, v.version, v.diagnoses, v.service_lines, v.transaction_control, v.patient_control_number, v.interchange_control, v.group_control
            FROM vendor_claim_codings v JOIN encounters e ON e.id = v.encounter_id ORDER BY e.external_id
            """);
        var expected = Query(db, $"""
            SELECT e.external_id, 1, c.diagnoses, c.service_lines, '0001', e.external_id, '000000101', '101'
            FROM encounters e JOIN organizations o ON o.id = e.practice_id JOIN work_items w ON w.encounter_id = e.id
            JOIN coding_results c ON c.encounter_id = e.id AND c.version = w.final_coding_version WHERE o.code = '{Practice}' ORDER BY e.external_id
            """);
        Assert.Equal(expected, stored);

        var payloads = Query(db, "SELECT payload FROM ledger_events WHERE type = 'claims.vendor-coding-imported'");
        Assert.Equal(billed.Count, payloads.Count);
        Assert.All(payloads, p => Assert.DoesNotContain(VendorClaimFiles.PatientFamily, p, StringComparison.OrdinalIgnoreCase));
        Assert.All(payloads, p => Assert.DoesNotContain(VendorClaimFiles.MemberId, p, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["pa-north"], Query(db, "SELECT DISTINCT actor FROM ledger_events WHERE type = 'claims.vendor-coding-imported'"));

        var verify = CliRun.Of("ledger", "verify", "--db", db);
        Assert.True(verify.ExitCode == 0, verify.ToString());
    }

    [Fact]
    public void The_same_file_again_changes_nothing_and_says_so()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        var file = WriteFile(folder, "acme.837", VendorClaimFiles.Write(VendorClaimFiles.FinalCodings(db, Practice)));
        Assert.Equal(0, Import(db, file).ExitCode);
        var events = Events(db);
        var rows = Query(db, "SELECT id, version FROM vendor_claim_codings ORDER BY id");

        var again = Import(db, file);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("nothing changed", again.Out, StringComparison.Ordinal);
        Assert.Equal(events, Events(db));
        Assert.Equal(rows, Query(db, "SELECT id, version FROM vendor_claim_codings ORDER BY id"));
    }

    [Fact]
    public void A_corrected_claim_is_a_new_version_and_the_first_is_kept()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        var billed = VendorClaimFiles.FinalCodings(db, Practice);
        Assert.Equal(0, Import(db, WriteFile(folder, "first.837", VendorClaimFiles.Write(billed))).ExitCode);
        var corrected = billed[0] with { Lines = [.. billed[0].Lines.Select(l => l with { Code = l.Code == "99213" ? "99214" : "99213" })] };

        var run = Import(db, WriteFile(folder, "second.837", VendorClaimFiles.Write([corrected, .. billed.Skip(1)], "000000102")));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"{billed.Count} claims read, 1 new vendor coding versions, {billed.Count - 1} unchanged", run.Out, StringComparison.Ordinal);
        var versions = Query(db, $"SELECT v.version, v.interchange_control FROM vendor_claim_codings v JOIN encounters e ON e.id = v.encounter_id WHERE e.external_id = '{billed[0].Key}' ORDER BY v.version");
        Assert.Equal(["1|000000101", "2|000000102"], versions);
        Assert.Equal(0, CliRun.Of("ledger", "verify", "--db", db).ExitCode);
    }

    [Fact]
    public void A_claim_that_matches_no_encounter_or_another_date_refuses_the_whole_file_naming_st_clm_segment_and_field()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        var billed = VendorClaimFiles.FinalCodings(db, Practice);
        var wrongDate = billed[1] with { DateOfService = billed[1].DateOfService.AddDays(1) };
        var unknown = billed[2] with { Key = "NO-29990101-999999" };
        var file = WriteFile(folder, "bad.837", VendorClaimFiles.Write([billed[0], wrongDate, unknown, .. billed.Skip(3)]));
        var events = Events(db);

        var run = Import(db, file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("CLAIMS-IMPORT-UNMATCHED: bad.837: 2 problem(s)", run.Error, StringComparison.Ordinal);
        Assert.Contains($"bad.837 ST 0001 CLM*{billed[1].Key} LX*1 DTP*472: service date {wrongDate.DateOfService:yyyy-MM-dd}, encounter's date of service {billed[1].DateOfService:yyyy-MM-dd}", run.Error, StringComparison.Ordinal);
        Assert.Contains("bad.837 ST 0001 CLM*NO-29990101-999999 CLM01: no encounter of the practice has this patient control number", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(VendorClaimFiles.PatientFamily, run.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(VendorClaimFiles.MemberId, run.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Query(db, "SELECT id FROM vendor_claim_codings"));
        Assert.Equal(events, Events(db));
    }

    [Fact]
    public void Claims_of_another_practices_physician_are_refused()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        var heart = VendorClaimFiles.FinalCodings(db, "HEARTWELL-CARDIO")[0];
        var north = VendorClaimFiles.FinalCodings(db, Practice)[0] with { Npi = heart.Npi };

        var run = Import(db, WriteFile(folder, "npi.837", VendorClaimFiles.Write([north])));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"npi.837 ST 0001 CLM*{north.Key} NM1*82 (2310B) NM109: NPI {heart.Npi} is not a physician of the practice", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_file_is_refused_with_the_x12_readers_findings_and_nothing_stored()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        var bytes = VendorClaimFiles.Write(VendorClaimFiles.FinalCodings(db, Practice));
        var file = WriteFile(folder, "cut.837", bytes[..(bytes.Length * 2 / 3)]);

        var run = Import(db, file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("CLAIMS-IMPORT-UNREADABLE: cut.837 has X12 errors; nothing was imported", run.Error, StringComparison.Ordinal);
        Assert.Matches(@"X12 X12-\d+ at segment \d+ \(", run.Error);
        Assert.Empty(Query(db, "SELECT id FROM vendor_claim_codings"));
    }

    [Fact]
    public void An_835_is_refused_as_not_an_837p()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);

        var run = Import(db, Sample("835/linuxforhealth/demo.835"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("CLAIMS-IMPORT-UNREADABLE: demo.835: an X12", run.Error, StringComparison.Ordinal);
        Assert.Contains("holds no professional claims; give the vendor's 837P (005010X222A1)", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("837p/linuxforhealth/demo.837")]
    [InlineData("837p/linuxforhealth/demo.example1.837")]
    [InlineData("837p/oopfactory/Example1_HealthInsurance.txt")]
    public void A_real_837p_of_another_practice_is_refused_with_every_claim_listed_and_no_phi(string sample)
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        var document = X12Document.Load(File.ReadAllBytes(Sample(sample)));
        var claims = document.Claims837.SelectMany(i => i.Transactions.SelectMany(t => t.Claims.Select(c => (t.Header.ControlNumber, c)))).ToList();
        Assert.NotEmpty(claims);

        var run = Import(db, Sample(sample));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("CLAIMS-IMPORT-UNMATCHED", run.Error, StringComparison.Ordinal);
        foreach (var (st, claim) in claims)
        {
            Assert.Contains($"ST {st} CLM*{claim.PatientControlNumber} CLM01: no encounter of the practice", run.Error, StringComparison.Ordinal);
            foreach (var name in new[] { claim.Subscriber.Name, claim.Patient?.Name })
            {
                if (name is null)
                {
                    continue;
                }

                Assert.DoesNotContain(name.LastOrOrganization, run.Error, StringComparison.OrdinalIgnoreCase);
                if (name.Id is { Length: > 3 } memberId)
                {
                    Assert.DoesNotContain(memberId, run.Error, StringComparison.Ordinal);
                }
            }
        }

        Assert.Empty(Query(db, "SELECT id FROM vendor_claim_codings"));
    }

    [Fact]
    public void A_user_of_another_practice_is_told_there_is_no_such_practice_and_a_coder_may_not_import()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        var file = WriteFile(folder, "acme.837", VendorClaimFiles.Write(VendorClaimFiles.FinalCodings(db, Practice)));

        var other = Import(db, file, user: "pa-heart");
        var missing = Import(db, file, user: "pa-heart", practice: "NO-SUCH-PRACTICE");
        var coder = Import(db, file, user: "mreyes");

        Assert.Equal(1, other.ExitCode);
        Assert.Equal($"codeledger: ORG-UNKNOWN: no practice with code '{Practice}'\n", other.Error);
        Assert.Equal("codeledger: ORG-UNKNOWN: no practice with code 'NO-SUCH-PRACTICE'\n", missing.Error);
        Assert.Equal(1, coder.ExitCode);
        Assert.Contains("ACCESS-ROLE-REFUSED", coder.Error, StringComparison.Ordinal);
        Assert.Empty(Query(db, "SELECT id FROM vendor_claim_codings"));
    }

    [Fact]
    public void The_practices_own_auditor_may_import()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        var file = WriteFile(folder, "acme.837", VendorClaimFiles.Write(VendorClaimFiles.FinalCodings(db, Practice).Take(2)));

        var run = Import(db, file, user: "aud-north");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(2, Query(db, "SELECT id FROM vendor_claim_codings").Count);
    }

    [Fact]
    public void Ledger_verify_names_an_edited_vendor_coding_row()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        var billed = VendorClaimFiles.FinalCodings(db, Practice);
        Assert.Equal(0, Import(db, WriteFile(folder, "acme.837", VendorClaimFiles.Write(billed))).ExitCode);
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var tamper = connection.CreateCommand();
            tamper.CommandText = $"UPDATE vendor_claim_codings SET diagnoses = '[\"Z0000\"]' WHERE encounter_id = (SELECT id FROM encounters WHERE external_id = '{billed[0].Key}')";
            Assert.Equal(1, tamper.ExecuteNonQuery());
        }

        var verify = CliRun.Of("ledger", "verify", "--db", db);

        Assert.Equal(1, verify.ExitCode);
        Assert.Matches($@"STATE-DIVERGES: vendor_claim_codings row for encounter {billed[0].Key} vendor coding version 1: diagnoses Z0000, ledger says {string.Join(" ", billed[0].Diagnoses)} \(event \d+\)", verify.Out);
    }

    [Fact]
    public async Task The_audit_population_takes_the_final_codeledger_coding_sorted_by_encounter_key()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        Assert.Equal(0, Import(db, WriteFile(folder, "acme.837", VendorClaimFiles.Write(VendorClaimFiles.FinalCodings(db, Practice)))).ExitCode);
        var practiceId = Guid.Parse(Query(db, $"SELECT id FROM organizations WHERE code = '{Practice}'")[0]);
        var expected = Query(db, $"""
            SELECT e.external_id, p.npi, e.specialty, lower(c.coder_id), e.date_of_service FROM encounters e JOIN physicians p ON p.id = e.physician_id
            JOIN work_items w ON w.encounter_id = e.id JOIN coding_results c ON c.encounter_id = e.id AND c.version = w.final_coding_version
            WHERE e.practice_id = '{practiceId.ToString().ToUpperInvariant()}' AND e.date_of_service BETWEEN '2026-10-05' AND '2026-10-20'
            """).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        var store = await CodeLedgerStore.OpenAsync(db, TestClock.Create(), TestContext.Current.CancellationToken);

        var rows = await new AuditPopulationReader(store).LoadAsync(practiceId, new DateOnly(2026, 10, 5), new DateOnly(2026, 10, 20), null, TestContext.Current.CancellationToken);

        Assert.Equal(expected, rows.Select(r => $"{r.EncounterKey}|{r.PhysicianNpi}|{r.Specialty}|{r.CoderId}|{r.DateOfService:yyyy-MM-dd}").ToList());
        Assert.All(rows, r => Assert.Equal(AuditCodingSource.CodeLedgerFinal, r.Source));
        var coding = await new AuditPopulationReader(store).LoadVendorCodingAsync(rows[0].EncounterId, null, TestContext.Current.CancellationToken);
        Assert.Equal(AuditCodingSource.CodeLedgerFinal, coding!.Source);
        SqliteConnection.ClearAllPools();
    }
}
