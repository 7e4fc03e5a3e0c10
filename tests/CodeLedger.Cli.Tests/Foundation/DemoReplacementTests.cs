using CodeLedger.Cli.Tests.Workflow;
using Microsoft.Data.Sqlite;

namespace CodeLedger.Cli.Tests.Foundation;

/// <summary>
/// The demo replaces a database only when it is exactly one finished demo: its ledger runs from
/// demo.started to demo.finished with nothing after. Work added after a demo is never destroyed.
/// </summary>
public sealed class DemoReplacementTests : IDisposable
{
    private readonly TempFolder folder = new();

    private string Db => folder.File("demo.db");

    public void Dispose() => folder.Dispose();

    private CliRun Demo() => CliRun.Of("demo", "--db", Db, "--encounters", "5");

    private CliRun Run(params string[] args) => CliRun.Of([.. args, "--db", Db]);

    private string Head() => Run("ledger", "verify").Out.Trim();

    [Fact]
    public void A_finished_demo_is_replaced_by_the_next_and_its_ledger_ends_with_demo_finished()
    {
        var first = Demo();
        var headOfFirst = Head();

        var second = Demo();

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(headOfFirst, Head());
        Assert.Equal(0, Run("ledger", "export", "--out", folder.File("ledger.jsonl")).ExitCode);
        var lines = File.ReadAllLines(folder.File("ledger.jsonl"));
        Assert.Contains("\"demo.started\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"demo.finished\"", lines[^1], StringComparison.Ordinal);
        Assert.Single(lines, l => l.Contains("\"demo.started\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_demo_database_with_an_encounter_imported_afterwards_is_refused_and_untouched()
    {
        Assert.Equal(0, Demo().ExitCode);
        var bundle = folder.File("visit.json");
        File.WriteAllText(bundle, CliWorld.Bundle("LATER-1").Replace(CliWorld.Npi, DemoPhysicianNpi("NORTHSIDE-FM"), StringComparison.Ordinal));
        var import = Run("import", "encounters", bundle, "--practice", "NORTHSIDE-FM", "--vendor", "ACME-CODING");
        Assert.True(import.ExitCode == 0, import.ToString());
        var before = Head();

        var again = Demo();

        Assert.Equal(2, again.ExitCode);
        Assert.Contains("DEMO-DATABASE-HOLDS-WORK", again.Error, StringComparison.Ordinal);
        Assert.Contains("after the demo's last event", again.Error, StringComparison.Ordinal);
        Assert.Contains("encounter.received", again.Error, StringComparison.Ordinal);
        Assert.Equal(before, Head());
        Assert.Equal(1L, Scalar("SELECT count(*) FROM encounters WHERE external_id = 'LATER-1'"));
    }

    [Fact]
    public void A_demo_database_with_a_code_set_release_added_afterwards_is_refused_and_untouched()
    {
        Assert.Equal(0, Demo().ExitCode);
        // The demo imports the starter set itself (its audits are priced from it), so the release
        // added afterwards is a later RVU file: the starter's with 99213's work RVU changed.
        var later = folder.File("PPRRVU_LATER.csv");
        File.WriteAllText(later, System.Text.Encoding.UTF8.GetString(Core.CodeSets.Starter.StarterCodeSet.Files.Single(f => f.Kind == Core.CodeSets.CodeSetKind.Rvu).Content).Replace("99213,,Office visit established patient level 3,A,,1.30,", "99213,,Office visit established patient level 3,A,,1.31,", StringComparison.Ordinal));
        var import = Run("codesets", "import", "--kind", "rvu", "--file", later, "--effective", "2027-01-01");
        Assert.True(import.ExitCode == 0, import.ToString());
        var before = Head();

        var again = Demo();

        Assert.Equal(2, again.ExitCode);
        Assert.Contains("DEMO-DATABASE-HOLDS-WORK", again.Error, StringComparison.Ordinal);
        Assert.Contains("codeset.imported", again.Error, StringComparison.Ordinal);
        Assert.Equal(before, Head());
        Assert.Contains("PPRRVU_LATER.csv", Run("codesets", "list").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_demo_that_never_finished_is_refused_because_its_events_cannot_be_told_from_later_work()
    {
        Assert.Equal(0, Demo().ExitCode);
        Execute("DELETE FROM ledger_events WHERE type = 'demo.finished'");

        var again = Demo();

        Assert.Equal(2, again.ExitCode);
        Assert.Contains("never finished", again.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Db));
    }

    [Fact]
    public void A_fresh_path_is_created()
    {
        var run = Demo();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("OK", Head(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_replaced_demo_takes_its_X12_files_along_but_files_beside_a_new_database_are_never_the_demo_s_to_remove()
    {
        Assert.True(Demo().ExitCode == 0);
        var stale = Path.Combine(Db + ".outbox", "NORTHSIDE-FM", "stale.x12");
        Directory.CreateDirectory(Path.GetDirectoryName(stale)!);
        File.WriteAllText(stale, "left by the first demo");

        // Replacing the finished demo removes its outbox and inbox with it.
        Assert.True(Demo().ExitCode == 0);
        Assert.False(File.Exists(stale));

        // Beside a database that does not exist, an outbox with files in it is someone's: refused, kept.
        var fresh = folder.File("fresh.db");
        Directory.CreateDirectory(fresh + ".outbox");
        File.WriteAllText(Path.Combine(fresh + ".outbox", "claims.x12"), "not the demo's");
        var refused = CliRun.Of("demo", "--db", fresh, "--encounters", "5");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("fresh.db.outbox already holds files", refused.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(fresh + ".outbox", "claims.x12")));
        Assert.False(File.Exists(fresh));
    }

    private string DemoPhysicianNpi(string practice)
    {
        using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT p.npi FROM physicians p JOIN organizations o ON o.id = p.practice_id WHERE o.code = $code ORDER BY p.npi LIMIT 1";
        cmd.Parameters.AddWithValue("$code", practice);
        return (string)cmd.ExecuteScalar()!;
    }

    private object? Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
