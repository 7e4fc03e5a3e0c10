using CodeLedger.Cli.Tests.Claims;
using CodeLedger.Cli.Tests.Foundation;
using CodeLedger.Testing;
using static CodeLedger.Cli.Tests.Remittances.RemitWorld;

namespace CodeLedger.Cli.Tests.Remittances;

/// <summary>
/// <c>import remits</c>, <c>remits unmatched</c>, <c>remits match</c>, <c>denials</c> and
/// <c>ledger replay --report denials</c> on a demo database whose practice has submitted claims
/// (docs/REMITTANCE.md): a payment posts once, all or nothing, with its events, and replay rebuilds
/// every remittance table.
/// </summary>
public sealed class ImportRemitsCommandTests(ClaimsDemo demo) : IClassFixture<ClaimsDemo>
{
    private static CliRun Import(string db, string file, string user = "pa-north", params string[] more) =>
        CliRun.Of(["import", "remits", file, "--practice", Practice, "--as", user, "--db", db, .. more]);

    private static string Write(TempFolder folder, string name, string text)
    {
        var path = folder.File(name);
        File.WriteAllText(path, text);
        return path;
    }

    private static int Events(string db) => Count(db, "SELECT count(*) FROM ledger_events");

    private static void Verified(string db)
    {
        var verify = CliRun.Of("ledger", "verify", "--db", db);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains("matches the stored tables", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_835_posts_each_claim_line_by_line_marks_claims_paid_or_denied_opens_the_coding_denial_and_replays()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        await SeedClaimsAsync(db, Practice, StandardClaims());

        var run = Import(db, Write(folder, "era-1.835", Text(Standard, "145")));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("claims matched 2 (0 reversals), 3 lines, 4 adjustments, 0 PLB", run.Out, StringComparison.Ordinal);
        Assert.Contains("denials        1 opened", run.Out, StringComparison.Ordinal);
        Assert.Contains("total posted   145.00", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("DOE", run.Out + run.Error, StringComparison.Ordinal);
        Assert.Equal(["PCN-1|paid|PAYERCCN1", "PCN-2|denied|PAYERCCN2"], Query(db, "SELECT claim_id, status, payer_claim_control_number FROM claims ORDER BY claim_id"));
        Assert.Equal(["PCN-1|1|14500|1", "PCN-2|4|0|0"], Query(db, "SELECT claim_id, status, paid, instr(lines, '\"lineNumber\":2') > 0 FROM claim_postings ORDER BY claim_id"));
        Assert.Equal(["PCN-2|Coding|8000|Coding|Open"], Query(db, "SELECT claim_id, root_cause, amount, team, state FROM denial_work_items"));
        var events = Query(db, "SELECT actor, subject, payload FROM ledger_events WHERE type = 'remittance.posted'");
        Assert.Single(events);
        Assert.StartsWith("pa-north|NORTHSIDE-FM|", events[0], StringComparison.Ordinal);
        Assert.DoesNotContain("DOE", events[0], StringComparison.Ordinal);
        Assert.DoesNotContain("JANE", events[0], StringComparison.Ordinal);
        Verified(db);
    }

    [Fact]
    public async Task The_same_file_twice_posts_nothing_the_second_time_and_says_so()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        await SeedClaimsAsync(db, Practice, StandardClaims());
        var file = Write(folder, "era.835", Text(Standard, "145"));
        Assert.Equal(0, Import(db, file).ExitCode);
        var events = Events(db);

        var again = Import(db, file);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("nothing posted: every payment in it (1) is already posted", again.Out, StringComparison.Ordinal);
        Assert.Equal(events, Events(db));
        Assert.Equal(2, Count(db, "SELECT count(*) FROM claim_postings"));
        Assert.Equal(1, Count(db, "SELECT count(*) FROM remittance_payments"));
    }

    [Fact]
    public async Task The_same_trace_number_with_another_total_is_refused()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        await SeedClaimsAsync(db, Practice, StandardClaims());
        Assert.Equal(0, Import(db, Write(folder, "era.835", Text(Standard, "145"))).ExitCode);
        var other = Text("CLP*PCN-1*1*250*100*20*12*PAYERCCN1~NM1*QC*1*DOE*JANE~SVC*HC:99214:25*150*50**1~DTM*472*20260915~CAS*CO*45*80~CAS*PR*3*20~SVC*HC:36415*100*50**1~DTM*472*20260915~CAS*CO*45*50~", "100");

        var run = Import(db, Write(folder, "era-other.835", other));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("REMIT-TRACE-CONFLICT", run.Error, StringComparison.Ordinal);
        Assert.Equal(1, Count(db, "SELECT count(*) FROM remittance_payments"));
    }

