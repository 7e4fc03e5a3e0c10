using System.Text.Json;
using CodeLedger.Cli.Tests.Foundation;
using Microsoft.Data.Sqlite;

namespace CodeLedger.Cli.Tests.Scorecard;

/// <summary>
/// A demo database (NORTHSIDE-FM and HEARTWELL-CARDIO coded by ACME-CODING under BAAs and 48 h
/// contracts, each independently audited by LEDGER-AUDIT, queries raised and answered) with, added
/// through `setup apply`: a second vendor SLOW-CODE whose only coder holds a cardiology credential,
/// with a 72 h contract with NORTHSIDE-FM and a BAA that ended on 2026-06-30 (the tests' clock reads 2026-10-14); ACME training recorded before the release
/// took effect; an admin of each practice and of SLOW-CODE.
/// </summary>
public sealed class ScorecardWorld : IDisposable
{
    private readonly TempFolder _folder = new();

    public ScorecardWorld()
    {
        Db = DemoTemplates.Copy(_folder, encounters: 60, seed: 17, name: "demo").Db;
        var exported = CliRun.Of("setup", "export", "--db", Db);
        Check(exported);
        var setup = exported.Out.Replace("practices:\n", """
              - code: SLOW-CODE
                name: Slow Coding Offshore
                coders:
                  - userName: slowcoder
                    name: Sam Slow
                    specialties:
                      - cardiology
                    credentials:
                      - kind: CCC
                        number: CCC-55500011
                        issuedOn: 2020-10-01
                        expiresOn: 2029-10-01
            practices:

            """.ReplaceLineEndings("\n"), StringComparison.Ordinal).Replace("agreements:\n", """
            agreements:
              - practice: NORTHSIDE-FM
                vendor: SLOW-CODE
                practiceSignatory: "Dr. Maya Chen, Managing Partner"
                vendorSignatory: "Sam Slow, Owner"
                signedOn: 2025-12-01
                effectiveOn: 2026-01-01
                expiresOn: 2026-06-30
                documentSha256: 1111111111111111111111111111111111111111111111111111111111111111

            """.ReplaceLineEndings("\n"), StringComparison.Ordinal).Replace("contracts:\n", """
            contracts:
              - practice: NORTHSIDE-FM
                vendor: SLOW-CODE
                effectiveOn: 2026-01-01
                turnaroundTargetHours: 72
                clock: calendar-hours
                timeZone: America/Chicago
                workingHours:
                  opens: 08:00
                  closes: 17:00
                  days:
                    - monday
                    - friday
                holidays: []
                accuracyFloorPercent: 98
                queryResponseWindowHours: 120
                openQueryPausesClock: true
                correctedDocumentationRestartsClock: false
                monthlyFee: 3000.00
                serviceCredits:
                  thresholdPercent: 95
                  percentOfFeePerPoint: 1
                  capPercentOfFee: 10
                remediationAfterConsecutiveBreachMonths: 3

            """.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var file = _folder.File("setup.yaml");
        File.WriteAllText(file, setup);
        Check(CliRun.Of("setup", "apply", file, "--db", Db));
        Check(CliRun.Of("users", "add", "pa-north", "--name", "North Admin", "--org", "NORTHSIDE-FM", "--role", "practice-admin", "--db", Db));
        Check(CliRun.Of("users", "add", "pa-heart", "--name", "Heart Admin", "--org", "HEARTWELL-CARDIO", "--role", "practice-admin", "--db", Db));
        Check(CliRun.Of("users", "add", "slow-admin", "--name", "Slow Admin", "--org", "SLOW-CODE", "--role", "vendor-admin", "--db", Db));
        Check(CliRun.Of("training", "record", "--coder", "mreyes", "--release", "ICD-10-CM FY2027", "--effective", "2026-10-01", "--completed", "2026-09-20", "--db", Db));
        SqliteConnection.ClearAllPools();
    }

    public string Db { get; }

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
/// `codeledger scorecard` on real demo data: a vendor that holds the standards and one that does
/// not, unknown where only an answer could show it, answers changing verdicts and flags, users of
/// the wrong organization, bad answers, `ledger verify` after answers and an edited answer row.
/// </summary>
public sealed class ScorecardCommandTests(ScorecardWorld world) : IClassFixture<ScorecardWorld>
{
    private const string North = "NORTHSIDE-FM";

    private static CliRun Run(string db, params string[] args) => CliRun.Of([.. args, "--db", db]);

    private static CliRun Ok(string db, params string[] args)
    {
        var run = Run(db, args);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }

    private static CliRun Refused(string db, int exit, string code, params string[] args)
    {
        var run = Run(db, args);
        Assert.True(run.ExitCode == exit, run.ToString());
        Assert.StartsWith($"codeledger: {code}:", run.Error, StringComparison.Ordinal);
        return run;
    }

    private static JsonElement Card(string db, string vendor, string user = "pa-north", string practice = North)
    {
        var cards = JsonDocument.Parse(Ok(db, "scorecard", "--practice", practice, "--json", "--as", user).Out).RootElement;
        return cards.EnumerateArray().Single(c => c.GetProperty("vendor").GetString() == vendor).Clone();
    }

    private static string Verdict(JsonElement card, string criterion) =>
        card.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("criterion").GetString() == criterion).GetProperty("verdict").GetString()!;

    private static string Reason(JsonElement card, string criterion) =>
        card.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("criterion").GetString() == criterion).GetProperty("reason").GetString()!;

