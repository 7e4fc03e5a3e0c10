using static CodeLedger.Cli.Tests.Foundation.SqliteRows;
using System.Globalization;
using CodeLedger.Cli.Tests.Claims;
using CodeLedger.Cli.Tests.Foundation;
using CodeLedger.Testing;
using Microsoft.Data.Sqlite;

namespace CodeLedger.Cli.Tests.Acknowledgments;

/// <summary>
/// <c>import acks</c> on a demo database with submitted claims (docs/BILLING.md, "Acknowledgments"):
/// the 999 and TA1 that <c>x12 ack</c> writes for a real 837P find the claims sent in that
/// interchange, group and set; a rejecting 999, a rejecting TA1 and a 277CA's rejected claims go
/// back to the fix queue with their reasons; accepted claims keep the payer's claim control number;
/// the same file twice changes nothing; a truncated file or another practice's user changes
/// nothing; replay rebuilds the acknowledgments and names an edited one.
/// </summary>
public sealed class ImportAcksCommandTests(ClaimsDemo demo) : IClassFixture<ClaimsDemo>
{
    private const string Practice = "NORTHSIDE-FM";

    private static string Demo837 => RepoPaths.Data("x12-samples", "837p", "linuxforhealth", "demo.837");

    private static CliRun Import(string db, string file, string user = "pa-north", params string[] more) =>
        CliRun.Of(["import", "acks", file, "--as", user, "--db", db, .. more]);

    /// <summary>The 999 (and TA1: demo.837 asks for one in ISA14) that <c>x12 ack</c> writes for an 837P.</summary>
    private static (string Ack999, string Ta1) Acknowledge(TempFolder folder, string db, string file837)
    {
        var out999 = folder.File(Path.GetFileNameWithoutExtension(file837) + ".999");
        var run = CliRun.Of("x12", "ack", file837, "--out", out999, "--control-number", "5", "--db", db);
        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        return (out999, Path.ChangeExtension(out999, ".ta1"));
    }

    private static string Write(TempFolder folder, string name, string text)
    {
        var path = folder.File(name);
        File.WriteAllText(path, text);
        return path;
    }

    private static void Verified(string db)
    {
        var verify = CliRun.Of("ledger", "verify", "--db", db);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains("matches the stored tables", verify.Out, StringComparison.Ordinal);
    }

    private static string Ta1(string controlNumber, string status, string note) =>
        "ISA*00*          *00*          *30*12345          *30*000000005      *261103*0900*^*00501*000000044*0*P*:~"
        + $"TA1*{controlNumber}*131031*1147*{status}*{note}~IEA*0*000000044~";

    [Fact]
    public async Task The_999_written_for_a_real_837P_accepts_the_claim_sent_in_that_set_and_replays()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        await SentClaims.SeedAsync(db, Practice, SentClaims.Demo837, SentClaims.Demo837 with { ClaimId = "OTHER-SET-1", Transaction = 22 });
        var (ack999, _) = Acknowledge(folder, db, Demo837);

