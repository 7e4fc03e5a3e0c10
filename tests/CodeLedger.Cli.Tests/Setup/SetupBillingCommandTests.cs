using static CodeLedger.Cli.Tests.Foundation.SqliteRows;
using System.Globalization;
using CodeLedger.Cli.Tests.Foundation;
using CodeLedger.Testing;
using Microsoft.Data.Sqlite;

namespace CodeLedger.Cli.Tests.Setup;

/// <summary>
/// Payers and billing profiles through <c>setup apply|diff|export</c> on the demo's own setup file
/// (docs/SETUP.md, "Billing"): two practices, each with its payers and profile; export applied back
/// changes nothing; a changed payer is one <c>payer.updated</c>; a bad file is refused whole naming
/// every path; replay rebuilds both tables and an edited row is named by <c>ledger verify</c>.
/// </summary>
public sealed class SetupBillingCommandTests
{
    private static readonly string Example = Path.Combine(RepoPaths.Root, "docs", "examples", "demo-setup.yaml");

    internal const string NorthBilling = """
            payers:
              - code: BCBS-TX
                name: Blue Cross Blue Shield of Texas
                payerId: "84980"
                claimFilingIndicator: BL
                receiver: {qualifier: ZZ, id: AVAILITY, groupCode: "030240928"}
              - code: MEDICARE
                name: Novitas Solutions JL
                payerId: "04412"
                claimFilingIndicator: MB
                receiver: {qualifier: ZZ, id: NOVITAS, groupCode: NOVITAS}
            billing:
              npi: "1234567893"
              ein: "741234567"
              address: {line1: 1200 Main Street, line2: Suite 300, city: Austin, state: TX, zip: 78701-1234}
              submitter: {etin: NORTHFM01, name: Northside Family Medicine, contactName: Ana Billing, contactPhone: "5125550100"}
              production: true

        """;

    internal const string HeartBilling = """
            payers:
              - code: AETNA
                name: Aetna
                payerId: "60054"
                claimFilingIndicator: CI
                receiver: {qualifier: ZZ, id: AVAILITY, groupCode: "030240928"}
            billing:
              npi: "1245319599"
              ein: "751112222"
              address: {line1: 9 Heart Way, city: Dallas, state: TX, zip: "752011000"}
              submitter: {etin: HEARTWELL, name: Heartwell Cardiology, contactName: Cy Claims, contactPhone: "2145550199"}

        """;

    /// <summary>The demo's setup with payers and a billing profile inserted after each practice's physicians.</summary>
    internal static string Setup(string north = NorthBilling, string heart = HeartBilling)
    {
        var text = WithoutBilling(File.ReadAllText(Example));
        var northAt = text.IndexOf("  - code: NORTHSIDE-FM", StringComparison.Ordinal);
        var auditAt = text.IndexOf("auditFirms:", StringComparison.Ordinal);
        Assert.True(northAt > 0 && auditAt > northAt, "the demo setup lists HEARTWELL-CARDIO, then NORTHSIDE-FM, then the audit firms");
        return text[..northAt] + heart + text[northAt..auditAt] + north + text[auditAt..];
    }

    /// <summary>The demo's setup bills (payers and a profile per practice); these tests bring their own, so the demo's are cut out.</summary>
    private static string WithoutBilling(string text)
    {
        var kept = new List<string>();
        var skipping = false;
        foreach (var line in text.Split('\n'))
        {
            var indent = line.Length - line.TrimStart(' ').Length;
            if (line is "    payers:" or "    billing:")
            {
                skipping = true;
                continue;
            }

            if (skipping && line.Length > 0 && indent <= 4)
            {
                skipping = false;
            }

            if (!skipping)
            {
                kept.Add(line);
            }
        }

        return string.Join('\n', kept);
    }

    internal static string Write(TempFolder folder, string name, string text)
    {
        var path = folder.File(name);
        File.WriteAllText(path, text);
        return path;
    }

    internal static CliRun Ok(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }

    internal static void VerifyClean(string db) =>
        Assert.Contains("matches the stored tables", Ok("ledger", "verify", "--db", db).Out, StringComparison.Ordinal);

    [Fact]
    public void Two_practices_payers_and_profiles_are_stored_ledgered_replayed_and_export_applies_back_as_nothing_changed()
    {
        using var folder = new TempFolder();
        var db = folder.File("s.db");

        var applied = Ok("setup", "apply", Write(folder, "setup.yaml", Setup()), "--db", db, "--as", "onboarding");
        var events = Count(db, "SELECT count(*) FROM ledger_events");
        var exported = Ok("setup", "export", "--out", folder.File("export.yaml"), "--db", db);
        var again = Ok("setup", "apply", folder.File("export.yaml"), "--db", db);

        Assert.Contains("register payer MEDICARE at NORTHSIDE-FM\n", applied.Out, StringComparison.Ordinal);
        Assert.Contains("set billing profile of HEARTWELL-CARDIO\n", applied.Out, StringComparison.Ordinal);
        Assert.Equal(3, Count(db, "SELECT count(*) FROM ledger_events WHERE type = 'payer.registered'"));
        Assert.Equal(["HEARTWELL-CARDIO", "NORTHSIDE-FM"], Query(db, "SELECT subject FROM ledger_events WHERE type = 'billing-profile.set' ORDER BY subject"));
        Assert.Equal(
            ["AETNA|60054|CI|ZZ|AVAILITY|030240928|1", "BCBS-TX|84980|BL|ZZ|AVAILITY|030240928|1", "MEDICARE|04412|MB|ZZ|NOVITAS|NOVITAS|1"],
            Query(db, "SELECT code, payer_id, claim_filing_indicator, interchange_qualifier, interchange_id, group_receiver_code, active FROM payers ORDER BY code"));
        Assert.Equal(["787011234|5125550100|1"], Query(db, "SELECT postal_code, contact_phone, production FROM billing_profiles WHERE npi = '1234567893'"));
        Assert.Contains("setup written to export.yaml", exported.Out, StringComparison.Ordinal);
        Assert.Contains("claimFilingIndicator: MB", File.ReadAllText(folder.File("export.yaml")), StringComparison.Ordinal);
        Assert.Equal("nothing changed\n", again.Out);
        Assert.Equal(events, Count(db, "SELECT count(*) FROM ledger_events"));
        VerifyClean(db);
    }