    private static string Flag(JsonElement card, string flag) =>
        card.GetProperty("redFlags").EnumerateArray().Single(c => c.GetProperty("flag").GetString() == flag).GetProperty("state").GetString()!;

    private static int Events(string db) => int.Parse(Ok(db, "ledger", "verify").Out.Split(' ').First(w => int.TryParse(w, out _)), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_vendor_holding_the_standards_meets_them_from_the_evidence_and_nothing_is_met_that_no_data_shows()
    {
        var acme = Card(world.Db, "ACME-CODING");

        Assert.Equal("met", Verdict(acme, "accuracy-method"));
        Assert.Contains("independent", Reason(acme, "accuracy-method"), StringComparison.Ordinal);
        Assert.Equal("met", Verdict(acme, "independent-audit-right"));
        Assert.Equal("met", Verdict(acme, "turnaround-commitment"));
        Assert.Contains("48 h", Reason(acme, "turnaround-commitment"), StringComparison.Ordinal);
        Assert.Equal("met", Verdict(acme, "specialty-credentials"));
        Assert.Equal("met", Verdict(acme, "query-process"));
        Assert.Equal("met", Verdict(acme, "signed-baa"));
        Assert.Equal("met", Verdict(acme, "code-update-training"));

        // What only an answer or a part not built yet could show is unknown, never met.
        Assert.Equal("unknown", Verdict(acme, "specialty-references"));
        Assert.Equal("unknown", Verdict(acme, "monthly-reporting"));
        Assert.Equal("unknown", Verdict(acme, "integrated-billing"));
        Assert.Contains("does not record", Reason(acme, "integrated-billing"), StringComparison.Ordinal);

        Assert.Equal("not-raised", Flag(acme, "no-independent-audit-right"));
        Assert.Equal("not-raised", Flag(acme, "accuracy-without-method"));
        Assert.Equal("not-raised", Flag(acme, "turnaround-beyond-48h"));
        Assert.Equal("not-raised", Flag(acme, "no-query-process"));
        Assert.Equal("unknown", Flag(acme, "no-specialty-references"));
        Assert.Equal("unknown", Flag(acme, "price-far-below-market"));
        Assert.False(acme.GetProperty("disqualified").GetBoolean());
        Assert.Equal(7, acme.GetProperty("met").GetInt32());
    }

    [Fact]
    public void A_vendor_whose_BAA_ended_at_72_hours_and_never_audited_fails_those_criteria_and_raises_the_red_flags()
    {
        var slow = Card(world.Db, "SLOW-CODE");

        Assert.Equal("not-met", Verdict(slow, "signed-baa"));
        Assert.Equal("not-met", Verdict(slow, "turnaround-commitment"));
        Assert.Contains("72 h", Reason(slow, "turnaround-commitment"), StringComparison.Ordinal);
        Assert.Equal("not-met", Verdict(slow, "accuracy-method"));
        Assert.Contains("98", Reason(slow, "accuracy-method"), StringComparison.Ordinal);
        // Its only coder is certified for cardiology; the practice sends family medicine.
        Assert.Equal("not-met", Verdict(slow, "specialty-credentials"));
        Assert.Contains("family-medicine", Reason(slow, "specialty-credentials"), StringComparison.Ordinal);
        Assert.Equal("unknown", Verdict(slow, "independent-audit-right"));
        Assert.Equal("unknown", Verdict(slow, "code-update-training"));

        Assert.Equal("raised", Flag(slow, "turnaround-beyond-48h"));
        Assert.Equal("raised", Flag(slow, "accuracy-without-method"));
        Assert.Equal("unknown", Flag(slow, "no-independent-audit-right"));
        Assert.True(slow.GetProperty("disqualified").GetBoolean());

        var text = Ok(world.Db, "scorecard", "--practice", North, "--vendor", "SLOW-CODE", "--as", "pa-north").Out;
        Assert.Contains("NOT MET  Signed BAA: 1 BAA(s) on file, none in force on 2026-10-14", text, StringComparison.Ordinal);
        Assert.Contains("RAISED     turnaround commitment beyond 48 hours: the contract commits to 72 h (calendar-hours)", text, StringComparison.Ordinal);
        Assert.Contains("SLOW-CODE at NORTHSIDE-FM: 0 met, 4 not met, 6 unknown; red flags: 2 raised (accuracy-without-method, turnaround-beyond-48h) - disqualifying", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ACME-CODING", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answers_change_the_verdicts_and_flags_and_ledger_verify_rebuilds_them_and_names_an_edited_answer()
    {
        using var folder = new TempFolder();
        var db = world.Copy(folder);

        // A reference of another specialty only: the flag is raised, the criterion not met.
        Ok(db, "scorecard", "answer", "reference", "--practice", North, "--vendor", "ACME-CODING", "--organization", "Valley Heart Group", "--specialty", "cardiology", "--checked", "2026-10-01", "--as", "pa-north");
        var acme = Card(db, "ACME-CODING");
        Assert.Equal("not-met", Verdict(acme, "specialty-references"));
        Assert.Equal("raised", Flag(acme, "no-specialty-references"));

        Ok(db, "scorecard", "answer", "reference", "--practice", North, "--vendor", "ACME-CODING", "--organization", "Lakeside Family Practice", "--specialty", "family-medicine", "--checked", "2026-10-02", "--as", "pa-north");
        acme = Card(db, "ACME-CODING");
        Assert.Equal("met", Verdict(acme, "specialty-references"));
        Assert.Equal("not-raised", Flag(acme, "no-specialty-references"));

        // $3 per encounter against $6-$10: 62.5% below the middle, flagged until explained.
        Ok(db, "scorecard", "answer", "price", "--practice", North, "--vendor", "ACME-CODING", "--basis", "per-encounter", "--price", "3", "--market-low", "6", "--market-high", "10", "--as", "pa-north");
        Assert.Equal("raised", Flag(Card(db, "ACME-CODING"), "price-far-below-market"));
        Ok(db, "scorecard", "answer", "price-explanation", "--practice", North, "--vendor", "ACME-CODING", "--text", "volume discount for a three-year term", "--as", "pa-north");
        Assert.Equal("not-raised", Flag(Card(db, "ACME-CODING"), "price-far-below-market"));

        // SLOW-CODE's contract grants no audit right: the criterion fails and the flag is raised.
        Ok(db, "scorecard", "answer", "audit-right", "--practice", North, "--vendor", "SLOW-CODE", "--granted", "no", "--clause", "MSA 7.2", "--as", "pa-north");
        var slow = Card(db, "SLOW-CODE");
        Assert.Equal("not-met", Verdict(slow, "independent-audit-right"));
        Assert.Contains("MSA 7.2", Reason(slow, "independent-audit-right"), StringComparison.Ordinal);
        Assert.Equal("raised", Flag(slow, "no-independent-audit-right"));

        var verify = Run(db, "ledger", "verify");
        Assert.True(verify.ExitCode == 0, verify.ToString());
        var export = folder.File("ledger.jsonl");
        Ok(db, "ledger", "export", "--out", export);
        Assert.Equal(5, File.ReadLines(export).Count(l => l.Contains("\"scorecard.answered\"", StringComparison.Ordinal)));

        Execute(db, "UPDATE scorecard_answers SET value = 'yes|MSA 7.2' WHERE kind = 'audit-right'");
        verify = Run(db, "ledger", "verify");
        Assert.Equal(1, verify.ExitCode);
        Assert.Matches(@"STATE-DIVERGES: scorecard_answers row for scorecard answer [0-9a-f-]{36} \(audit-right\) of NORTHSIDE-FM about SLOW-CODE: value yes\|MSA 7.2, ledger says no\|MSA 7.2 \(event \d+\)\n", verify.Out);
    }

    [Fact]
    public void A_user_of_another_organization_is_told_the_practice_is_unknown_and_nothing_is_written()
    {
        var before = Events(world.Db);
        var unknownCode = Refused(world.Db, 1, "ORG-UNKNOWN", "scorecard", "--practice", "NO-SUCH-PRACTICE", "--as", "pa-heart");
        var otherPractice = Refused(world.Db, 1, "ORG-UNKNOWN", "scorecard", "--practice", North, "--as", "pa-heart");
        Assert.Equal(unknownCode.Error.Replace("NO-SUCH-PRACTICE", North, StringComparison.Ordinal), otherPractice.Error);
        Refused(world.Db, 1, "ORG-UNKNOWN", "scorecard", "answer", "reference", "--practice", North, "--vendor", "ACME-CODING", "--organization", "X", "--specialty", "cardiology", "--checked", "2026-10-01", "--as", "pa-heart");

        // A vendor's admin reads its own card only, and answers nothing about itself.
        var own = JsonDocument.Parse(Ok(world.Db, "scorecard", "--practice", North, "--json", "--as", "slow-admin").Out).RootElement;
        Assert.Equal(["SLOW-CODE"], own.EnumerateArray().Select(c => c.GetProperty("vendor").GetString()));
        Refused(world.Db, 1, "SCORECARD-VENDOR-UNKNOWN", "scorecard", "--practice", North, "--vendor", "ACME-CODING", "--as", "slow-admin");
        Refused(world.Db, 1, "ORG-UNKNOWN", "scorecard", "--practice", "HEARTWELL-CARDIO", "--as", "slow-admin");
        Refused(world.Db, 1, "ACCESS-ROLE-REFUSED", "scorecard", "answer", "reference", "--practice", North, "--vendor", "SLOW-CODE", "--organization", "Friendly Clinic", "--specialty", "family-medicine", "--checked", "2026-10-01", "--as", "slow-admin");
        // A coder reads no scorecard.
        Refused(world.Db, 1, "ACCESS-ROLE-REFUSED", "scorecard", "--practice", North, "--as", "mreyes");

        Assert.Equal(before, Events(world.Db));
    }

    [Fact]
    public void Bad_answers_name_the_field_and_change_nothing()
    {
        var before = Events(world.Db);
        var upside = Refused(world.Db, 2, "SCORECARD-ANSWER-INVALID", "scorecard", "answer", "price", "--practice", North, "--vendor", "ACME-CODING",
            "--basis", "per-encounter", "--price", "3", "--market-low", "10", "--market-high", "6", "--as", "pa-north");
        Assert.Contains("market range", upside.Error, StringComparison.Ordinal);
        Refused(world.Db, 2, "SCORECARD-ANSWER-INVALID", "scorecard", "answer", "price", "--practice", North, "--vendor", "ACME-CODING",
            "--basis", "per-visit", "--price", "3", "--market-low", "6", "--market-high", "10", "--as", "pa-north");
        Refused(world.Db, 2, "SCORECARD-ANSWER-INVALID", "scorecard", "answer", "audit-right", "--practice", North, "--vendor", "ACME-CODING", "--granted", "maybe", "--as", "pa-north");
        Refused(world.Db, 2, "SCORECARD-ANSWER-INVALID", "scorecard", "answer", "reference", "--practice", North, "--vendor", "ACME-CODING",
            "--organization", "A|B", "--specialty", "cardiology", "--checked", "2026-10-01", "--as", "pa-north");
        var date = Run(world.Db, "scorecard", "answer", "reference", "--practice", North, "--vendor", "ACME-CODING", "--organization", "Clinic", "--specialty", "cardiology", "--checked", "10/01/2026", "--as", "pa-north");
        Assert.Equal(2, date.ExitCode);
        Assert.Contains("--checked", date.Error, StringComparison.Ordinal);
        // A vendor that does not work for the practice.
        Refused(world.Db, 1, "SCORECARD-VENDOR-UNKNOWN", "scorecard", "answer", "audit-right", "--practice", "HEARTWELL-CARDIO", "--vendor", "SLOW-CODE", "--granted", "yes", "--as", "pa-heart");
        Assert.Equal(before, Events(world.Db));
    }

    [Fact]
    public void Out_writes_the_json_and_a_self_contained_html_page_with_every_text_escaped()
    {
        using var folder = new TempFolder();
        var db = world.Copy(folder);
        Ok(db, "scorecard", "answer", "reference", "--practice", North, "--vendor", "ACME-CODING", "--organization", "<script>alert(1)</script> & Co", "--specialty", "family-medicine", "--checked", "2026-10-01", "--as", "pa-north");
        var dir = Path.Combine(folder.Path, "card");
        var printed = Ok(db, "scorecard", "--practice", North, "--json", "--out", dir, "--as", "pa-north").Out;

        Assert.Equal(printed, File.ReadAllText(Path.Combine(dir, "scorecard.json")));
        var html = File.ReadAllText(Path.Combine(dir, "scorecard.html"));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html, StringComparison.Ordinal);
        Assert.Contains("<h2>ACME-CODING at NORTHSIDE-FM", html, StringComparison.Ordinal);
        Assert.Contains("<h2>SLOW-CODE at NORTHSIDE-FM", html, StringComparison.Ordinal);
        // Two vendors, each with ten criteria and six red flags.
        Assert.Equal(32, html.Split("<tr><td>").Length - 1);
    }

    private static void Execute(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
