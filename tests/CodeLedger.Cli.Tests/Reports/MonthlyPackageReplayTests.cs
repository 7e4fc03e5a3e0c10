using CodeLedger.Testing;
using Microsoft.Data.Sqlite;

namespace CodeLedger.Cli.Tests.Reports;

/// <summary>
/// `report verify` recomputes a package's figures from the ledger replayed up to the manifest's
/// `ledger.last` (the database's, or an export alone), and `ledger replay --report monthly` prints
/// them from an export (docs/PACKAGE.md, "verify"). The world is the demo's (400 encounters, seed 11):
/// its figures from the ledger must equal those the tables gave the package, and every way of
/// changing what the practice was shown (a stored row, a truncated ledger) must be named.
/// </summary>
public sealed class MonthlyPackageReplayTests : IClassFixture<MonthlyPackageCommandTests.DemoWorld>
{
    private const string Practice = "NORTHSIDE-FM";
    private const string Month = "2026-10";
    private readonly MonthlyPackageCommandTests.DemoWorld _world;

    public MonthlyPackageReplayTests(MonthlyPackageCommandTests.DemoWorld world) => _world = world;

    private string Write(string name, string db)
    {
        var dir = _world.Folder.File(name);
        var run = CliRun.Of("report", "monthly", "--db", db, "--practice", Practice, "--month", Month, "--out", dir);
        Assert.True(run.ExitCode == 0, run.ToString());
        return dir;
    }

    private string Export(string name, string db)
    {
        var file = _world.Folder.File(name + ".jsonl");
        var run = CliRun.Of("ledger", "export", "--db", db, "--out", file);
        Assert.True(run.ExitCode == 0, run.ToString());
        return file;
    }

