using Microsoft.Data.Sqlite;

namespace CodeLedger.Cli.Tests.Foundation;

public class DatabaseOptionTests
{
    [Fact]
    public void A_file_that_is_not_a_database_is_refused_and_left_unchanged()
    {
        using var folder = new TempFolder();
        var path = folder.File("notes.txt");
        File.WriteAllText(path, "shopping list: milk, eggs\n");
        var before = LedgerCommandTests.Sha256(path);

        var run = CliRun.Of("ledger", "verify", "--db", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not a CodeLedger database", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Equal(before, LedgerCommandTests.Sha256(path));
        Assert.Equal(["notes.txt"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_sqlite_database_of_another_application_is_refused_and_left_unchanged()
    {
        using var folder = new TempFolder();
        var path = folder.File("other.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total TEXT)";
            cmd.ExecuteNonQuery();
        }

        var before = LedgerCommandTests.Sha256(path);
        var run = CliRun.Of("db", "migrate", "--db", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not a CodeLedger one", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, LedgerCommandTests.Sha256(path));
    }

    [Fact]
    public void An_unreachable_postgresql_server_is_one_clear_line_and_exit_2()
    {
        var run = CliRun.Of("ledger", "verify", "--db", "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=3");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("codeledger: cannot reach PostgreSQL 127.0.0.1:1/none", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_folder_is_refused_without_creating_it()
    {
        using var folder = new TempFolder();
        var run = CliRun.Of("db", "migrate", "--db", Path.Combine(folder.Path, "no-such-folder", "x.db"));
        Assert.Equal(2, run.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "no-such-folder")));
    }

    [Fact]
    public void A_new_empty_database_is_migrated_on_first_use()
    {
        using var folder = new TempFolder();
        var run = CliRun.Of("ledger", "verify", "--db", folder.File("new.db"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("OK: 0 events", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_demo_refuses_to_replace_a_database_it_did_not_create()
    {
        using var folder = new TempFolder();
        var path = folder.File("real.db");
        Assert.Equal(0, CliRun.Of("db", "migrate", "--db", path).ExitCode);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "INSERT INTO ledger_events (sequence, instant, actor, type, subject, payload, previous_hash, hash) VALUES (1, 0, 'x', 'organization.registered', 's', '{}', 'p', 'h')";
            cmd.ExecuteNonQuery();
        }

        var run = CliRun.Of("demo", "--db", path, "--encounters", "5");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("DEMO-DATABASE-HOLDS-WORK", run.Error, StringComparison.Ordinal);
        Assert.Contains("starts with organization.registered, not demo.started", run.Error, StringComparison.Ordinal);
    }
}
