using CodeLedger.Cli.Tests.Foundation;
using CodeLedger.Testing;
using Microsoft.Data.Sqlite;

namespace CodeLedger.Cli.Tests.Setup;

/// <summary>
/// The <c>users</c> of a setup file: applied with the rest in one write through the account desk's
/// rules and events; a changed user is one user.updated, a removed one is disabled (never deleted);
/// a file without the key leaves accounts alone; a bad user is reported with the file's other
/// problems and nothing is stored.
/// </summary>
public sealed class SetupUserCommandTests
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

    private static string Without(string text, string entry)
    {
        var lines = text.Split('\n').ToList();
        var start = lines.FindIndex(l => l == entry);
        Assert.True(start >= 0, entry);
        var end = lines.FindIndex(start + 1, l => l.StartsWith("  - ", StringComparison.Ordinal) || !l.StartsWith(' '));
        lines.RemoveRange(start, end - start);
        return string.Join('\n', lines);
    }

    private static string UsersRemoved(string text) => text[..text.IndexOf("users:\n", StringComparison.Ordinal)];

    [Fact]
    public void A_user_s_new_role_is_one_user_updated_event_and_the_export_reapplies_as_nothing_changed()
    {
        using var folder = new TempFolder();
        var db = folder.File("s.db");
        Ok("setup", "apply", Example, "--db", db);
        var before = Events(db);
        var text = File.ReadAllText(Example);
        var at = text.IndexOf("  - userName: bturner\n", StringComparison.Ordinal);
        var role = text.IndexOf("    role: coder\n", at, StringComparison.Ordinal);
        File.WriteAllText(folder.File("lead.yaml"), text[..role] + "    role: coding-lead\n" + text[(role + "    role: coder\n".Length)..]);

        var applied = Ok("setup", "apply", folder.File("lead.yaml"), "--db", db);

        Assert.Equal("update user bturner at ACME-CODING (role)\n1 changes recorded\n", applied.Out);
        Assert.Equal(before + 1, Events(db));
        Assert.Equal(1, Events(db, "user.updated"));
        Assert.Equal("nothing changed\n", Ok("setup", "apply", folder.File("lead.yaml"), "--db", db).Out);
        File.WriteAllText(folder.File("now.yaml"), Ok("setup", "export", "--db", db).Out);
        Assert.Equal(File.ReadAllText(folder.File("lead.yaml")), File.ReadAllText(folder.File("now.yaml")));
    }

    [Fact]
    public void A_user_removed_from_the_file_is_disabled_not_deleted_exported_inactive_and_not_re_enabled_by_a_file()
    {
        using var folder = new TempFolder();
        var db = folder.File("s.db");
        Ok("setup", "apply", Example, "--db", db);
        File.WriteAllText(folder.File("without.yaml"), Without(File.ReadAllText(Example), "  - userName: demo-admin"));

        var applied = Ok("setup", "apply", folder.File("without.yaml"), "--db", db);

        Assert.Equal("disable user demo-admin at ACME-CODING\n1 changes recorded\n", applied.Out);
        Assert.Equal(1, Events(db, "user.disabled"));
        Assert.Equal(1, Scalar(db, "SELECT disabled FROM users WHERE user_name = 'demo-admin'"));
        Assert.Equal(21, Scalar(db, "SELECT count(*) FROM users"));
        Assert.Equal("nothing changed\n", Ok("setup", "apply", folder.File("without.yaml"), "--db", db).Out);
        var export = Ok("setup", "export", "--db", db).Out;
        Assert.Contains("  - userName: demo-admin\n    displayName: Demo Administrator\n    organization: ACME-CODING\n    role: vendor-admin\n    active: false\n", export, StringComparison.Ordinal);
        File.WriteAllText(folder.File("now.yaml"), export);
        Assert.Equal("nothing changed\n", Ok("setup", "apply", folder.File("now.yaml"), "--db", db).Out);

        var again = CliRun.Of("setup", "apply", Example, "--db", db);

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("users[5].active: user demo-admin is disabled; a setup file does not re-enable an account", again.Error, StringComparison.Ordinal);
        Assert.Equal(1, Scalar(db, "SELECT disabled FROM users WHERE user_name = 'demo-admin'"));
    }

    [Fact]
    public void A_file_without_a_users_key_leaves_the_accounts_alone_and_an_empty_list_disables_them_all()
    {
        using var folder = new TempFolder();
        var db = folder.File("s.db");
        Ok("setup", "apply", Example, "--db", db);
        var noKey = UsersRemoved(File.ReadAllText(Example));
        File.WriteAllText(folder.File("no-users.yaml"), noKey);

        Assert.Equal("nothing changed\n", Ok("setup", "apply", folder.File("no-users.yaml"), "--db", db).Out);
        Assert.Equal(0, Scalar(db, "SELECT count(*) FROM users WHERE disabled"));

        File.WriteAllText(folder.File("empty.yaml"), noKey + "users:\n");
        var emptied = CliRun.Of("setup", "apply", folder.File("empty.yaml"), "--db", db, "--dry-run");

        Assert.True(emptied.ExitCode == 0, emptied.ToString());
        Assert.EndsWith("21 changes (dry run: nothing stored)\n", emptied.Out, StringComparison.Ordinal);
        Assert.Contains("would disable user demo-admin at ACME-CODING\n", emptied.Out, StringComparison.Ordinal);
        Assert.Equal(0, Scalar(db, "SELECT count(*) FROM users WHERE disabled"));
    }

    [Fact]
    public void Bad_users_are_reported_with_the_file_s_other_problems_by_path_and_nothing_is_stored()
    {
        using var folder = new TempFolder();
        var db = folder.File("s.db");
        var text = File.ReadAllText(Example)
            .Replace("timeZone: America/Chicago", "timeZone: America/Nowhere", StringComparison.Ordinal)
            .Replace("    role: vendor-admin\n", "    role: overlord\n", StringComparison.Ordinal)
            .Replace("  - userName: dkowalski\n", "  - userName: DKowalski\n", StringComparison.Ordinal);
        var at = text.IndexOf("  - userName: dr-1226029464\n", StringComparison.Ordinal);
        text = text[..at] + "  - userName: dr-1226029464\n    displayName: Twin\n    organization: NORTHSIDE-FM\n    role: physician\n" + text[at..];
        File.WriteAllText(folder.File("broken.yaml"), text);

        var run = CliRun.Of("setup", "apply", folder.File("broken.yaml"), "--db", db);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("codeledger: SETUP-INVALID: 4 problems, nothing stored:", run.Error, StringComparison.Ordinal);
        Assert.Contains("\n  contracts[1].timeZone: 'America/Nowhere' is not an IANA time zone", run.Error, StringComparison.Ordinal);
        Assert.Contains("\n  users[5].role: unknown role 'overlord' (one of vendor-admin, coding-lead, coder, practice-admin, physician, auditor)", run.Error, StringComparison.Ordinal);
        Assert.Contains("\n  users[6].userName: a user name is 3 to 64 lower-case letters", run.Error, StringComparison.Ordinal);
        Assert.Contains("\n  users[7].physicianNpi: user dr-1226029464: a physician user names the physician's NPI", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(db) && Events(db) > 0, "nothing stored");
    }

    [Fact]
    public void Users_that_do_not_fit_the_file_s_organizations_are_refused_together()
    {
        using var folder = new TempFolder();
        var db = folder.File("s.db");
        var text = File.ReadAllText(Example)
            .Replace("  - userName: bturner\n    displayName: Brian Turner\n    organization: ACME-CODING\n",
                "  - userName: bturner\n    displayName: Brian Turner\n    organization: NORTHSIDE-FM\n", StringComparison.Ordinal)
            .Replace("  - userName: demo-admin\n    displayName: Demo Administrator\n    organization: ACME-CODING\n",
                "  - userName: demo-admin\n    displayName: Demo Administrator\n    organization: NOWHERE\n", StringComparison.Ordinal);
        var at = text.IndexOf("  - userName: dr-1226029464\n", StringComparison.Ordinal);
        text = text[..at]
            + "  - userName: ghost\n    displayName: Ghost Coder\n    organization: ACME-CODING\n    role: coder\n"
            + "  - userName: dr-other\n    displayName: Dr. Other\n    organization: HEARTWELL-CARDIO\n    role: physician\n    physicianNpi: 1226029464\n"
            + "  - userName: ghost\n    displayName: Ghost Twice\n    organization: ACME-CODING\n    role: vendor-admin\n"
            + text[at..];
        File.WriteAllText(folder.File("misfit.yaml"), text);

        var run = CliRun.Of("setup", "apply", folder.File("misfit.yaml"), "--db", db);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("\n  users[4].role: a coder cannot belong to NORTHSIDE-FM, a practice", run.Error, StringComparison.Ordinal);
        Assert.Contains("\n  users[5].organization: no organization with code NOWHERE in the file", run.Error, StringComparison.Ordinal);
        Assert.Contains("\n  users[7].coder: no coder ghost at ACME-CODING in the file", run.Error, StringComparison.Ordinal);
        Assert.Contains("\n  users[8].physicianNpi: NPI 1226029464 is not listed at HEARTWELL-CARDIO", run.Error, StringComparison.Ordinal);
        Assert.Contains("\n  users[9].userName: user ghost is already listed at users[7]", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(db) && Events(db) > 0, "nothing stored");
    }
}