    [Fact]
    public async Task An_unbalanced_835_is_refused_naming_the_claim_and_service_unless_accepted_then_flagged()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        await SeedClaimsAsync(db, Practice, StandardClaims());
        var file = Write(folder, "bad.835", Text(Standard.Replace("SVC*HC:36415*100*65", "SVC*HC:36415*100*66", StringComparison.Ordinal), "145"));
        var events = Events(db);

        var refused = Import(db, file);
        var accepted = Import(db, file, "pa-north", "--accept-unbalanced");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("REMIT-UNBALANCED", refused.Error, StringComparison.Ordinal);
        Assert.Contains("transaction set 0001, CLP 1 (CLP01 PCN-1), SVC 2: SVC02 100.00 − CAS 35.00 ≠ SVC03 66.00", refused.Error, StringComparison.Ordinal);
        Assert.True(accepted.ExitCode == 0, accepted.ToString());
        Assert.Contains("UNBALANCED (accepted)", accepted.Out, StringComparison.Ordinal);
        Assert.Contains("warning: posted unbalanced:", accepted.Out, StringComparison.Ordinal);
        Assert.Equal(["1"], Query(db, "SELECT unbalanced FROM remittance_payments"));
        Assert.Equal(events + 1, Events(db));
        Verified(db);
    }

    [Fact]
    public async Task A_truncated_file_is_refused_whole_naming_the_segment_and_nothing_is_stored()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        await SeedClaimsAsync(db, Practice, StandardClaims());
        var text = Text(Standard, "145");
        var events = Events(db);

        var run = Import(db, Write(folder, "cut.835", text[..text.IndexOf("SVC*HC:36415", StringComparison.Ordinal)]));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("REMIT-UNREADABLE: cut.835", run.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was posted", run.Error, StringComparison.Ordinal);
        Assert.Matches(@"X12 X12-\d+ at segment \d+", run.Error);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, Count(db, "SELECT count(*) FROM remittance_payments"));
        Assert.Equal(["submitted", "submitted"], Query(db, "SELECT status FROM claims"));
        Assert.Equal(events, Events(db));
    }

    [Theory]
    [InlineData("cut inside a segment", "X12-0109")]
    [InlineData("SE01 one too many", "X12-0303")]
    public async Task An_835_cut_inside_a_segment_or_with_a_wrong_segment_count_is_refused_whole_with_its_location(string damage, string code)
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        await SeedClaimsAsync(db, Practice, StandardClaims());
        var text = Text(Standard, "145");
        var events = Events(db);
        var se = System.Text.RegularExpressions.Regex.Match(text, @"(?<=~\s*)SE\*(\d+)\*");
        var damaged = damage.StartsWith("cut", StringComparison.Ordinal)
            ? text[..(text.IndexOf("SVC*HC:36415", StringComparison.Ordinal) + "SVC*HC:36".Length)]
            : text[..se.Groups[1].Index] + (int.Parse(se.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1) + text[(se.Groups[1].Index + se.Groups[1].Length)..];

        var run = Import(db, Write(folder, "damaged.835", damaged));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("REMIT-UNREADABLE: damaged.835", run.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was posted", run.Error, StringComparison.Ordinal);
        Assert.Matches($@"X12 {code} at segment \d+", run.Error);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, Count(db, "SELECT count(*) FROM remittance_payments"));
        Assert.Equal(["submitted", "submitted"], Query(db, "SELECT status FROM claims"));
        Assert.Equal(events, Events(db));
    }

    [Fact]
    public async Task One_encounter_paid_on_two_ERAs_posts_each_line_once_to_the_one_claim_and_leaves_nothing_undistributed()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        await SeedClaimsAsync(db, Practice, StandardClaims());
        // The payer splits PCN-1: the first ERA pays its 99214 line, a second one (another trace number) its 36415 line.
        var first = "CLP*PCN-1*1*150*80*20*12*PAYERCCN1~NM1*QC*1*DOE*JANE****MI*M123~SVC*HC:99214:25*150*80**1~DTM*472*20260915~CAS*CO*45*50~CAS*PR*3*20~";
        var second = "CLP*PCN-1*1*100*65*0*12*PAYERCCN1~NM1*QC*1*DOE*JANE****MI*M123~SVC*HC:36415*100*65**1~DTM*472*20260915~CAS*CO*45*35~";

        var one = Import(db, Write(folder, "era-1.835", Text(first, "80")));
        var two = Import(db, Write(folder, "era-2.835", Text(second, "65", trace: "EFT2")));

        Assert.True(one.ExitCode == 0, one.ToString());
        Assert.True(two.ExitCode == 0, two.ToString());
        Assert.Equal(["PCN-1|paid"], Query(db, "SELECT claim_id, status FROM claims WHERE claim_id = 'PCN-1'"));
        Assert.Equal(["PCN-1|8000|1|0", "PCN-1|6500|0|1"],
            Query(db, "SELECT claim_id, paid, instr(lines, '\"lineNumber\":1') > 0, instr(lines, '\"lineNumber\":2') > 0 FROM claim_postings ORDER BY paid DESC"));
        Assert.Equal(0, Count(db, "SELECT count(*) FROM claim_postings WHERE lines LIKE '%\"lineNumber\":0%'"));
        Assert.Equal(0, Count(db, "SELECT count(*) FROM unmatched_claim_payments"));
        Assert.Equal(2, Count(db, "SELECT count(*) FROM remittance_payments"));
        Verified(db);
    }

    [Fact]
    public async Task A_reversal_undoes_the_payment_exactly_and_a_WO_recovery_links_to_the_overpaid_claim()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        await SeedClaimsAsync(db, Practice, StandardClaims());
        Assert.Equal(0, Import(db, Write(folder, "era-1.835", Text(Standard, "145"))).ExitCode);
        const string reversal = "CLP*PCN-1*22*-250*-145*-20*12*PAYERCCN1~NM1*QC*1*DOE*JANE~CAS*CO*45*-85~CAS*PR*3*-20~";
        const string corrected = "CLP*PCN-1*1*250*140*20*12*PAYERCCN1~NM1*QC*1*DOE*JANE~SVC*HC:99214:25*150*75**1~DTM*472*20260915~CAS*CO*45*55~CAS*PR*3*20~SVC*HC:36415*100*65**1~DTM*472*20260915~CAS*CO*45*35~";

        // Reversal and corrected payment net −5.00; the WO of 10.00 recovers an earlier overpayment of PAYERCCN1.
        var run = Import(db, Write(folder, "era-2.835", Text(reversal + corrected, "-15", "EFT2", "PLB*1234567893*20261231*WO:PAYERCCN1*10~")));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("claims matched 2 (1 reversals)", run.Out, StringComparison.Ordinal);
        Assert.Contains("1 PLB", run.Out, StringComparison.Ordinal);
        Assert.Equal(["PCN-1"], Query(db, "SELECT claim_id FROM provider_adjustments WHERE reason = 'WO'"));
        // The first payment and its reversal sum to zero on every amount: charge, paid, CAS.
        Assert.Equal(["0|0"], Query(db, "SELECT sum(charge), sum(paid) FROM claim_postings WHERE claim_id = 'PCN-1' AND id IN (SELECT id FROM claim_postings WHERE status = '22' UNION SELECT reverses_posting_id FROM claim_postings WHERE status = '22')"));
        Assert.Equal(["14000"], Query(db, "SELECT sum(paid) FROM claim_postings WHERE claim_id = 'PCN-1'"));
        Verified(db);
    }

    [Fact]
    public async Task A_user_of_another_practice_is_told_there_is_no_such_practice_and_nothing_is_posted()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        await SeedClaimsAsync(db, Practice, StandardClaims());
        var events = Events(db);

        var run = Import(db, Write(folder, "era.835", Text(Standard, "145")), "pa-heart");
        var list = CliRun.Of("remits", "unmatched", "--practice", Practice, "--as", "pa-heart", "--db", db);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no practice with code 'NORTHSIDE-FM'", run.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, list.ExitCode);
        Assert.Contains("no practice with code 'NORTHSIDE-FM'", list.Error, StringComparison.Ordinal);
        Assert.Equal(events, Events(db));
    }

    [Fact]
    public async Task An_unknown_claim_waits_in_the_unmatched_queue_until_matched_by_hand_then_posts_and_replays()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        await SeedClaimsAsync(db, Practice, [.. StandardClaims(), ("PCN-3", [new Line("99213", 120m, "20260917")])]);
        const string stray = "CLP*ACCT-77*1*120*90**12*PAYERCCN7~NM1*QC*1*POE*ANN~SVC*HC:99213*120*90**1~DTM*472*20260917~CAS*CO*45*30~";

        var run = Import(db, Write(folder, "era.835", Text(Standard + stray, "235")));
        var queue = CliRun.Of("remits", "unmatched", "--practice", Practice, "--as", "pa-north", "--db", db);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("unmatched      1 claim payments, 90.00 paid", run.Out, StringComparison.Ordinal);
        Assert.Contains("1512345678/EFT1 (era.835) CLP 3: CLP01 ACCT-77, CLP07 PAYERCCN7, status 1, charge 120.00, paid 90.00", queue.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("POE", queue.Out, StringComparison.Ordinal);
        Verified(db);

        var wrong = CliRun.Of("remits", "match", "--practice", Practice, "--payment", "EFT1", "--clp", "ACCT-77", "--claim", "PCN-404", "--as", "pa-north", "--db", db);
        var match = CliRun.Of("remits", "match", "--practice", Practice, "--payment", "EFT1", "--clp", "ACCT-77", "--claim", "PCN-3", "--as", "pa-north", "--db", db);

        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("REMIT-NOT-FOUND", wrong.Error, StringComparison.Ordinal);
        Assert.True(match.ExitCode == 0, match.ToString());
        Assert.Contains("matched 1512345678/EFT1 CLP01 ACCT-77 to claim PCN-3: 90.00 paid on 1 lines; claim paid", match.Out, StringComparison.Ordinal);
        Assert.Equal(0, Count(db, "SELECT count(*) FROM unmatched_claim_payments"));
        Assert.Equal(["PCN-3|9000|1"], Query(db, "SELECT claim_id, paid, matched_by_hand FROM claim_postings WHERE claim_id = 'PCN-3'"));
        Assert.Equal(["paid|PAYERCCN7"], Query(db, "SELECT status, payer_claim_control_number FROM claims WHERE claim_id = 'PCN-3'"));
        Assert.Equal(1, Count(db, "SELECT count(*) FROM ledger_events WHERE type = 'remittance.matched'"));
        Verified(db);
    }

    [Fact]
    public async Task An_edited_posting_is_named_by_ledger_verify()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        await SeedClaimsAsync(db, Practice, StandardClaims());
        Assert.Equal(0, Import(db, Write(folder, "era.835", Text(Standard, "145"))).ExitCode);
        Execute(db, "UPDATE claim_postings SET paid = 15000 WHERE claim_id = 'PCN-1'");

        var verify = CliRun.Of("ledger", "verify", "--db", db);

        Assert.Equal(1, verify.ExitCode);
        Assert.Matches(@"claim_postings row for posting of claim PCN-1 \(CLP 1\): paid 150, ledger says 145", verify.Out);
    }

    [Fact]
    public async Task The_real_pyx12_denial_posts_its_three_lines_and_opens_a_billing_denial()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        await SeedClaimsAsync(db, Practice,
            ("2005555A", [new Line("T1005", 500.04m, "20031129"), new Line("T1005", 127.8m, "20031030"), new Line("T1005", 287.55m, "20031031")]));

        var run = Import(db, RepoPaths.Data("x12-samples", "835", "pyx12", "835_mult_loops.txt"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("claims matched 1 (0 reversals), 3 lines, 3 adjustments", run.Out, StringComparison.Ordinal);
        Assert.Equal(["denied|4276512332"], Query(db, "SELECT status, payer_claim_control_number FROM claims WHERE claim_id = '2005555A'"));
        // CO-16 with N14 is a front-end (billing) denial; OA-A7 is no CARC the map names: the largest amount decides.
        Assert.Equal(["BillingFrontEnd|91539|Billing"], Query(db, "SELECT root_cause, amount, team FROM denial_work_items"));
        Assert.DoesNotContain("BACH", Query(db, "SELECT payload FROM ledger_events WHERE type = 'remittance.posted'")[0], StringComparison.Ordinal);
        Verified(db);
    }

    [Fact]
    public void A_real_835_without_the_payer_contact_the_guide_requires_is_refused_naming_segment_and_loop()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);

        var run = Import(db, RepoPaths.Data("x12-samples", "835", "linuxforhealth", "demo.835"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("REMIT-UNREADABLE: demo.835 has X12 errors; nothing was posted", run.Error, StringComparison.Ordinal);
        Assert.Contains("at segment 11 (PER, loop 1000A)", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("JONES", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_real_de_identified_835_is_refused_unbalanced_and_accepted_unbalanced_still_refused_for_one_trace_number_on_two_totals()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        var file = RepoPaths.Data("x12-samples", "835", "oopfactory", "ExampleFromNth.txt");
        var events = Events(db);

        var refused = Import(db, file);
        var accepted = Import(db, file, "pa-north", "--accept-unbalanced");

        // De-identification replaced amounts and trace numbers with 9s: CLP03 no longer balances, and two sets share TRN02 with different BPR02.
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("REMIT-UNBALANCED", refused.Error, StringComparison.Ordinal);
        Assert.Contains("CLP 1 (CLP01 9999999999-999): CLP03 999.99 − CAS 1099.98 ≠ CLP04 0.00", refused.Error, StringComparison.Ordinal);
        Assert.Equal(1, accepted.ExitCode);
        Assert.Contains("REMIT-TRACE-CONFLICT: transaction set 9001: payment 9999999999/999999999 was posted with BPR02 999.99, this one says 9999.99", accepted.Error, StringComparison.Ordinal);
        Assert.Equal(0, Count(db, "SELECT count(*) FROM remittance_payments"));
        Assert.Equal(events, Events(db));
    }

    [Fact]
    public async Task The_denial_month_from_the_tables_equals_the_one_replayed_from_the_export()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        await SeedClaimsAsync(db, Practice, [.. StandardClaims(), ("PCN-4", [new Line("99213", 120m, "20260917")])]);
        const string duplicate = "CLP*PCN-4*4*120*0**12*PAYERCCN4~NM1*QC*1*LOE*MAX~SVC*HC:99213*120*0**1~DTM*472*20260917~CAS*CO*18*120~";
        Assert.Equal(0, Import(db, Write(folder, "era.835", Text(Standard + duplicate, "145"))).ExitCode);
        var export = folder.File("ledger.jsonl");
        Assert.Equal(0, CliRun.Of("ledger", "export", "--out", export, "--db", db).ExitCode);

        var stored = CliRun.Of("denials", "--practice", Practice, "--month", "2026-10", "--as", "pa-north", "--db", db);
        var replayed = CliRun.Of("ledger", "replay", "--file", export, "--report", "denials", "--practice", Practice, "--month", "2026-10");
        var json = CliRun.Of("denials", "--practice", Practice, "--month", "2026-10", "--as", "pa-north", "--json", "--db", db);
        var replayedJson = CliRun.Of("ledger", "replay", "--file", export, "--report", "denials", "--practice", Practice, "--month", "2026-10", "--json");

        Assert.True(stored.ExitCode == 0, stored.ToString());
        Assert.True(replayed.ExitCode == 0, replayed.ToString());
        Assert.Contains("adjudicated       2 claims, 330.00 charged", stored.Out, StringComparison.Ordinal);
        Assert.Contains("denied            1 claims (50.0 %), 80.00", stored.Out, StringComparison.Ordinal);
        Assert.Contains("duplicates (18)   1 claims, 120.00", stored.Out, StringComparison.Ordinal);
        Assert.Matches(@"Coding\s+1 claims\s+80\.00", stored.Out);
        Assert.Matches(@"M20\s+1 claims\s+80\.00", stored.Out);
        Assert.Equal(stored.Out, replayed.Out);
        Assert.Equal(json.Out, replayedJson.Out);
    }
}
