using System.Text.Json.Nodes;
using CodeLedger.Cli.Tests.Foundation;
using CodeLedger.Testing;
using Microsoft.Data.Sqlite;

namespace CodeLedger.Cli.Tests.Reports;

/// <summary>
/// `report monthly` writes a practice's package from a demo database, and `report verify` holds it
/// to the files, the figures recomputed from the database and the ledger's checkpoint (docs/PACKAGE.md).
/// One demo world (400 encounters) serves every check; each test writes its own package.
/// </summary>
public sealed class MonthlyPackageCommandTests : IClassFixture<MonthlyPackageCommandTests.DemoWorld>
{
    private const string Practice = "NORTHSIDE-FM";
    private const string Month = "2026-10";
    private readonly DemoWorld _world;

    public MonthlyPackageCommandTests(DemoWorld world) => _world = world;

    public sealed class DemoWorld : IDisposable
    {
        public DemoWorld()
        {
            // Without billing, so section 4 shows what a practice that bills elsewhere sees; the demo's billed
            // month in the package is DemoBillingTests'.
            var demo = CliRun.Of("demo", "--db", Folder.File("d.db"), "--out", Folder.File("out"), "--encounters", "400", "--seed", "11", "--without-billing");
            Assert.True(demo.ExitCode == 0, demo.ToString());
            DemoOut = demo.Out;
            var add = CliRun.Of("users", "add", "pa-heart", "--name", "Heart Admin", "--org", "HEARTWELL-CARDIO", "--role", "practice-admin", "--db", Db);
            Assert.True(add.ExitCode == 0, add.ToString());
            add = CliRun.Of("users", "add", "pa-north", "--name", "North Admin", "--org", Practice, "--role", "practice-admin", "--db", Db);
            Assert.True(add.ExitCode == 0, add.ToString());
        }

        internal TempFolder Folder { get; } = new();

        /// <summary>What `codeledger demo` printed.</summary>
        public string DemoOut { get; } = string.Empty;

        public string Db => Folder.File("d.db");

        /// <summary>A copy of the database for a test that edits it.</summary>
        public string Copy(string name)
        {
            var copy = Folder.File(name + ".db");
            SqliteConnection.ClearAllPools();
            File.Copy(Db, copy, overwrite: true);

            // The database's key files (d.db.phikey, the signing key) go with it.
            foreach (var sibling in Directory.GetFiles(Folder.Path, "d.db.*"))
            {
                File.Copy(sibling, copy + Path.GetFileName(sibling)["d.db".Length..], overwrite: true);
            }

            return copy;
        }

        public void Dispose() => Folder.Dispose();
    }

    private string Write(string name, string? db = null, params string[] more)
    {
        var dir = _world.Folder.File(name);
        var run = CliRun.Of(["report", "monthly", "--db", db ?? _world.Db, "--practice", Practice, "--month", Month, "--out", dir, .. more]);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(Path.Combine(dir, "index.html"), run.Out.Split('\n')[0]);
        return dir;
    }

    [Fact]
    public void The_package_has_every_file_and_section_and_verifies()
    {
        var dir = Write("full");

        foreach (var file in new[] { "index.html", "package.json", "manifest.json", "checkpoint.json", "executive-summary.csv", "em-em-distribution.csv", "em-em-tests.csv", "turnaround.csv",
                     "turnaround-turnaround-histogram.csv", "queries.csv", "queries-query-feedback.csv", "audit.csv", "code-sets-code-set-compliance.csv" })
        {
            Assert.True(File.Exists(Path.Combine(dir, file)), file + " missing; folder holds " + string.Join(", ", Directory.GetFiles(dir).Select(Path.GetFileName)));
        }

        var html = File.ReadAllText(Path.Combine(dir, "index.html"));
        foreach (var section in new[] { "executive-summary", "em", "turnaround", "queries", "denials", "audit", "code-sets" })
        {
            Assert.Contains($"<section id=\"{section}\"", html, StringComparison.Ordinal);
        }

        // The demo practice bills nothing through CodeLedger: section 4 says so instead of showing zeros.
        Assert.Contains("bills nothing through CodeLedger", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);

        var verify = CliRun.Of("report", "verify", dir, "--db", _world.Db);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains("OK: ", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_package_counts_the_encounters_sla_counts_and_its_e_m_visits_are_among_them()
    {
        var dir = Write("count");
        var figures = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "package.json")))!;
        var inPackage = figures["emDistribution"]!.AsArray()
            .Sum(p => p!["established"]!["visits"]!.GetValue<int>() + p["new"]!["visits"]!.GetValue<int>());

