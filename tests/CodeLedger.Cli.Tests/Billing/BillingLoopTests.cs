using CodeLedger.Cli.Tests.Claims;
using CodeLedger.Cli.Tests.Foundation;
using CodeLedger.Cli.Tests.Remittances;
using CodeLedger.Cli.Tests.Setup;
using CodeLedger.Core.Billing;
using CodeLedger.Core.Intake;
using CodeLedger.Storage;
using CodeLedger.Storage.Workflow;
using CodeLedger.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Cli.Tests.Billing;

/// <summary>
/// The billing loop of issue 18 end to end, each step through the path a user takes and each
/// step's output the next one's input: payers and the billing profile by <c>setup apply</c>,
/// coverage at intake, the fee schedule, <c>claims submit</c>, the 999 that <c>x12 ack</c> writes
/// for the submitted file read back by <c>import acks</c>, an 835 paying one claim and denying
/// another read by <c>import remits</c>, the denials report; and after all of it <c>ledger verify</c>
/// rebuilds every table from the events.
/// </summary>
public sealed class BillingLoopTests(ClaimsDemo demo) : IClassFixture<ClaimsDemo>
{
    private const string North = "NORTHSIDE-FM";
    private const string Fees = "code,modifier,charge\n99202,,95.00\n99203,,150.00\n99204,,210.00\n99205,,280.00\n99212,,80.00\n99213,,125.00\n99214,,180.00\n99215,,250.00\n";

    private static CliRun Run(string db, params string[] args) => CliRun.Of([.. args, "--db", db]);

    private static void Ok(CliRun run) => Assert.True(run.ExitCode == 0, run.ToString());

    [Fact]
    public async Task A_finalized_encounter_goes_out_in_an_837P_is_acknowledged_paid_or_denied_and_the_ledger_still_proves_every_table()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        // The practice's own setup, exported, with its payers and billing profile added, applied back.
        Ok(Run(db, "setup", "export", "--out", folder.File("exported.yaml")));
        var exported = File.ReadAllText(folder.File("exported.yaml"));
        Ok(Run(db, "setup", "apply", SetupBillingCommandTests.Write(folder, "setup.yaml", BillingWorld.WithBilling(exported, North, SetupBillingCommandTests.NorthBilling))));
        await BillingWorld.CoverAsync(db, North, payerOf: i => i % 3 == 0 ? "MEDICARE" : "BCBS-TX");
        File.WriteAllText(folder.File("fees.csv"), Fees);
        Ok(Run(db, "fees", "import", folder.File("fees.csv"), "--practice", North, "--as", "pa-north", "--effective", "2026-01-01"));

        // Out: every finalized encounter of the practice is priced, scrubbed and batched per payer.
        var outbox = folder.File("outbox");
        var submit = Run(db, "claims", "submit", "--practice", North, "--out", outbox, "--as", "pa-north");
        Ok(submit);
        var files = Directory.GetFiles(Path.Combine(outbox, North)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["837P-BCBS-TX-000000001.x12", "837P-MEDICARE-000000001.x12"], files.Select(Path.GetFileName));
        var submitted = RemitWorld.Query(db, "SELECT claim_id FROM claims WHERE status = 'submitted' ORDER BY claim_id");
        Assert.True(submitted.Count >= 2, submit.ToString());