        var run = Import(db, ack999);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("imported 999 demo.999", run.Out, StringComparison.Ordinal);
        Assert.Contains("from 12345 for practice NORTHSIDE-FM: 1 accepted, 0 rejected", run.Out, StringComparison.Ordinal);
        Assert.Equal(["26463774|accepted|1", "OTHER-SET-1|submitted|0"],
            Query(db, "SELECT claim_id, status, acknowledged_at IS NOT NULL FROM claims ORDER BY claim_id"));
        Assert.Equal(["pa-north|NORTHSIDE-FM"], Query(db, "SELECT actor, subject FROM ledger_events WHERE type = 'acks.imported'"));
        Verified(db);
    }

    [Fact]
    public async Task A_rejecting_999_sends_the_claim_back_to_the_fix_queue_with_the_segment_and_element_in_error()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        await SentClaims.SeedAsync(db, Practice, SentClaims.Demo837);
        var broken = Write(folder, "broken.837", File.ReadAllText(Demo837).Replace("SV1*HC:87070*15*UN*", "SV1*HC:87070*15*XX*", StringComparison.Ordinal));
        var (ack999, _) = Acknowledge(folder, db, broken);
        Assert.Contains("IK5*R", File.ReadAllText(ack999), StringComparison.Ordinal);

        var run = Import(db, ack999);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("0 accepted, 1 rejected (back to the fix queue)", run.Out, StringComparison.Ordinal);
        Assert.Equal(["rejected"], Query(db, "SELECT status FROM claims"));
        var findings = Query(db, "SELECT findings FROM claims")[0];
        Assert.Contains("ACK-999-REJECTED", findings, StringComparison.Ordinal);
        Assert.Contains("the 999 rejected transaction set 0021 of group 1 (IK5 R)", findings, StringComparison.Ordinal);
        Assert.Matches(@"IK3 8: segment has data element errors: SV1 at position \d+ in loop 2400 \(claim 26463774\)", findings);
        Assert.Contains("IK4 7: invalid code value: SV103", findings, StringComparison.Ordinal);
        Verified(db);
    }

    [Fact]
    public async Task A_rejecting_TA1_rejects_every_claim_of_the_interchange_and_an_accepting_one_changes_no_status()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        await SentClaims.SeedAsync(db, Practice, SentClaims.Demo837, SentClaims.Demo837 with { ClaimId = "SAME-ISA-2", Transaction = 22 });
        var (_, ta1) = Acknowledge(folder, db, Demo837);

        var accepted = Import(db, ta1);
        var statusAfterAccept = Query(db, "SELECT status FROM claims ORDER BY claim_id");
        var rejected = Import(db, Write(folder, "reject.ta1", Ta1("000000907", "R", "022")));

        Assert.True(accepted.ExitCode == 0 && rejected.ExitCode == 0, accepted + "\n" + rejected);
        Assert.Equal(["submitted", "submitted"], statusAfterAccept);
        Assert.Contains("0 accepted, 0 rejected (back to the fix queue), 2 unchanged", accepted.Out, StringComparison.Ordinal);
        Assert.Equal(["rejected", "rejected"], Query(db, "SELECT status FROM claims ORDER BY claim_id"));
        Assert.All(Query(db, "SELECT findings FROM claims"), f => Assert.Contains("interchange 000000907 rejected: TA1 022: invalid control structure", f, StringComparison.Ordinal));
        Verified(db);
    }

    [Fact]
    public async Task A_277CA_accepts_one_claim_with_the_payer_claim_control_number_rejects_another_and_reports_one_never_sent()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        await SentClaims.SeedAsync(db, Practice, new("NFM-1001-1", 3, "PAYER01", 3, 1), new("NFM-1002-1", 3, "PAYER01", 3, 1));
        var file = Write(folder, "acme.277", Ack277(("NFM-1001-1", "A2:20:PR", "WQ", "PCCN24075000001"), ("NFM-1002-1", "A7:562:85", "U", null), ("NOT-OURS-9", "A2:20:PR", "WQ", "X1")));

        var run = Import(db, file, "pa-north", "--practice", Practice);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("imported 277CA acme.277", run.Out, StringComparison.Ordinal);
        Assert.Contains("1 accepted, 1 rejected (back to the fix queue), 0 unchanged, 1 naming no claim sent", run.Out, StringComparison.Ordinal);
        Assert.Contains("not ours: 277CA for claim 'NOT-OURS-9': no such claim went out", run.Out, StringComparison.Ordinal);
        Assert.Equal(["NFM-1001-1|accepted|PCCN24075000001", "NFM-1002-1|rejected|"],
            Query(db, "SELECT claim_id, status, payer_claim_control_number FROM claims ORDER BY claim_id"));
        Assert.Contains("STC A7:562:85 rejected for invalid information: entity",
            Query(db, "SELECT findings FROM claims WHERE claim_id = 'NFM-1002-1'")[0], StringComparison.Ordinal);
        Assert.DoesNotContain("QUIXOTEFISH", string.Concat(Query(db, "SELECT payload FROM ledger_events WHERE type = 'acks.imported'")), StringComparison.Ordinal);
        Verified(db);
    }

    [Fact]
    public async Task A_277CA_rejection_after_a_999_acceptance_rejects_and_a_later_acceptance_does_not_undo_it()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        await SentClaims.SeedAsync(db, Practice, SentClaims.Demo837);
        Assert.Equal(0, Import(db, Acknowledge(folder, db, Demo837).Ack999).ExitCode);

        var reject = Import(db, Write(folder, "r.277", Ack277(("26463774", "A6:21:IL", "U", null))));
        var late = Import(db, Write(folder, "a.277", Ack277(("26463774", "A2:20:PR", "WQ", "PCCN9"))));

        Assert.True(reject.ExitCode == 0 && late.ExitCode == 0, reject + "\n" + late);
        Assert.Contains("unchanged (rejected), the acknowledgment accepts it", late.Out, StringComparison.Ordinal);
        Assert.Equal(["rejected|"], Query(db, "SELECT status, payer_claim_control_number FROM claims"));
        Verified(db);
    }

    [Fact]
    public async Task The_same_file_twice_changes_nothing_and_says_so()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        await SentClaims.SeedAsync(db, Practice, SentClaims.Demo837);
        var (ack999, _) = Acknowledge(folder, db, Demo837);
        Assert.Equal(0, Import(db, ack999).ExitCode);
        var events = Count(db, "SELECT count(*) FROM ledger_events");
        var claims = Query(db, "SELECT status, findings, acknowledged_at FROM claims");

        var again = Import(db, ack999);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("nothing changed: this 999 was already imported for practice NORTHSIDE-FM", again.Out, StringComparison.Ordinal);
        Assert.Equal(events, Count(db, "SELECT count(*) FROM ledger_events"));
        Assert.Equal(claims, Query(db, "SELECT status, findings, acknowledged_at FROM claims"));
        Assert.Equal(1, Count(db, "SELECT count(*) FROM acknowledgments"));
    }

    [Fact]
    public async Task A_truncated_file_is_refused_whole_naming_the_segment_and_nothing_changes()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        await SentClaims.SeedAsync(db, Practice, new("NFM-1001-1", 3, "PAYER01", 3, 1), new("NFM-1002-1", 3, "PAYER01", 3, 1));
        var text = Ack277(("NFM-1001-1", "A2:20:PR", "WQ", "PCCN1"), ("NFM-1002-1", "A7:562:85", "U", null));
        var events = Count(db, "SELECT count(*) FROM ledger_events");

        var run = Import(db, Write(folder, "cut.277", text[..text.IndexOf("HL*5*", StringComparison.Ordinal)]));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("ACK-UNREADABLE", run.Error, StringComparison.Ordinal);
        Assert.Contains("cut.277: refused whole, nothing changed: segment", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Equal(["submitted", "submitted"], Query(db, "SELECT status FROM claims"));
        Assert.Equal(events, Count(db, "SELECT count(*) FROM ledger_events"));
    }

    [Theory]
    [InlineData("truncated after a segment")]
    [InlineData("cut inside a segment")]
    [InlineData("SE01 one too many")]
    public async Task A_damaged_999_rejecting_the_claim_is_refused_whole_with_its_location_and_the_claim_stays_submitted(string damage)
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        await SentClaims.SeedAsync(db, Practice, SentClaims.Demo837);
        var broken = Write(folder, "broken.837", File.ReadAllText(Demo837).Replace("SV1*HC:87070*15*UN*", "SV1*HC:87070*15*XX*", StringComparison.Ordinal));
        var text = File.ReadAllText(Acknowledge(folder, db, broken).Ack999);
        Assert.Contains("IK5*R", text, StringComparison.Ordinal);
        var se = System.Text.RegularExpressions.Regex.Match(text, @"(?<=~\s*)SE\*(\d+)\*");
        var damaged = damage switch
        {
            "truncated after a segment" => text[..(text.IndexOf("IK5*", StringComparison.Ordinal))],
            "cut inside a segment" => text[..(text.IndexOf("IK5*", StringComparison.Ordinal) + 3)],
            _ => text[..se.Groups[1].Index] + (int.Parse(se.Groups[1].Value, CultureInfo.InvariantCulture) + 1) + text[(se.Groups[1].Index + se.Groups[1].Length)..],
        };
        var events = Count(db, "SELECT count(*) FROM ledger_events");

        var run = Import(db, Write(folder, "damaged.999", damaged));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("ACK-UNREADABLE", run.Error, StringComparison.Ordinal);
        Assert.Matches(@"damaged\.999: refused whole, nothing changed: segment \d+ \(", run.Error);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Equal(["submitted"], Query(db, "SELECT status FROM claims"));
        Assert.Equal(0, Count(db, "SELECT count(*) FROM acknowledgments"));
        Assert.Equal(events, Count(db, "SELECT count(*) FROM ledger_events"));
    }

    [Fact]
    public void A_file_that_is_not_X12_or_whose_ISA_cannot_be_read_is_refused_saying_what_the_reader_found()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);

        var prose = Import(db, Write(folder, "notes.999", "Payer says all claims accepted."));
        var broken = Import(db, Write(folder, "broken.999", "ISA*00*junk~GS*HP"));

        Assert.Equal((2, 2), (prose.ExitCode, broken.ExitCode));
        Assert.Contains("notes.999: not an X12 file: it does not start with an ISA segment; nothing changed", prose.Error, StringComparison.Ordinal);
        Assert.Contains("broken.999: segment 1 (ISA): the ISA's 16 elements, separators and segment terminator cannot be found; nothing changed", broken.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Payer says", prose.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_837P_is_not_an_acknowledgment_and_is_refused()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        await SentClaims.SeedAsync(db, Practice, SentClaims.Demo837);

        var run = Import(db, Demo837);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("ACK-UNREADABLE", run.Error, StringComparison.Ordinal);
        Assert.Equal(["submitted"], Query(db, "SELECT status FROM claims"));
    }

    [Fact]
    public async Task Another_practices_admin_is_told_there_is_no_such_practice_and_an_auditor_may_not_import()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        await SentClaims.SeedAsync(db, Practice, SentClaims.Demo837);
        var (ack999, _) = Acknowledge(folder, db, Demo837);
        var events = Count(db, "SELECT count(*) FROM ledger_events");

        var stranger = Import(db, ack999, "pa-heart", "--practice", Practice);
        var own = Import(db, ack999, "pa-heart");
        var auditor = Import(db, ack999, "aud-north");

        Assert.Contains("ORG-UNKNOWN", stranger.Error, StringComparison.Ordinal);
        Assert.Contains("no practice with code 'NORTHSIDE-FM'", stranger.Error, StringComparison.Ordinal);
        Assert.True(own.ExitCode == 0, own.ToString());
        Assert.Contains("for practice HEARTWELL-CARDIO: 0 accepted, 0 rejected (back to the fix queue), 0 unchanged, 1 naming no claim sent", own.Out, StringComparison.Ordinal);
        Assert.NotEqual(0, auditor.ExitCode);
        Assert.Equal(["submitted"], Query(db, "SELECT status FROM claims"));
        Assert.Equal(events + 1, Count(db, "SELECT count(*) FROM ledger_events"));
    }

    [Fact]
    public async Task An_acknowledgment_edited_behind_the_ledgers_back_is_named_by_ledger_verify()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        await SentClaims.SeedAsync(db, Practice, SentClaims.Demo837);
        Assert.Equal(0, Import(db, Acknowledge(folder, db, Demo837).Ack999).ExitCode);
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE acknowledgments SET claims = replace(claims, 'true', 'false')";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        var verify = CliRun.Of("ledger", "verify", "--db", db);

        Assert.NotEqual(0, verify.ExitCode);
        Assert.Contains("acknowledgments", verify.Out + verify.Error, StringComparison.Ordinal);
    }

    /// <summary>A 277CA (005010X214) from PAYER01 answering the claims given: CLM01, STC01, STC03, REF*1K.</summary>
    private static string Ack277(params (string ClaimId, string Status, string Action, string? PayerNumber)[] claims)
    {
        var body = new List<string>
        {
            "ST*277*0001*005010X214", "BHT*0085*08*277CA0001*20261103*0805*TH",
            "HL*1**20*1", "NM1*PR*2*ACME HEALTH PLAN*****PI*12345", "TRN*1*277CA0001", "DTP*050*D8*20261102", "DTP*009*D8*20261103",
            "HL*2*1*21*1", "NM1*41*2*NORTHSIDE FAMILY MEDICINE*****46*CLSUBMIT01", "TRN*2*BATCH0003", "STC*A1:19:PR*20261103*WQ*250",
            "HL*3*2*19*1", "NM1*85*2*NORTHSIDE FAMILY MEDICINE*****XX*1234567893", "TRN*1*0", "STC*A1:19:PR**WQ*250",
        };
        var hl = 3;
        foreach (var c in claims)
        {
            body.AddRange([$"HL*{++hl}*3*PT", "NM1*QC*1*QUIXOTEFISH*ZEBULONIA****MI*MB7Q3X9W", $"TRN*2*{c.ClaimId}", $"STC*{c.Status}*20261103*{c.Action}*125"]);
            if (c.PayerNumber is not null)
            {
                body.Add($"REF*1K*{c.PayerNumber}");
            }

            body.Add("DTP*472*D8*20261030");
        }

        body.Add($"SE*{body.Count + 1}*0001");
        return "ISA*00*          *00*          *ZZ*PAYER01        *ZZ*CODELEDGER     *261103*0805*^*00501*000000101*0*P*:~"
            + "GS*HN*PAYER01*CODELEDGER*20261103*0805*101*X*005010X214~" + string.Concat(body.Select(s => s + "~")) + "GE*1*101~IEA*1*000000101~";
    }
}
