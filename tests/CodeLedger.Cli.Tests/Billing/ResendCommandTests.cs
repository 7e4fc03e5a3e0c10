using static CodeLedger.Cli.Tests.Foundation.SqliteRows;
using System.Text.Json;
using CodeLedger.Cli.Tests.Claims;
using CodeLedger.Cli.Tests.Foundation;
using CodeLedger.Testing;
using CodeLedger.X12;

namespace CodeLedger.Cli.Tests.Billing;

/// <summary>
/// A claim an acknowledgment rejected goes out again (docs/BILLING.md, "Resending a rejected claim"):
/// <c>claims fixes</c> lists it with the acknowledgment's reasons, <c>claims correct</c> refuses it (the
/// payer never adjudicated it), and the next <c>claims submit</c> builds it again from the current
/// coding and setup as a new original with the next CLM01: clean, in a new 837P that passes the parser
/// and pyx12; still in error, in the fix queue until fixed. Every line carries a unique REF*6R, and a
/// 277CA's line-level rejection (REF*FJ) lands on the line it names. <c>ledger verify</c> holds
/// through all of it and names an edited status.
/// </summary>
public sealed class ResendCommandTests(ClaimsDemo demo) : IClassFixture<ClaimsDemo>
{
    private const string North = "NORTHSIDE-FM";
    private const string Fees = "code,modifier,charge\n99202,,95.00\n99203,,150.00\n99204,,210.00\n99205,,280.00\n99212,,80.00\n99213,,125.00\n99214,,180.00\n99215,,250.00\n";

    private static CliRun Run(string db, params string[] args) => CliRun.Of([.. args, "--db", db]);

    private static CliRun Submit(string db, string outbox) => Run(db, "claims", "submit", "--practice", North, "--as", "pa-north", "--out", outbox);

    private static void Ok(CliRun run) => Assert.True(run.ExitCode == 0, run.ToString());

