using CodeLedger.Cli.Tests.Foundation;
using CodeLedger.Testing;
using Microsoft.Data.Sqlite;

namespace CodeLedger.Cli.Tests.Setup;

/// <summary>
/// `setup apply|export` and the daily setup commands on real files and real databases: a file
/// applied twice changes nothing, a change records only itself, a removed coder is deactivated
/// with their history intact, a bad file is refused whole, and YAML and JSON give the same state.
/// </summary>
public sealed class SetupCommandTests
{
    private static readonly string Example = Path.Combine(RepoPaths.Root, "docs", "examples", "demo-setup.yaml");

    private static long Scalar(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static long Events(string db, string type = "%") => Scalar(db, $"SELECT count(*) FROM ledger_events WHERE type LIKE '{type}'");

    private static CliRun Ok(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }

    private static void VerifyClean(string db)
    {
        var verify = CliRun.Of("ledger", "verify", "--db", db);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains("matches the stored tables", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_example_applied_twice_records_it_once_then_nothing_changed()
    {
        using var folder = new TempFolder();
        var db = folder.File("s.db");

        var first = Ok("setup", "apply", Example, "--db", db, "--as", "onboarding");
        var events = Events(db);
        var second = Ok("setup", "apply", Example, "--db", db);

        // 43 changes of the world and its users, and 10 of billing: six payers, two billing profiles, two practice admins.
        Assert.EndsWith("53 changes recorded\n", first.Out, StringComparison.Ordinal);
        Assert.Equal("nothing changed\n", second.Out);
        Assert.Equal(events, Events(db));
        Assert.Equal(53, events);
        Assert.Equal(21, Events(db, "user.added"));
        Assert.Equal(21, Scalar(db, "SELECT count(*) FROM users"));
        Assert.Equal(0, Scalar(db, "SELECT count(*) FROM ledger_events WHERE actor <> 'onboarding'"));
        VerifyClean(db);
    }

    [Fact]
    public void One_physician_s_new_taxonomy_is_one_physician_updated_event()
    {
        using var folder = new TempFolder();
        var db = folder.File("s.db");
        Ok("setup", "apply", Example, "--db", db);
        var before = Events(db);
        var text = File.ReadAllText(Example);
        var at = text.IndexOf("taxonomy: 207Q00000X", StringComparison.Ordinal);
        File.WriteAllText(folder.File("changed.yaml"), text[..at] + "taxonomy: 207QA0505X" + text[(at + "taxonomy: 207Q00000X".Length)..]);

        var applied = Ok("setup", "apply", folder.File("changed.yaml"), "--db", db);

        Assert.Matches(@"^update physician \d{10} at NORTHSIDE-FM \(taxonomy\)\n1 changes recorded\n$", applied.Out);
        Assert.Equal(before + 1, Events(db));
        Assert.Equal(1, Events(db, "physician.updated"));
        Assert.Equal(1, Scalar(db, "SELECT count(*) FROM physicians WHERE taxonomy = '207QA0505X'"));
        VerifyClean(db);
    }

    [Fact]
    public void A_coder_removed_from_the_file_is_deactivated_and_their_coded_history_still_verifies()
    {
        using var folder = new TempFolder();
        var db = DemoTemplates.Copy(folder, encounters: 400, seed: 11).Db;
        Ok("setup", "export", "--db", db, "--out", folder.File("setup.yaml"));
        var coded = Scalar(db, "SELECT count(*) FROM coding_results WHERE coder_id = (SELECT id FROM coders WHERE user_name = 'jokoye')");
        var lines = File.ReadAllLines(folder.File("setup.yaml")).ToList();
        var start = lines.FindIndex(l => l == "      - userName: jokoye");
        var end = lines.FindIndex(start + 1, l => l.StartsWith("      - userName: ", StringComparison.Ordinal));
        lines.RemoveRange(start, end - start);

        // Their account links to the coder record, so it goes too: a removed user is disabled.
        var user = lines.FindIndex(l => l == "  - userName: jokoye");
        lines.RemoveRange(user, lines.FindIndex(user + 1, l => l.StartsWith("  - userName: ", StringComparison.Ordinal)) - user);
        File.WriteAllLines(folder.File("without.yaml"), lines);

        var applied = Ok("setup", "apply", folder.File("without.yaml"), "--db", db);

        Assert.Equal("deactivate coder jokoye at ACME-CODING\ndisable user jokoye at ACME-CODING\n2 changes recorded\n", applied.Out);
        Assert.Equal(1, Scalar(db, "SELECT disabled FROM users WHERE user_name = 'jokoye'"));
        Assert.True(coded > 0, "the coder had coded encounters");
        Assert.Equal(coded, Scalar(db, "SELECT count(*) FROM coding_results WHERE coder_id = (SELECT id FROM coders WHERE user_name = 'jokoye')"));
        Assert.Equal(0, Scalar(db, "SELECT active FROM coders WHERE user_name = 'jokoye'"));
        Assert.Contains("        active: false", Ok("setup", "export", "--db", db).Out, StringComparison.Ordinal);
        Assert.Equal("nothing changed\n", Ok("setup", "apply", folder.File("without.yaml"), "--db", db).Out);
        VerifyClean(db);
    }

    [Fact]
    public void A_file_with_five_errors_reports_all_five_with_their_paths_and_stores_nothing()
    {
        using var folder = new TempFolder();
        var db = folder.File("s.db");
        var text = File.ReadAllText(Example);
        var npi = System.Text.RegularExpressions.Regex.Match(text, @"npi: ""?(\d{10})").Groups[1].Value;
        var broken = text
            .Replace(npi, npi[..9] + (char)('0' + ((npi[9] - '0' + 1) % 10)), StringComparison.Ordinal)
            .Replace("kind: COSC", "kind: COSX", StringComparison.Ordinal)
            .Replace("timeZone: America/Chicago", "timeZone: America/Nowhere", StringComparison.Ordinal)
            .Replace("turnaroundTargetHours: 48", "turnaroundTargetHours: forty-eight", StringComparison.Ordinal)
            .Replace("    name: Acme Coding Partners", "    name: Acme Coding Partners\n    website: acme.example", StringComparison.Ordinal);
        File.WriteAllText(folder.File("broken.yaml"), broken);

        var run = CliRun.Of("setup", "apply", folder.File("broken.yaml"), "--db", db);

        Assert.Equal(1, run.ExitCode);
        // The physician's account names the same NPI, so it is the seventh problem.
        Assert.StartsWith("codeledger: SETUP-INVALID: 7 problems, nothing stored:", run.Error, StringComparison.Ordinal);
        Assert.Matches(@"\n  users\[\d+\]\.physicianNpi: user dr-\d{10}: a physician user names the physician's NPI", run.Error);
        Assert.Contains("\n  practices[0].physicians[0].npi: NPI '", run.Error, StringComparison.Ordinal);
        Assert.Contains("\n  vendors[0].coders[1].credentials[0].kind: 'COSX' is not a credential", run.Error, StringComparison.Ordinal);
        Assert.Contains("\n  contracts[1].timeZone: 'America/Nowhere' is not an IANA time zone", run.Error, StringComparison.Ordinal);
        Assert.Contains("\n  contracts[0].turnaroundTargetHours: 'forty-eight' is not a whole number", run.Error, StringComparison.Ordinal);
        Assert.Contains("\n  contracts[1].turnaroundTargetHours: 'forty-eight' is not a whole number", run.Error, StringComparison.Ordinal);
        Assert.Contains("\n  vendors[0].website: not a field here", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(db) && Events(db) > 0, "nothing stored");
    }

    [Fact]
    public void Syntax_errors_exit_2_with_line_and_column()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("bad.json"), "{\"vendors\": [\n  {\"code\": \"A\"\n]}");

        var run = CliRun.Of("setup", "apply", folder.File("bad.json"), "--db", folder.File("s.db"));

        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"^codeledger: SETUP-UNREADABLE: bad\.json: not valid JSON at line 3, column \d+\n$", run.Error);
    }

