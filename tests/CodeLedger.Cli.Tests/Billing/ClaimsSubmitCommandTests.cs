using static CodeLedger.Cli.Tests.Foundation.SqliteRows;
using System.Globalization;
using System.Text;
using CodeLedger.Cli.Tests.Claims;
using CodeLedger.Cli.Tests.Foundation;
using CodeLedger.Testing;
using CodeLedger.X12;
using Microsoft.Data.Sqlite;

namespace CodeLedger.Cli.Tests.Billing;

/// <summary>
/// <c>claims submit</c>, <c>list</c>, <c>fixes</c>, <c>show</c>, <c>correct</c> and <c>void</c> on the demo's
/// world (docs/BILLING.md): finalized encounters become claims priced from the practice's fee schedule;
/// a claim without a fee or coverage waits in the fix queue and leaves once fixed; ready claims go out in
/// 837P files that parse clean and pass pyx12, one practice per file, never reusing a control number; the
/// same submit twice writes nothing; corrections and voids carry frequency 7/8 with REF*F8; replay
/// rebuilds every claim and names an edited one.
/// </summary>
public sealed class ClaimsSubmitCommandTests(ClaimsDemo demo) : IClassFixture<ClaimsDemo>
{
    private const string North = "NORTHSIDE-FM";
    private const string Heart = "HEARTWELL-CARDIO";

    // 99203 is missing: the demo's two new-patient visits at Northside have no fee until the practice adds one.
    private const string NorthFees = "code,modifier,charge\n99204,,210.00\n99213,,125.00\n99214,,180.00\n99215,,250.00\n";
    private const string HeartFees = "code,modifier,charge\n99204,,230.00\n99213,,135.00\n99214,,190.00\n99215,,265.00\n";
    private const string Uncovered = "NO-20261003-000030";

    private static CliRun Run(string db, params string[] args) => CliRun.Of([.. args, "--db", db]);

    private static CliRun Submit(string db, string outbox, string practice = North, string user = "pa-north") =>
        Run(db, "claims", "submit", "--practice", practice, "--as", user, "--out", outbox);

    private static void Ok(CliRun run) => Assert.True(run.ExitCode == 0, run.ToString());

    /// <summary>A demo copy with the billing setup seeded, both practices' fee schedules imported and the users the tests act as.</summary>
    private string World(TempFolder folder)
    {
        var db = demo.Copy(folder);
        BillingWorld.Seed(db, Uncovered);
        File.WriteAllText(folder.File("north.csv"), NorthFees);
        File.WriteAllText(folder.File("heart.csv"), HeartFees);
        Ok(Run(db, "fees", "import", folder.File("north.csv"), "--practice", North, "--as", "pa-north", "--effective", "2026-01-01"));
        Ok(Run(db, "fees", "import", folder.File("heart.csv"), "--practice", Heart, "--as", "pa-heart", "--effective", "2026-01-01"));
        return db;
    }

    private static void AssertClean(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var parsed = X12Parser.Parse(bytes);
        Assert.True(parsed.Errors.Count == 0, Path.GetFileName(path) + ": " + string.Join("; ", parsed.Errors.Select(e => $"{e.Code} @{e.Segment} {e.SegmentId}{e.Element}: {e.Message}")));
        var (ok, output) = Pyx12.Validate(bytes);
        Assert.True(ok, Path.GetFileName(path) + ": " + output);
    }