    /// <summary>Moves one finalized October encounter's finalization four days later in the stored row only, as an edited database would.</summary>
    private static void DelayOneFinalization(string db)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE work_items SET finalized_at = finalized_at + 345600000000
            WHERE encounter_id = (SELECT w.encounter_id FROM work_items w JOIN organizations o ON o.id = w.practice_id
                                  WHERE o.code = 'NORTHSIDE-FM' AND w.finalized_at BETWEEN 1790900000000000 AND 1792000000000000
                                  ORDER BY w.finalized_at LIMIT 1)
            """;
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    [Fact]
    public void The_figures_from_the_replayed_ledger_equal_the_packages_from_the_tables()
    {
        var db = _world.Copy("same");
        var dir = Write("same", db);
        var export = Export("same", db);

        // The export alone, no database: the same package.json, byte for byte.
        var replay = CliRun.Of("ledger", "replay", "--file", export, "--report", "monthly", "--practice", Practice, "--month", Month, "--json");
        Assert.True(replay.ExitCode == 0, replay.ToString());
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "package.json")), replay.Out);

        var text = CliRun.Of("ledger", "replay", "--file", export, "--report", "monthly", "--practice", Practice, "--month", Month);
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains("NORTHSIDE-FM (Northside Family Medicine), vendor ACME-CODING", text.Out, StringComparison.Ordinal);
        Assert.Contains("\nem-distribution\n", text.Out, StringComparison.Ordinal);

        var verify = CliRun.Of("report", "verify", dir, "--db", db);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains("figures (recomputed from the ledger replayed to sequence", verify.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("REPORT-FIGURE-DIFFERS", verify.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("STATE-DIVERGES", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_edited_finalization_time_makes_the_tables_and_the_ledger_differ_and_verify_names_the_figures()
    {
        // Shown before the edit: the package still matches its ledger, but the database's tables no longer do.
        var db = _world.Copy("edited");
        var before = Write("before-edit", db);
        DelayOneFinalization(db);

        var verify = CliRun.Of("report", "verify", before, "--db", db);
        Assert.Equal(1, verify.ExitCode);
        Assert.DoesNotContain("REPORT-FIGURE-DIFFERS", verify.Out, StringComparison.Ordinal);
        Assert.Contains("STATE-DIVERGES: the database's tables give $.turnaround.report.maxHours = ", verify.Out, StringComparison.Ordinal);

        // Written from the edited tables: the package's own figures are not the ledger's, from the database and from an export alike.
        var after = Write("after-edit", db);
        verify = CliRun.Of("report", "verify", after, "--db", db);
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("REPORT-FIGURE-DIFFERS: package.json: $.turnaround.report.maxHours: ", verify.Out, StringComparison.Ordinal);
        Assert.Contains("REPORT-FIGURE-DIFFERS: package.json: $.turnaround.report.meanHours: ", verify.Out, StringComparison.Ordinal);

        var alone = CliRun.Of("report", "verify", after, "--ledger", Export("edited", db));
        Assert.Equal(1, alone.ExitCode);
        Assert.Contains("REPORT-FIGURE-DIFFERS: package.json: $.turnaround.report.maxHours: ", alone.Out, StringComparison.Ordinal);
        Assert.Contains("CHECKPOINT OK", alone.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ledger_truncated_before_the_checkpoint_is_caught()
    {
        var db = _world.Copy("truncated");
        var dir = Write("truncated", db);
        var export = Export("truncated", db);
        var lines = File.ReadAllLines(export);
        var cut = _world.Folder.File("truncated-cut.jsonl");
        File.WriteAllLines(cut, lines[..(lines.Length - 50)]);

        var verify = CliRun.Of("report", "verify", dir, "--ledger", cut);

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("CHECKPOINT-TRUNCATED", verify.Out, StringComparison.Ordinal);
        Assert.Contains($"LEDGER SHORT: the ledger ends at sequence {lines.Length - 50}, before the end of the package's range 1..{lines.Length}", verify.Out, StringComparison.Ordinal);
        Assert.EndsWith("FAILED: " + dir + "\n", verify.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_export_alone_verifies_a_package_with_no_database()
    {
        var db = _world.Copy("alone");
        var dir = Write("alone", db);
        var export = Export("alone", db);
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(_world.Folder.Path, "alone.db*"))
        {
            File.Delete(file);
        }

        var verify = CliRun.Of("report", "verify", dir, "--ledger", export);

        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains("OK: ", verify.Out, StringComparison.Ordinal);
        Assert.Contains("CHECKPOINT OK", verify.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(db), "verify with --ledger must not open (and so create) a database");
    }

    [Fact]
    public void A_release_the_ledger_imported_is_read_from_its_public_file_by_sha256_and_named_when_it_is_not_given()
    {
        // The ledger holds a release's header and SHA-256, not its entries: with no database they come from the CMS file itself.
        var db = _world.Copy("release");
        var folder = RepoPaths.Data("icd10cm");
        var import = CliRun.Of("codesets", "import", "--db", db, "--kind", "icd10cm", "--file", Path.Combine(folder, "cms_2026_dx.zip"), "--effective", "2025-10-01");
        Assert.True(import.ExitCode == 0, import.ToString());
        var dir = Write("release", db);
        var export = Export("release", db);

        var without = CliRun.Of("report", "verify", dir, "--ledger", export);
        Assert.Equal(1, without.ExitCode);
        Assert.Contains("not at hand: code-set release icd10cm@2025-10-01 (cms_2026_dx.zip, SHA-256 ", without.Out, StringComparison.Ordinal);
        Assert.Contains("REPORT-FIGURE-DIFFERS: package.json: $.codeSetCompliance[0].kind: ", without.Out, StringComparison.Ordinal);

        var with = CliRun.Of("report", "verify", dir, "--ledger", export, "--code-sets", folder);
        Assert.True(with.ExitCode == 0, with.ToString());
        Assert.DoesNotContain("not at hand", with.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_after_the_packages_range_do_not_change_what_it_is_held_to()
    {
        // A release imported after the package changes the month's code-set compliance from the tables as they are now;
        // the package is held to the ledger up to its ledger.last, as it was shown.
        var db = _world.Copy("later");
        var dir = Write("later", db);
        var import = CliRun.Of("codesets", "import", "--db", db, "--kind", "icd10cm", "--file", RepoPaths.Data("icd10cm", "cms_2026_dx.zip"), "--effective", "2025-10-01");
        Assert.True(import.ExitCode == 0, import.ToString());
        var now = Write("later-now", db);
        Assert.NotEqual(File.ReadAllText(Path.Combine(dir, "package.json")), File.ReadAllText(Path.Combine(now, "package.json")));

        var verify = CliRun.Of("report", "verify", dir, "--db", db);

        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.DoesNotContain("REPORT-FIGURE-DIFFERS", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_database_and_an_export_together_are_refused_as_usage()
    {
        var dir = Write("usage", _world.Db);
        var run = CliRun.Of("report", "verify", dir, "--db", _world.Db, "--ledger", _world.Folder.File("x.jsonl"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("give --db or --ledger, not both", run.Error, StringComparison.Ordinal);
    }
}