    private string World(TempFolder folder)
    {
        var db = demo.Copy(folder);
        BillingWorld.Seed(db);
        File.WriteAllText(folder.File("fees.csv"), Fees);
        Ok(Run(db, "fees", "import", folder.File("fees.csv"), "--practice", North, "--as", "pa-north", "--effective", "2026-01-01"));
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

    private static void Verified(string db)
    {
        var verify = Run(db, "ledger", "verify");
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains("matches the stored tables", verify.Out, StringComparison.Ordinal);
    }

    /// <summary>The claim's lines as stored: LX number and REF*6R.</summary>
    private static List<(int Number, string Control)> Lines(string db, string claimId)
    {
        using var json = JsonDocument.Parse(Query(db, $"SELECT lines FROM claims WHERE claim_id = '{claimId}'").Single());
        return [.. json.RootElement.EnumerateArray().Select(l => (l.GetProperty("number").GetInt32(), l.GetProperty("lineItemControlNumber").GetString()!))];
    }

    [Fact]
    public void A_claim_a_277CA_rejects_is_listed_with_its_reasons_and_goes_out_again_as_an_original_under_the_next_CLM01()
    {
        using var folder = new TempFolder();
        var db = World(folder);
        var outbox = folder.File("outbox");
        Ok(Submit(db, outbox));

        // Every line of every claim sent carries its own REF*6R, in the table and in the files.
        var sent = Query(db, "SELECT claim_id FROM claims WHERE status = 'submitted' ORDER BY claim_id");
        var controls = sent.SelectMany(id => Lines(db, id).Select(l => l.Control)).ToList();
        Assert.Equal(controls.Count, controls.Distinct(StringComparer.Ordinal).Count());
        var written = string.Concat(Directory.GetFiles(Path.Combine(outbox, North)).Select(File.ReadAllText));
        Assert.All(controls, c => Assert.Contains($"~REF*6R*{c}~", written, StringComparison.Ordinal));

        // The payer rejects one claim, and one of its lines by the REF*6R CodeLedger sent (echoed in REF*FJ).
        var rejected = sent.OrderByDescending(id => Lines(db, id).Count).ThenBy(id => id, StringComparer.Ordinal).First();
        var line = Lines(db, rejected)[^1];
        File.WriteAllText(folder.File("payer.277"), Ack277(rejected, line.Control));
        var imported = Run(db, "import", "acks", folder.File("payer.277"), "--practice", North, "--as", "pa-north");
        Ok(imported);
        Assert.Contains("0 accepted, 1 rejected", imported.Out, StringComparison.Ordinal);
        var findings = Query(db, $"SELECT findings FROM claims WHERE claim_id = '{rejected}'").Single();
        Assert.Contains($"\"line\":{line.Number},\"message\":\"STCA7:454", findings.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);

        // The fix queue shows it with the acknowledgment's reasons; a correction is refused (the payer holds nothing to replace).
        var fixes = Run(db, "claims", "fixes", "--practice", North, "--as", "pa-north");
        Ok(fixes);
        Assert.Contains($"{rejected} (encounter ", fixes.Out, StringComparison.Ordinal);
        Assert.Contains("rejected: the next claims submit resends it", fixes.Out, StringComparison.Ordinal);
        Assert.Contains("ACK-277CA-REJECTED error: STC A7:", fixes.Out, StringComparison.Ordinal);
        Assert.Contains($"ACK-277CA-REJECTED error line {line.Number}: STC A7:", fixes.Out, StringComparison.Ordinal);
        Assert.Contains("0 claims in the fix queue, 1 rejected claims to resend", fixes.Out, StringComparison.Ordinal);
        var correct = Run(db, "claims", "correct", rejected, "--practice", North, "--payer-claim-number", "X1", "--as", "pa-north");
        Assert.NotEqual(0, correct.ExitCode);
        Assert.Contains("rejected by an acknowledgment before the payer adjudicated it", correct.Out + correct.Error, StringComparison.Ordinal);

        var files = Directory.GetFiles(Path.Combine(outbox, North)).ToHashSet(StringComparer.Ordinal);
        var resubmit = Submit(db, outbox);

        Ok(resubmit);
        Assert.Contains("0 claims built, 0 rebuilt, 1 rejected claims resent, 1 submitted in 1 files, 0 in the fix queue", resubmit.Out, StringComparison.Ordinal);
        var encounter = rejected[..rejected.LastIndexOf('-')];
        var resend = $"{encounter}-2";
        Assert.Equal([$"{rejected}|Original|rejected||", $"{resend}|Original|submitted|{rejected}|"],
            Query(db, $"SELECT claim_id, frequency, status, replaces_claim_id, payer_claim_control_number FROM claims WHERE claim_id LIKE '{encounter}-%' ORDER BY claim_id"));
        var file = Assert.Single(Directory.GetFiles(Path.Combine(outbox, North)), f => !files.Contains(f));
        AssertClean(file);
        var text = File.ReadAllText(file);
        Assert.Matches($@"~CLM\*{resend}\*[0-9.]+\*\*\*11:B:1\*", text);
        Assert.DoesNotContain("REF*F8*", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"CLM*{rejected}*", text, StringComparison.Ordinal);
        Assert.All(Lines(db, resend), l => Assert.Contains($"~REF*6R*{resend}-{l.Number}~", text, StringComparison.Ordinal));
        Assert.Contains($"resending {rejected} (rejected)", Run(db, "claims", "show", resend, "--practice", North, "--as", "pa-north").Out, StringComparison.Ordinal);

        // Resent once: the fix queue is empty and the next submit has nothing to do.
        Assert.Contains("0 claims in the fix queue", Run(db, "claims", "fixes", "--practice", North, "--as", "pa-north").Out, StringComparison.Ordinal);
        Assert.Contains("nothing to submit", Submit(db, outbox).Out, StringComparison.Ordinal);
        Verified(db);

        // An edited status of the resend is named by replay.
        Execute(db, $"UPDATE claims SET status = 'accepted' WHERE claim_id = '{resend}'");
        var verify = Run(db, "ledger", "verify");
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains($"claims row for claim {resend} of NORTHSIDE-FM", verify.Out + verify.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_999_rejecting_a_file_sends_each_claim_back_and_one_still_in_error_waits_in_the_fix_queue_until_fixed()
    {
        using var folder = new TempFolder();
        var db = World(folder);
        var outbox = folder.File("outbox");
        Ok(Submit(db, outbox));
        var medicareFile = Directory.GetFiles(Path.Combine(outbox, North), "837P-MCR-IL-*").Single();
        var inFile = Query(db, $"SELECT claim_id FROM claims WHERE file_name = '{Path.GetFileName(medicareFile)}' ORDER BY claim_id");
        Assert.True(inFile.Count >= 2, string.Join(",", inFile));

        // The clearinghouse's 999 rejects the whole set: what x12 ack says of the file with one SV1 damaged.
        var damaged = folder.File("damaged.837");
        var original = File.ReadAllText(medicareFile);
        var at = original.IndexOf("*UN*", StringComparison.Ordinal);
        File.WriteAllText(damaged, original[..at] + "*XX*" + original[(at + 4)..]);
        var ack = folder.File("damaged.999");
        Assert.True(Run(db, "x12", "ack", damaged, "--out", ack, "--control-number", "7").ExitCode is 0 or 1);
        Assert.Contains("IK5*R", File.ReadAllText(ack), StringComparison.Ordinal);
        Ok(Run(db, "import", "acks", ack, "--practice", North, "--as", "pa-north"));
        Assert.Equal(inFile.Select(id => $"{id}|rejected"), Query(db, $"SELECT claim_id, status FROM claims WHERE claim_id IN ({string.Join(",", inFile.Select(i => $"'{i}'"))}) ORDER BY claim_id"));
        var fixes = Run(db, "claims", "fixes", "--practice", North, "--as", "pa-north");
        Assert.Contains($"0 claims in the fix queue, {inFile.Count} rejected claims to resend", fixes.Out, StringComparison.Ordinal);
        Assert.Contains("ACK-999-REJECTED error: the 999 rejected transaction set", fixes.Out, StringComparison.Ordinal);

        // Before the resend, the first claim's patient is recorded on a payer the practice does not have.
        var stuck = inFile[0];
        var stuckEncounter = stuck[..stuck.LastIndexOf('-')];
        // (CoverAsync numbers the practice's encounters in external-id order; the others keep the payer BillingWorld gave them.)
        var keys = Query(db, $"SELECT e.external_id FROM encounters e JOIN organizations o ON o.id = e.practice_id WHERE o.code = '{North}'").Order(StringComparer.Ordinal).ToList();
        Assert.Contains(stuckEncounter, keys);
        static string Seeded(int i) => i % 3 == 0 ? "MCR-IL" : "AETNA";
        await BillingWorld.CoverAsync(db, North, payerOf: i => keys[i] == stuckEncounter ? "NO-SUCH-PAYER" : Seeded(i));

        var resubmit = Submit(db, outbox);

        Ok(resubmit);
        Assert.Contains($"{inFile.Count} rejected claims resent, {inFile.Count - 1} submitted in 1 files, 1 in the fix queue", resubmit.Out, StringComparison.Ordinal);
        Assert.Contains("fix queue: 1 claims with CLAIM-PAYER-UNKNOWN", resubmit.Out, StringComparison.Ordinal);
        var stuckResend = $"{stuckEncounter}-2";
        Assert.Equal([$"{stuckResend}|fix-queue|{stuck}"], Query(db, $"SELECT claim_id, status, replaces_claim_id FROM claims WHERE claim_id = '{stuckResend}'"));
        var heldFixes = Run(db, "claims", "fixes", "--practice", North, "--as", "pa-north");
        Assert.Contains($"{stuckResend} (encounter {stuckEncounter}, frequency 1, resending {stuck}):", heldFixes.Out, StringComparison.Ordinal);
        Assert.Contains("1 claims in the fix queue", heldFixes.Out, StringComparison.Ordinal);
        var resentFile = Directory.GetFiles(Path.Combine(outbox, North), "837P-MCR-IL-*").Order(StringComparer.Ordinal).Last();
        Assert.NotEqual(medicareFile, resentFile);
        AssertClean(resentFile);
        Verified(db);

        // Coverage fixed: the held resend is rebuilt and leaves in the next file.
        await BillingWorld.CoverAsync(db, North, payerOf: Seeded);
        var fixedRun = Submit(db, outbox);
        Ok(fixedRun);
        Assert.Contains("0 claims built, 1 rebuilt, 1 submitted in 1 files, 0 in the fix queue", fixedRun.Out, StringComparison.Ordinal);
        Assert.Equal(["submitted"], Query(db, $"SELECT status FROM claims WHERE claim_id = '{stuckResend}'"));
        Verified(db);
    }

    /// <summary>A 277CA (005010X214) rejecting <paramref name="claimId"/> at the claim level and, by REF*FJ, the line whose REF*6R was <paramref name="lineControl"/>.</summary>
    private static string Ack277(string claimId, string lineControl)
    {
        var body = new List<string>
        {
            "ST*277*0001*005010X214", "BHT*0085*08*277CA0001*20261103*0805*TH",
            "HL*1**20*1", "NM1*PR*2*MEDICARE PART B ILLINOIS*****PI*06102", "TRN*1*277CA0001", "DTP*050*D8*20261102", "DTP*009*D8*20261103",
            "HL*2*1*21*1", "NM1*41*2*NORTHSIDE FAMILY MEDICINE*****46*NORTHETIN01", "TRN*2*BATCH0003", "STC*A1:19:PR*20261103*WQ*250",
            "HL*3*2*19*1", "NM1*85*2*NORTHSIDE FAMILY MEDICINE*****XX*1245319599", "TRN*1*0", "STC*A1:19:PR**WQ*250",
            "HL*4*3*PT", "NM1*QC*1*PATIENT*ANY****MI*MB7Q3X9W", $"TRN*2*{claimId}", "STC*A7:562:85*20261103*U*125", "DTP*472*D8*20261030",
            "SVC*HC:99213*125*****1", "STC*A7:454*20261103*U", $"REF*FJ*{lineControl}", "DTP*472*D8*20261030",
        };
        body.Add($"SE*{body.Count + 1}*0001");
        return "ISA*00*          *00*          *ZZ*NGSMEDICARE    *ZZ*NORTHETIN01    *261103*0805*^*00501*000000101*0*P*:~"
            + "GS*HN*NGSMEDICARE*NORTHETIN01*20261103*0805*101*X*005010X214~" + string.Concat(body.Select(s => s + "~")) + "GE*1*101~IEA*1*000000101~";
    }
}