        // Acknowledged: the 999 CodeLedger itself writes for each file accepts every claim in it.
        foreach (var (file, i) in files.Select((f, i) => (f, i)))
        {
            var ack = folder.File($"ack-{i}.999");
            Ok(Run(db, "x12", "ack", file, "--out", ack, "--control-number", (10 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Ok(Run(db, "import", "acks", ack, "--practice", North, "--as", "pa-north"));
        }

        Assert.Empty(RemitWorld.Query(db, "SELECT claim_id FROM claims WHERE status = 'submitted'"));
        Assert.Equal(submitted, RemitWorld.Query(db, "SELECT claim_id FROM claims WHERE status = 'accepted' ORDER BY claim_id"));

        // Paid and denied: an 835 pays the first claim's lines in full less a contractual adjustment,
        // and denies the second whole for a missing modifier (CO-4, a coding denial).
        var (paid, denied) = (Claim(db, submitted[0]), Claim(db, submitted[1]));
        var clp = Clp(paid, status: "1", paidShare: 0.8m) + Clp(denied, status: "4", paidShare: 0m);
        var total = decimal.Round(paid.Lines.Sum(l => l.Charge) * 0.8m, 2);
        File.WriteAllText(folder.File("era.835"), RemitWorld.Text(clp, total.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), date: "20261028"));
        var remit = Run(db, "import", "remits", folder.File("era.835"), "--practice", North, "--as", "pa-north");
        Ok(remit);
        Assert.Equal(["paid"], RemitWorld.Query(db, $"SELECT status FROM claims WHERE claim_id = '{paid.ClaimId}'"));
        Assert.Equal(["denied"], RemitWorld.Query(db, $"SELECT status FROM claims WHERE claim_id = '{denied.ClaimId}'"));
        var again = Run(db, "import", "remits", folder.File("era.835"), "--practice", North, "--as", "pa-north");
        Ok(again);
        Assert.Contains("already posted", again.Out, StringComparison.Ordinal);

        var denials = Run(db, "denials", "--practice", North, "--month", "2026-10", "--json", "--as", "pa-north");
        Ok(denials);
        // The denied claim is traced to coding by its CARC 4 (the modifier is inconsistent with the procedure).
        Assert.Contains("\"4\"", denials.Out, StringComparison.Ordinal);
        Assert.True(denials.Out.Contains("\"key\": \"Coding\"", StringComparison.Ordinal), denials.Out);
        Assert.DoesNotContain("\"mean\": -", denials.Out, StringComparison.Ordinal);
        Assert.Contains(denied.ClaimId, Run(db, "claims", "list", "--practice", North, "--status", "denied", "--as", "pa-north").Out, StringComparison.Ordinal);

        // The same figures from an export alone: every claim counts, paid, denied or still open.
        Ok(Run(db, "ledger", "export", "--out", folder.File("ledger.jsonl")));
        var replayed = CliRun.Of("ledger", "replay", "--file", folder.File("ledger.jsonl"), "--report", "denials", "--practice", North, "--month", "2026-10", "--json");
        Ok(replayed);
        Assert.Equal(denials.Out, replayed.Out);

        // The monthly package carries the same denial figures (section 4), and verify recomputes them
        // from the replayed ledger as from the tables.
        var package = folder.File("package");
        Ok(Run(db, "report", "monthly", "--practice", North, "--month", "2026-10", "--out", package, "--as", "pa-north"));
        var figures = File.ReadAllText(Path.Combine(package, "package.json"));
        Assert.Contains("\"deniedClaims\": 1", figures, StringComparison.Ordinal);
        Assert.Contains("Denied dollars by CARC", File.ReadAllText(Path.Combine(package, "index.html")), StringComparison.Ordinal);
        var verified = Run(db, "report", "verify", package);
        Assert.True(verified.ExitCode == 0, verified.ToString());

        // The ledger proves the state: every billing table replays to what is stored.
        var verify = Run(db, "ledger", "verify");
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains("matches the stored tables", verify.Out, StringComparison.Ordinal);
    }

    private sealed record SentLine(string Code, string Modifiers, decimal Charge, string Date);

    private sealed record SentClaim(string ClaimId, List<SentLine> Lines);

    private static SentClaim Claim(string db, string claimId)
    {
        var lines = RemitWorld.Query(db, $"SELECT lines FROM claims WHERE claim_id = '{claimId}'").Single();
        using var json = System.Text.Json.JsonDocument.Parse(lines);
        return new SentClaim(claimId, [.. json.RootElement.EnumerateArray().Select(l => new SentLine(
            l.GetProperty("code").GetString()!,
            string.Concat(l.GetProperty("modifiers").EnumerateArray().Select(m => ":" + m.GetString())),
            l.GetProperty("charge").GetDecimal(),
            l.GetProperty("dateOfService").GetString()!.Replace("-", string.Empty, StringComparison.Ordinal)))]);
    }

    /// <summary>A CLP loop for <paramref name="claim"/>: each line paid <paramref name="paidShare"/> of its charge, the rest CO-45 (or CO-4 when denied).</summary>
    private static string Clp(SentClaim claim, string status, decimal paidShare)
    {
        string F(decimal d) => d.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        var charge = claim.Lines.Sum(l => l.Charge);
        var paid = claim.Lines.Sum(l => decimal.Round(l.Charge * paidShare, 2));
        var text = $"CLP*{claim.ClaimId}*{status}*{F(charge)}*{F(paid)}**12*PCCN-{claim.ClaimId}~NM1*QC*1*PATIENT*ANY~";
        foreach (var l in claim.Lines)
        {
            var linePaid = decimal.Round(l.Charge * paidShare, 2);
            text += $"SVC*HC:{l.Code}{l.Modifiers}*{F(l.Charge)}*{F(linePaid)}**1~DTM*472*{l.Date}~CAS*CO*{(paidShare == 0 ? "4" : "45")}*{F(l.Charge - linePaid)}~";
        }

        return text;
    }
}