        // Independently: `sla` counts the month's finalized encounters by its own reader (SlaReporter's SQL);
        // the E/M visits are a subset of them and the demo month has some.
        var json = figures;
        Assert.True(inPackage > 0, "the demo month has E/M visits");
        Assert.True(json["encounters"]!.GetValue<int>() >= inPackage);
        var sla = CliRun.Of("sla", "--db", _world.Db, "--practice", Practice, "--month", Month, "--json");
        Assert.True(sla.ExitCode == 0, sla.ToString());
        Assert.Equal(JsonNode.Parse(sla.Out)!["count"]!.GetValue<int>(), json["encounters"]!.GetValue<int>());
    }

    [Fact]
    public void Verify_names_an_edited_csv_and_an_edited_figure_both_by_file_hash_and_by_figure()
    {
        var dir = Write("edited");
        var csv = Path.Combine(dir, "queries.csv");
        File.AppendAllText(csv, "x\r\n");
        var json = Path.Combine(dir, "package.json");
        var text = File.ReadAllText(json);
        var node = JsonNode.Parse(text)!;
        var count = node["encounters"]!.GetValue<int>();
        File.WriteAllText(json, text.Replace($"\"encounters\": {count},", $"\"encounters\": {count + 1},", StringComparison.Ordinal));

        var verify = CliRun.Of("report", "verify", dir, "--db", _world.Db);

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("PACKAGE-FILE-CHANGED: queries.csv", verify.Out, StringComparison.Ordinal);
        Assert.Contains("PACKAGE-FILE-CHANGED: package.json", verify.Out, StringComparison.Ordinal);
        Assert.Contains($"REPORT-FIGURE-DIFFERS: package.json: $.encounters: {count + 1} in the package, {count} recomputed", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_fails_the_checkpoint_when_a_ledger_row_is_edited_after_the_report()
    {
        var db = _world.Copy("tampered");
        var dir = Write("tampered", db);
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE ledger_events SET payload = payload || ' ' WHERE sequence = 5";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        var verify = CliRun.Of("report", "verify", dir, "--db", db);

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("CHECKPOINT FAILED", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_practice_admin_of_another_practice_is_told_the_practice_does_not_exist_and_its_own_admin_writes()
    {
        var refused = CliRun.Of("report", "monthly", "--db", _world.Db, "--practice", Practice, "--month", Month, "--out", _world.Folder.File("refused"), "--as", "pa-heart");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("no practice with code 'NORTHSIDE-FM'", refused.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_world.Folder.File("refused")));

        Write("own", null, "--as", "pa-north");
    }

    [Fact]
    public void A_second_run_writes_the_same_files_but_the_checkpoint_and_generated_at()
    {
        var first = Write("run1");
        var second = Write("run2");

        // The signature is randomized (checkpoint.json), so its hash in the manifest differs too; the
        // fixed test clock keeps generated-at equal here, so index.html and every figure are identical.
        foreach (var file in Directory.GetFiles(first).Select(Path.GetFileName).Where(f => f is not "checkpoint.json" and not "manifest.json"))
        {
            Assert.True(File.ReadAllBytes(Path.Combine(first, file!)).SequenceEqual(File.ReadAllBytes(Path.Combine(second, file!))), file + " differs");
        }

        Assert.NotEqual(File.ReadAllText(Path.Combine(first, "checkpoint.json")), File.ReadAllText(Path.Combine(second, "checkpoint.json")));
    }

    [Fact]
    public void The_e_m_revenue_difference_is_priced_from_the_imported_rvu26a_release_and_its_own_conversion_factor()
    {
        var db = _world.Copy("rvu26a");
        var import = CliRun.Of("codesets", "import", "--db", db, "--kind", "rvu", "--file", RepoPaths.Data("pfs-rvu", "PPRRVU2026_Jan_nonQPP_EXCERPT_em.csv"), "--effective", "2026-01-01");
        Assert.True(import.ExitCode == 0, import.ToString());
        var dir = Write("rvu26a", db);
        var em = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "package.json")))!["emDistribution"]!.AsArray();

        // FACTS.md §7, 2026 national non-facility: total RVU × 33.4009 (non-qualifying APM, RVU26A's CONV FACTOR).
        var facts = new Dictionary<string, decimal> { ["99202"] = 75.15m, ["99203"] = 117.57m, ["99204"] = 177.36m, ["99205"] = 236.81m,
            ["99211"] = 24.38m, ["99212"] = 59.45m, ["99213"] = 95.19m, ["99214"] = 135.61m, ["99215"] = 192.39m };
        var compared = 0;
        foreach (var physician in em)
        {
            foreach (var type in new[] { "new", "established" })
            {
                var figures = physician![type]!;
                var levels = figures["levels"]!.AsArray();
                foreach (var level in levels)
                {
                    Assert.Equal(facts[level!["code"]!.GetValue<string>()], level["unitDollars"]!.GetValue<decimal>());
                }

                if (figures["revenueDifference"] is not { } difference)
                {
                    continue;
                }

                // Independently: Σ (benchmark share / Σ shares × visits − count) × unit dollars, rounded once.
                var visits = figures["visits"]!.GetValue<int>();
                var total = levels.Sum(l => l!["benchmarkShare"]!.GetValue<decimal>());
                var expected = levels.Sum(l => ((l!["benchmarkShare"]!.GetValue<decimal>() / total * visits) - l["count"]!.GetValue<int>()) * facts[l["code"]!.GetValue<string>()]);
                Assert.Equal(decimal.Round(expected, 2, MidpointRounding.AwayFromZero), difference.GetValue<decimal>());
                Assert.StartsWith("informational", figures["revenue"]!.GetValue<string>(), StringComparison.Ordinal);
                compared++;
            }
        }

        Assert.True(compared > 0, "a physician with a benchmark and visits is priced");
        var verify = CliRun.Of("report", "verify", dir, "--db", db);
        Assert.True(verify.ExitCode == 0, verify.ToString());
    }

    [Fact]
    public void With_only_an_rvu_release_that_ended_before_the_month_the_section_says_none_covers_it_instead_of_a_number()
    {
        // RVU25D is in force 2025-10-01..2025-12-31 and replaces the demo's starter set from then on: nothing prices October 2026.
        var db = _world.Copy("rvu25d");
        var import = CliRun.Of("codesets", "import", "--db", db, "--kind", "rvu", "--file", RepoPaths.Data("pfs-rvu", "PPRRVU2025_Oct.csv.gz"), "--effective", "2025-10-01");
        Assert.True(import.ExitCode == 0, import.ToString());
        var dir = Write("rvu25d", db);
        var em = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "package.json")))!["emDistribution"]!.AsArray();

        var benchmarked = em.Select(p => p!["established"]!).Where(f => f["vsBenchmark"] is not null).ToList();
        Assert.NotEmpty(benchmarked);
        Assert.All(benchmarked, f =>
        {
            Assert.Null(f["revenueDifference"]);
            Assert.Equal("not priced: no imported RVU release covers 2026-10-01", f["revenue"]!.GetValue<string>());
        });
        Assert.Contains("not priced: no imported RVU release covers 2026-10-01", File.ReadAllText(Path.Combine(dir, "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_demo_database_is_priced_from_its_starter_release()
    {
        var dir = Write("starter");
        var em = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "package.json")))!["emDistribution"]!.AsArray();

        // The starter file's 99213 row: 2.66 non-facility RVUs, CONV FACTOR 33.4009 → $88.85.
        var level = em.SelectMany(p => p!["established"]!["levels"]!.AsArray()).First(l => l!["code"]!.GetValue<string>() == "99213")!;
        Assert.Equal(88.85m, level["unitDollars"]!.GetValue<decimal>());
        Assert.Contains(em, p => p!["established"]!["revenueDifference"] is not null);
    }

    [Fact]
    public void The_demo_ends_by_writing_each_practices_package_beside_the_database_and_each_verifies()
    {
        foreach (var practice in new[] { "HEARTWELL-CARDIO", "NORTHSIDE-FM" })
        {
            var dir = Path.Combine(_world.Db + ".reports", $"{practice}-{Month}");
            Assert.Contains($"Monthly package {practice} {Month}: {Path.Combine(dir, "index.html")}", _world.DemoOut, StringComparison.Ordinal);

            var verify = CliRun.Of("report", "verify", dir, "--db", _world.Db);
            Assert.True(verify.ExitCode == 0, verify.ToString());
        }

        // Writing the packages appended nothing: the head the demo printed is the ledger's head now.
        var head = System.Text.RegularExpressions.Regex.Match(_world.DemoOut, "Ledger: (\\d+) events").Groups[1].Value;
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(_world.Db + ".reports", $"NORTHSIDE-FM-{Month}", "manifest.json")))!;
        Assert.Equal(head, manifest["ledger"]!["last"]!.ToJsonString());
    }
}