    [Fact]
    public void Diff_names_a_changed_payer_and_a_deactivated_one_and_stores_nothing_then_apply_records_exactly_that()
    {
        using var folder = new TempFolder();
        var db = folder.File("s.db");
        var original = Setup();
        Ok("setup", "apply", Write(folder, "setup.yaml", original), "--db", db);
        var events = Count(db, "SELECT count(*) FROM ledger_events");
        var changed = Write(folder, "changed.yaml", Setup(
            NorthBilling.Replace("payerId: \"04412\"", "payerId: \"04411\"", StringComparison.Ordinal),
            HeartBilling.Replace("    payers:\n      - code: AETNA\n        name: Aetna\n        payerId: \"60054\"\n        claimFilingIndicator: CI\n        receiver: {qualifier: ZZ, id: AVAILITY, groupCode: \"030240928\"}\n", string.Empty, StringComparison.Ordinal)));

        var same = Ok("setup", "diff", folder.File("setup.yaml"), "--db", db);
        var diff = Ok("setup", "diff", changed, "--db", db);
        var unchangedEvents = Count(db, "SELECT count(*) FROM ledger_events");
        var apply = Ok("setup", "apply", changed, "--db", db);

        Assert.Equal("no difference\n", same.Out);
        Assert.Equal("deactivate payer AETNA at HEARTWELL-CARDIO\nupdate payer MEDICARE at NORTHSIDE-FM (payerId)\n2 differences (nothing stored)\n", diff.Out);
        Assert.Equal(events, unchangedEvents);
        Assert.EndsWith("2 changes recorded\n", apply.Out, StringComparison.Ordinal);
        Assert.Equal(2, Count(db, "SELECT count(*) FROM ledger_events WHERE type = 'payer.updated'"));
        Assert.Equal(["AETNA|0"], Query(db, "SELECT code, active FROM payers WHERE active = 0"));
        Assert.Equal(3, Count(db, "SELECT count(*) FROM payers"));
        VerifyClean(db);
    }

    [Fact]
    public void A_file_with_bad_billing_fields_is_refused_whole_naming_each_path_and_stores_nothing()
    {
        using var folder = new TempFolder();
        var db = folder.File("s.db");
        var bad = NorthBilling
            .Replace("zip: 78701-1234", "zip: \"78701\"", StringComparison.Ordinal)
            .Replace("claimFilingIndicator: BL", "claimFilingIndicator: BX", StringComparison.Ordinal)
            .Replace("npi: \"1234567893\"", "npi: \"1234567890\"", StringComparison.Ordinal);

        var run = CliRun.Of("setup", "apply", Write(folder, "bad.yaml", Setup(north: bad)), "--db", db);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("SETUP-INVALID", run.Error, StringComparison.Ordinal);
        Assert.Contains("practices[1].payers[0].claimFilingIndicator: 'BX' is not a claim filing indicator", run.Error, StringComparison.Ordinal);
        Assert.Contains("practices[1].billing.npi:", run.Error, StringComparison.Ordinal);
        Assert.Contains("practices[1].billing.address.zip: the billing provider's ZIP must be the 9-digit ZIP+4", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(db) && Count(db, "SELECT count(*) FROM ledger_events") > 0);
    }

    [Fact]
    public void An_edited_payer_or_profile_row_is_named_by_ledger_verify()
    {
        using var folder = new TempFolder();
        var db = folder.File("s.db");
        Ok("setup", "apply", Write(folder, "setup.yaml", Setup()), "--db", db);
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var edit = connection.CreateCommand();
            edit.CommandText = "UPDATE payers SET payer_id = '99999' WHERE code = 'AETNA'; UPDATE billing_profiles SET production = 0 WHERE npi = '1234567893'";
            Assert.Equal(2, edit.ExecuteNonQuery());
        }

        var verify = CliRun.Of("ledger", "verify", "--db", db);

        Assert.NotEqual(0, verify.ExitCode);
        Assert.Contains("payers row for payer AETNA of HEARTWELL-CARDIO", verify.Out + verify.Error, StringComparison.Ordinal);
        Assert.Contains("billing_profiles row for billing profile of NORTHSIDE-FM", verify.Out + verify.Error, StringComparison.Ordinal);
    }
}