    [Fact]
    public void Yaml_and_json_give_the_same_state_and_an_export_reapplied_elsewhere_exports_the_same_file()
    {
        using var folder = new TempFolder();
        var a = folder.File("a.db");
        var b = folder.File("b.db");
        Ok("setup", "apply", Example, "--db", a);
        Ok("setup", "export", "--db", a, "--format", "json", "--out", folder.File("a.json"));

        Ok("setup", "apply", folder.File("a.json"), "--db", b);

        Assert.Equal(Ok("setup", "export", "--db", a).Out, Ok("setup", "export", "--db", b).Out);
        Assert.Equal(File.ReadAllText(Example), Ok("setup", "export", "--db", b).Out);
        Assert.Equal("nothing changed\n", Ok("setup", "apply", Example, "--db", b).Out);
    }

    [Fact]
    public void The_demo_s_setup_exported_is_the_example_file()
    {
        // The default demo (seed 2026), which other tests build anyway: the credentials' numbers follow the seed.
        var db = DefaultDemo.Value.Value.Db;

        Assert.Equal(File.ReadAllText(Example), Ok("setup", "export", "--db", db).Out);
    }

    [Fact]
    public void A_dry_run_prints_what_would_change_and_stores_nothing()
    {
        using var folder = new TempFolder();
        var db = folder.File("s.db");

        var run = Ok("setup", "apply", Example, "--db", db, "--dry-run");

        Assert.StartsWith("would register vendor ACME-CODING\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("would add user dr-1226029464 (physician) at NORTHSIDE-FM\n", run.Out, StringComparison.Ordinal);
        Assert.EndsWith("53 changes (dry run: nothing stored)\n", run.Out, StringComparison.Ordinal);
        Assert.Equal(0, Events(db));
    }

    [Fact]
    public void Daily_commands_change_one_thing_each_through_the_same_desk_and_the_ledger_replays_them()
    {
        using var folder = new TempFolder();
        var db = folder.File("s.db");
        Ok("setup", "apply", Example, "--db", db);
        File.WriteAllText(folder.File("baa.pdf"), "signed agreement");

        Assert.Equal("enrol physician 1000000012 at NORTHSIDE-FM\n1 changes recorded\n",
            Ok("physicians", "add", "1000000012", "--practice", "NORTHSIDE-FM", "--name", "Dr. New Doctor", "--taxonomy", "207Q00000X", "--specialty", "family-medicine", "--db", db).Out);
        Assert.Equal("deactivate physician 1000000012 at NORTHSIDE-FM\n1 changes recorded\n", Ok("physicians", "deactivate", "1000000012", "--db", db).Out);
        Assert.Equal("nothing changed\n", Ok("physicians", "deactivate", "1000000012", "--db", db).Out);
        Assert.Equal("enrol coder newbie at ACME-CODING\n1 changes recorded\n",
            Ok("coders", "add", "newbie", "--vendor", "ACME-CODING", "--name", "New Bie", "--specialty", "family-medicine", "--db", db).Out);
        Assert.Equal("update coder newbie at ACME-CODING (credentials)\n1 changes recorded\n",
            Ok("coders", "credential", "newbie", "--kind", "CPC", "--number", "CPC-77", "--issued", "2026-01-01", "--expires", "2028-01-01", "--db", db).Out);
        Assert.Equal("update coder newbie at ACME-CODING (absences)\n1 changes recorded\n",
            Ok("coders", "absence", "newbie", "--from", "2026-11-02", "--through", "2026-11-06", "--reason", "training", "--db", db).Out);
        Assert.Equal("terminate BAA HEARTWELL-CARDIO/ACME-CODING/2026-01-01 after 2026-12-31\n1 changes recorded\n",
            Ok("baa", "terminate", "--practice", "HEARTWELL-CARDIO", "--vendor", "ACME-CODING", "--last-day", "2026-12-31", "--db", db).Out);
        Assert.Equal("sign BAA HEARTWELL-CARDIO/ACME-CODING/2027-01-01\n1 changes recorded\n",
            Ok("baa", "sign", "--practice", "HEARTWELL-CARDIO", "--vendor", "ACME-CODING", "--practice-signatory", "Dr. Thomas Reyes", "--vendor-signatory", "Dana Whitfield",
                "--signed", "2026-12-15", "--effective", "2027-01-01", "--document", folder.File("baa.pdf"), "--db", db).Out);

        var unknown = CliRun.Of("coders", "credential", "ghost", "--kind", "CPC", "--number", "1", "--issued", "2026-01-01", "--expires", "2027-01-01", "--db", db);
        Assert.Equal(1, unknown.ExitCode);
        Assert.StartsWith("codeledger: CODER-UNKNOWN: ", unknown.Error, StringComparison.Ordinal);
        var badNpi = CliRun.Of("physicians", "add", "1000000013", "--practice", "NORTHSIDE-FM", "--name", "X", "--taxonomy", "207Q00000X", "--specialty", "family-medicine", "--db", db);
        Assert.Equal(1, badNpi.ExitCode);
        Assert.Contains("practices[1].physicians[6].npi: NPI '1000000013' fails the Luhn check digit", badNpi.Error, StringComparison.Ordinal);

        Assert.Equal(1, Events(db, "baa.terminated"));
        Assert.Equal(1, Events(db, "physician.updated"));
        Assert.Equal(2, Events(db, "coder.updated"));
        var export = Ok("setup", "export", "--db", db).Out;
        Assert.Contains("    terminatedOn: 2026-12-31\n", export, StringComparison.Ordinal);
        File.WriteAllText(folder.File("now.yaml"), export);
        Assert.Equal("nothing changed\n", Ok("setup", "apply", folder.File("now.yaml"), "--db", db).Out);
        VerifyClean(db);
    }
}