    [Fact]
    public void Submit_builds_every_finalized_encounters_claim_holds_the_unpriced_and_uncovered_and_writes_clean_837Ps_per_payer()
    {
        using var folder = new TempFolder();
        var db = World(folder);
        var outbox = folder.File("outbox");

        var run = Submit(db, outbox);

        Ok(run);
        Assert.Contains("practice NORTHSIDE-FM: 28 claims built, 0 rebuilt, 25 submitted in 2 files, 3 in the fix queue", run.Out, StringComparison.Ordinal);
        Assert.Contains("fix queue: 2 claims with CLAIM-NO-FEE", run.Out, StringComparison.Ordinal);
        Assert.Contains("fix queue: 1 claims with CLAIM-NO-COVERAGE", run.Out, StringComparison.Ordinal);
        var files = Directory.GetFiles(Path.Combine(outbox, North)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.GetFiles(outbox, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        Assert.Equal(["837P-AETNA-000000001.x12", "837P-MCR-IL-000000001.x12"], files.Select(Path.GetFileName));
        foreach (var file in files)
        {
            AssertClean(file);
        }

        // Every submitted claim names its file, and the file holds exactly those CLM01s; no temporary file is left.
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var inFile = Query(db, $"SELECT claim_id FROM claims WHERE file_name = '{Path.GetFileName(file)}' ORDER BY claim_id");
            Assert.NotEmpty(inFile);
            Assert.Equal(inFile.Count, text.Split('~').Count(s => s.StartsWith("CLM*", StringComparison.Ordinal)));
            Assert.All(inFile, id => Assert.Contains($"CLM*{id}*", text, StringComparison.Ordinal));
            Assert.Contains("*ZZ*NORTHETIN01   ", text, StringComparison.Ordinal);
        }

        Assert.Equal(["fix-queue|3", "submitted|25"], Query(db, "SELECT status, count(*) FROM claims GROUP BY status ORDER BY status"));
        var fixes = Run(db, "claims", "fixes", "--practice", North, "--as", "pa-north");
        Ok(fixes);
        Assert.Contains("CLAIM-NO-FEE error line 1: ", fixes.Out, StringComparison.Ordinal);
        Assert.Contains($"{Uncovered}-1 (encounter {Uncovered}, frequency 1):", fixes.Out, StringComparison.Ordinal);
        Assert.Contains("3 claims in the fix queue", fixes.Out, StringComparison.Ordinal);
        var verify = Run(db, "ledger", "verify");
        Ok(verify);
        Assert.Contains("matches the stored tables", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_submit_twice_writes_nothing_and_says_so_and_a_fixed_claim_leaves_with_a_new_control_number()
    {
        using var folder = new TempFolder();
        var db = World(folder);
        var outbox = folder.File("outbox");
        Ok(Submit(db, outbox));
        var events = Count(db, "SELECT count(*) FROM ledger_events");
        var northOutbox = Path.Combine(outbox, North);
        var first = Directory.GetFiles(northOutbox).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

        var again = Submit(db, outbox);

        Ok(again);
        Assert.Contains("nothing to submit", again.Out, StringComparison.Ordinal);
        Assert.Equal(events, Count(db, "SELECT count(*) FROM ledger_events"));
        Assert.Equal(first.Keys.Order(), Directory.GetFiles(northOutbox).Select(Path.GetFileName).Order());
        Assert.All(first, f => Assert.Equal(f.Value, File.ReadAllBytes(Path.Combine(northOutbox, f.Key))));

        // The practice prices 99203 from October: the two held claims are rebuilt and go out in a new interchange.
        File.WriteAllText(folder.File("oct.csv"), NorthFees + "99203,,150.00\n");
        Ok(Run(db, "fees", "import", folder.File("oct.csv"), "--practice", North, "--as", "pa-north", "--effective", "2026-10-01"));
        var fixedRun = Submit(db, outbox);

        Ok(fixedRun);
        Assert.Contains("0 claims built, 2 rebuilt, 2 submitted", fixedRun.Out, StringComparison.Ordinal);
        Assert.Equal(2, Count(db, "SELECT count(*) FROM ledger_events WHERE type = 'claim.rebuilt'"));
        var numbers = Query(db, "SELECT receiver_id || ':' || interchange_control_number FROM claims WHERE interchange_control_number IS NOT NULL GROUP BY file_name");
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        var added = Directory.GetFiles(northOutbox).Where(f => !first.ContainsKey(Path.GetFileName(f))).ToList();
        Assert.NotEmpty(added);
        Assert.Equal(2 + added.Count, Count(db, "SELECT count(DISTINCT file_name) FROM claims WHERE file_name IS NOT NULL"));
        foreach (var file in added)
        {
            AssertClean(file);
            Assert.Contains("000000002", Path.GetFileName(file), StringComparison.Ordinal);
        }

        Assert.Equal(["fix-queue|1", "submitted|27"], Query(db, "SELECT status, count(*) FROM claims GROUP BY status ORDER BY status"));
        Ok(Run(db, "ledger", "verify"));
    }

    [Fact]
    public void A_second_practices_claims_never_share_its_files_and_each_practice_is_its_own_sender()
    {
        using var folder = new TempFolder();
        var db = World(folder);
        var outbox = folder.File("outbox");

        Ok(Submit(db, outbox));
        var heart = Submit(db, outbox, Heart, "pa-heart");

        Ok(heart);
        Assert.Contains("practice HEARTWELL-CARDIO: 12 claims built", heart.Out, StringComparison.Ordinal);
        Assert.Equal([Heart, North], Directory.GetDirectories(outbox).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in Directory.GetFiles(outbox, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.Equal(text.Contains("HEARTETIN01", StringComparison.Ordinal), file.Contains(Heart, StringComparison.Ordinal));
            var heartFile = text.Contains("HEARTETIN01", StringComparison.Ordinal);
            Assert.NotEqual(heartFile, text.Contains("NORTHETIN01", StringComparison.Ordinal));
            Assert.DoesNotContain(heartFile ? "CLM*NO-" : "CLM*HE-", text, StringComparison.Ordinal);
            AssertClean(file);
        }

        // Each practice's ETIN has its own counter towards a partner: both start at 1 and neither file overwrote the other.
        Assert.Equal(2, Count(db, "SELECT count(*) FROM x12_control_numbers WHERE receiver_id = 'CLEARHOUSE01'"));
    }

    [Fact]
    public void Another_organizations_user_is_told_there_is_no_such_practice_and_nothing_is_built()
    {
        using var folder = new TempFolder();
        var db = World(folder);
        var outbox = folder.File("outbox");
        var events = Count(db, "SELECT count(*) FROM ledger_events");

        var stranger = Submit(db, outbox, North, "pa-heart");
        var auditor = Submit(db, outbox, North, "aud-north");
        var list = Run(db, "claims", "list", "--practice", North, "--as", "pa-heart");
        var unknown = Submit(db, outbox, "NO-SUCH-PRACTICE", "pa-north");

        Assert.Equal(1, stranger.ExitCode);
        Assert.Contains("ORG-UNKNOWN", stranger.Error, StringComparison.Ordinal);
        Assert.Equal(stranger.Error.Replace(North, "X", StringComparison.Ordinal), unknown.Error.Replace("NO-SUCH-PRACTICE", "X", StringComparison.Ordinal));
        Assert.Equal(1, auditor.ExitCode);
        Assert.Contains("ACCESS-ROLE-REFUSED", auditor.Error, StringComparison.Ordinal);
        Assert.Equal(1, list.ExitCode);
        Assert.Contains("ORG-UNKNOWN", list.Error, StringComparison.Ordinal);
        Assert.Equal(0, Count(db, "SELECT count(*) FROM claims"));
        Assert.Equal(events, Count(db, "SELECT count(*) FROM ledger_events"));
        Assert.False(Directory.Exists(outbox));
    }

    [Fact]
    public void Correct_and_void_go_out_with_the_next_submit_as_frequency_7_and_8_with_the_payers_claim_number()
    {
        using var folder = new TempFolder();
        var db = World(folder);
        var outbox = folder.File("outbox");
        Ok(Submit(db, outbox));
        var sent = Query(db, "SELECT claim_id FROM claims WHERE status = 'submitted' ORDER BY claim_id").Take(2).ToList();

        var correct = Run(db, "claims", "correct", sent[0], "--practice", North, "--as", "pa-north", "--payer-claim-number", "2026287A00123");
        var voided = Run(db, "claims", "void", sent[1], "--practice", North, "--as", "pa-north", "--payer-claim-number", "2026287A00456");

        Ok(correct);
        Ok(voided);
        var replacement = sent[0][..^2] + "-2";
        var voidId = sent[1][..^2] + "-2";
        Assert.Contains($"replacement {replacement} of {sent[0]} built (ready)", correct.Out, StringComparison.Ordinal);
        Assert.Contains($"void {voidId} of {sent[1]} built (ready)", voided.Out, StringComparison.Ordinal);
        var submit = Submit(db, outbox);
        Ok(submit);
        Assert.Contains("0 claims built, 0 rebuilt, 2 submitted", submit.Out, StringComparison.Ordinal);
        var text = string.Concat(Query(db, $"SELECT DISTINCT file_name FROM claims WHERE claim_id IN ('{replacement}', '{voidId}')")
            .Select(f => File.ReadAllText(Path.Combine(outbox, North, f))));
        Assert.Matches($@"CLM\*{replacement}\*[0-9.]+\*\*\*11:B:7\*", text);
        Assert.Contains("REF*F8*2026287A00123~", text, StringComparison.Ordinal);
        Assert.Matches($@"CLM\*{voidId}\*[0-9.]+\*\*\*11:B:8\*", text);
        Assert.Contains("REF*F8*2026287A00456~", text, StringComparison.Ordinal);
        foreach (var f in Query(db, $"SELECT DISTINCT file_name FROM claims WHERE claim_id IN ('{replacement}', '{voidId}')"))
        {
            AssertClean(Path.Combine(outbox, North, f));
        }

        // The void repeats the voided claim's lines and charge; each line's REF*6R is the void's own (its CLM01 and LX).
        Assert.Equal(Query(db, $"SELECT lines, total_charge FROM claims WHERE claim_id = '{sent[1]}'").Select(r => r.Replace($"\"{sent[1]}-", $"\"{voidId}-", StringComparison.Ordinal)),
            Query(db, $"SELECT lines, total_charge FROM claims WHERE claim_id = '{voidId}'"));
        Assert.Contains($"REF*6R*{voidId}-1~", text, StringComparison.Ordinal);
        var show = Run(db, "claims", "show", voidId, "--practice", North, "--as", "pa-north");
        Ok(show);
        Assert.Contains($"frequency 8 replacing {sent[1]} (REF*F8 2026287A00456), submitted", show.Out, StringComparison.Ordinal);
        Ok(Run(db, "ledger", "verify"));
    }

    [Fact]
    public void A_claim_that_never_left_a_void_an_already_replaced_claim_and_an_unknown_or_other_practices_claim_are_refused()
    {
        using var folder = new TempFolder();
        var db = World(folder);
        var outbox = folder.File("outbox");
        Ok(Submit(db, outbox));
        Ok(Submit(db, outbox, Heart, "pa-heart"));
        var sent = Query(db, "SELECT claim_id FROM claims WHERE status = 'submitted' AND claim_id LIKE 'NO-%' ORDER BY claim_id")[0];
        var heartClaim = Query(db, "SELECT claim_id FROM claims WHERE claim_id LIKE 'HE-%' ORDER BY claim_id")[0];
        CliRun Correct(string claim, string verb = "correct") => Run(db, "claims", verb, claim, "--practice", North, "--as", "pa-north", "--payer-claim-number", "PCN1");

        var held = Correct($"{Uncovered}-1");
        Ok(Run(db, "claims", "void", sent, "--practice", North, "--as", "pa-north", "--payer-claim-number", "PCN0"));
        Ok(Submit(db, outbox));
        var voidOfVoid = Correct(sent[..^2] + "-2", "void");
        var twice = Correct(sent);
        var unknown = Correct("NO-SUCH-CLAIM-1");
        var other = Correct(heartClaim);

        Assert.Equal(1, held.ExitCode);
        Assert.Contains("BILLING-CLAIM-NOT-CORRECTABLE", held.Error, StringComparison.Ordinal);
        Assert.Contains("never left (it is fix-queue)", held.Error, StringComparison.Ordinal);
        Assert.Equal(1, voidOfVoid.ExitCode);
        Assert.Contains("is a void: it cannot be voided", voidOfVoid.Error, StringComparison.Ordinal);
        Assert.Equal(1, twice.ExitCode);
        Assert.Contains($"is already voided by {sent[..^2]}-2", twice.Error, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("BILLING-CLAIM-UNKNOWN", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(unknown.Error.Replace("NO-SUCH-CLAIM-1", "X", StringComparison.Ordinal), other.Error.Replace(heartClaim, "X", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", held.Error + voidOfVoid.Error + twice.Error + unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ledger_verify_names_an_edited_claim_status_and_charge()
    {
        using var folder = new TempFolder();
        var db = World(folder);
        Ok(Submit(db, folder.File("outbox")));
        var claim = Query(db, "SELECT claim_id FROM claims WHERE status = 'submitted' ORDER BY claim_id")[0];

        Execute(db, $"UPDATE claims SET status = 'paid' WHERE claim_id = '{claim}'");
        Execute(db, $"UPDATE claims SET total_charge = total_charge + 10000 WHERE claim_id = '{claim}'");
        var verify = Run(db, "ledger", "verify");

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains($"claims row for claim {claim} of NORTHSIDE-FM", verify.Out + verify.Error, StringComparison.Ordinal);
        Assert.Contains("status", verify.Out + verify.Error, StringComparison.Ordinal);
        Assert.Contains("total_charge", verify.Out + verify.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Claims_never_carry_phi_into_the_ledger_or_the_fix_queue()
    {
        using var folder = new TempFolder();
        var db = World(folder);
        Ok(Submit(db, folder.File("outbox")));
        var payloads = string.Join("\n", Query(db, "SELECT payload FROM ledger_events WHERE type LIKE 'claim%'"));
        var fixes = Run(db, "claims", "fixes", "--practice", North, "--as", "pa-north", "--json");
        var phi = BillingWorld.PatientPhi(db);

        Assert.NotEmpty(payloads);
        Assert.True(phi.Count > 40, string.Join(",", phi.Count));
        Assert.DoesNotContain("W Oak St", payloads, StringComparison.Ordinal);
        Assert.All(phi, value => Assert.DoesNotContain($"\"{value}", payloads + fixes.Out, StringComparison.Ordinal));
    }
}
