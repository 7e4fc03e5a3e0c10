using static CodeLedger.Cli.Tests.Foundation.SqliteRows;
using CodeLedger.Cli.Tests.Foundation;
using CodeLedger.Testing;
using Microsoft.Data.Sqlite;
using static CodeLedger.Cli.Tests.Setup.SetupBillingCommandTests;

namespace CodeLedger.Cli.Tests.Setup;

/// <summary>
/// <c>import encounters</c> with coverage (docs/INTAKE.md, "Coverage") on the demo's setup with the
/// practices' payers: coverages stored by version and ledgered by keyed hash only; a payer code the
/// practice lacks is a warning, not a refusal; the same file twice changes nothing; a changed policy
/// is a new version; a bad value or a truncated file is refused whole, naming line and column, never
/// the value; replay rebuilds the table and an edited row is named by <c>ledger verify</c>.
/// </summary>
public sealed class IntakeCoverageCommandTests
{
    private const string Chen = "1501202026";
    private const string Header = "external_id,physician_npi,patient_family_name,patient_given_name,patient_birth_date,patient_sex,patient_member_id,date_of_service,place_of_service,documentation_completed_at,note,"
        + "payer_code,coverage_member_id,relationship,group_number,subscriber_family_name,subscriber_given_name,subscriber_birth_date,subscriber_sex,"
        + "patient_address_line1,patient_address_line2,patient_address_city,patient_address_state,patient_address_zip\n";

    private static string Row(string id, string coverage, string address = "1200 Oak Lane,,Austin,TX,78701") =>
        $"{id},{Chen},Quintanilla,Marisol,1971-05-09,F,MBR445566,2026-10-01,11,2026-10-01T16:00:00Z,\"Hypertension follow-up; lisinopril continued.\",{coverage},{address}\n";

    private static string Visits(string secondCoverage = "UNITED,U777,spouse,G-9,Quintanilla,Hector,1969-11-30,M") =>
        Header + Row("EHR-C1", "BCBS-TX,,self,GRP-100,,,,") + Row("EHR-C2", secondCoverage) + Row("EHR-C3", ",,,,,,,", ",,,,");

    private static string World(TempFolder folder)
    {
        var db = folder.File("i.db");
        Ok("setup", "apply", Write(folder, "setup.yaml", SetupBillingCommandTests.Setup()), "--db", db);
        return db;
    }

    private static CliRun Import(string db, string file) => CliRun.Of("import", "encounters", file, "--practice", "NORTHSIDE-FM", "--vendor", "ACME-CODING", "--db", db);

    [Fact]
    public void Coverages_are_stored_by_version_ledgered_by_hash_and_an_unknown_payer_is_a_warning()
    {
        using var folder = new TempFolder();
        var db = World(folder);

        var run = Import(db, Write(folder, "visits.csv", Visits()));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("3 new", run.Out, StringComparison.Ordinal);
        Assert.Contains(", 2 coverages recorded\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("warning: payer code UNITED is not a payer of NORTHSIDE-FM (1 encounter, first at visits.csv line 3): their claims wait in the fix queue (CLAIM-PAYER-UNKNOWN)", run.Out, StringComparison.Ordinal);
        Assert.Equal(["BCBS-TX|1", "UNITED|1"], Query(db, "SELECT payer_code, version FROM encounter_coverages ORDER BY payer_code"));
        var payloads = string.Join("\n", Query(db, "SELECT payload FROM ledger_events WHERE type = 'coverage.recorded'"));
        Assert.Equal(2, Count(db, "SELECT count(*) FROM ledger_events WHERE type = 'coverage.recorded'"));
        Assert.Contains("\"policyHash\":\"hmac-sha256:", payloads, StringComparison.Ordinal);
        foreach (var phi in new[] { "MBR445566", "U777", "Hector", "Quintanilla", "1200 Oak Lane", "78701", "G-9", "GRP-100" })
        {
            Assert.DoesNotContain(phi, payloads, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Hector", string.Join("", Query(db, "SELECT policy FROM encounter_coverages")), StringComparison.Ordinal);
        VerifyClean(db);
    }

    [Fact]
    public void The_same_file_twice_changes_nothing_and_a_changed_policy_is_the_next_version()
    {
        using var folder = new TempFolder();
        var db = World(folder);
        Assert.Equal(0, Import(db, Write(folder, "visits.csv", Visits())).ExitCode);
        var events = Count(db, "SELECT count(*) FROM ledger_events");

        var again = Import(db, folder.File("visits.csv"));
        var afterAgain = Count(db, "SELECT count(*) FROM ledger_events");
        var changed = Import(db, Write(folder, "changed.csv", Visits("AETNA,A-1,spouse,G-9,Quintanilla,Hector,1969-11-30,M")));

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("0 new", again.Out, StringComparison.Ordinal);
        Assert.Contains("3 unchanged", again.Out, StringComparison.Ordinal);
        Assert.Equal(events, afterAgain);
        Assert.True(changed.ExitCode == 0, changed.ToString());
        Assert.Contains("1 corrected", changed.Out, StringComparison.Ordinal);
        Assert.Equal(["AETNA|2", "BCBS-TX|1", "UNITED|1"], Query(db, "SELECT payer_code, version FROM encounter_coverages ORDER BY payer_code"));
        Assert.Equal(["2|EHR-C2"], Query(db, "SELECT json_extract(payload, '$.version'), subject FROM ledger_events WHERE type = 'coverage.recorded' AND json_extract(payload, '$.version') = 2"));
        VerifyClean(db);
    }

    [Fact]
    public void A_bad_relationship_or_a_truncated_file_is_refused_whole_naming_line_and_column_never_the_value()
    {
        using var folder = new TempFolder();
        var db = World(folder);
        var events = Count(db, "SELECT count(*) FROM ledger_events");
        var text = Visits();

        var bad = Import(db, Write(folder, "bad.csv", Visits("UNITED,U777,stepbrother,G-9,Quintanilla,Hector,1969-11-30,M")));
        var cut = Import(db, Write(folder, "cut.csv", text[..(text.LastIndexOf("Hypertension", StringComparison.Ordinal) + 5)]));

        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("bad.csv line 3: CSV.relationship: must be one of self, spouse, child, other", bad.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("stepbrother", bad.Out + bad.Error, StringComparison.Ordinal);
        Assert.Equal(1, cut.ExitCode);
        Assert.Contains("cut.csv line 4", cut.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Hyper", cut.Out + cut.Error, StringComparison.Ordinal);
        Assert.Equal(events, Count(db, "SELECT count(*) FROM ledger_events"));
        Assert.Equal(0, Count(db, "SELECT count(*) FROM encounter_coverages"));
    }

    [Fact]
    public void An_edited_coverage_row_is_named_by_ledger_verify()
    {
        using var folder = new TempFolder();
        var db = World(folder);
        Assert.Equal(0, Import(db, Write(folder, "visits.csv", Visits())).ExitCode);
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var edit = connection.CreateCommand();
            edit.CommandText = "UPDATE encounter_coverages SET payer_code = 'MEDICARE' WHERE payer_code = 'UNITED'";
            Assert.Equal(1, edit.ExecuteNonQuery());
        }

        var verify = CliRun.Of("ledger", "verify", "--db", db);

        Assert.NotEqual(0, verify.ExitCode);
        Assert.Contains("encounter_coverages row for encounter EHR-C2 coverage version 1", verify.Out + verify.Error, StringComparison.Ordinal);
    }
}
