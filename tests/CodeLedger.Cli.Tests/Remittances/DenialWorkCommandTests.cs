using System.Globalization;
using System.Text.Json;
using CodeLedger.Cli.Tests.Claims;
using CodeLedger.Cli.Tests.Foundation;
using CodeLedger.Testing;
using static CodeLedger.Cli.Tests.Remittances.RemitWorld;

namespace CodeLedger.Cli.Tests.Remittances;

/// <summary>
/// Denial work items (docs/REMITTANCE.md, "Work items") on a demo database whose 835s denied claims:
/// <c>denials work</c> lists them; <c>denials appeal | write-off | reopen | resolve</c> move them,
/// each step one <c>denial.stepped</c> event with only the keyed hash of its note; the owning team
/// alone may step an item, and another practice's user learns nothing; <c>claims correct</c>
/// resubmits an open item and the next 835 for the replacement resolves it, or reopens it with the
/// new denial; <c>ledger verify</c> rebuilds every item and step and catches an edited state.
/// </summary>
public sealed class DenialWorkCommandTests(ClaimsDemo demo) : IClassFixture<ClaimsDemo>
{
    private const string North = "NORTHSIDE-FM";
    private const string NorthFees = "code,modifier,charge\n99202,,95.00\n99203,,150.00\n99204,,210.00\n99205,,280.00\n99212,,80.00\n99213,,125.00\n99214,,180.00\n99215,,250.00\n";

    private static CliRun Run(string db, params string[] args) => CliRun.Of([.. args, "--db", db]);

    private static void Ok(CliRun run) => Assert.True(run.ExitCode == 0, run.ToString());

    private static void Verified(string db)
    {
        var verify = Run(db, "ledger", "verify");
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains("matches the stored tables", verify.Out, StringComparison.Ordinal);
    }

    private static List<JsonElement> Work(string db, string user = "pa-north", params string[] filter)
    {
        var run = Run(db, ["denials", "work", "--practice", North, "--as", user, "--json", .. filter]);
        Ok(run);
        using var json = JsonDocument.Parse(run.Out);
        return [.. json.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    private static string S(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? "-" : e.GetProperty(name).ToString();

    /// <summary>A coding lead of the vendor that coded the demo's encounters, linked to one of its coder records.</summary>
    private static string Lead(string db)
    {
        var row = Query(db, "SELECT c.user_name, o.code FROM coders c JOIN organizations o ON o.id = c.vendor_id ORDER BY c.user_name LIMIT 1").Single().Split('|');
        Ok(Run(db, "users", "add", "lead-denials", "--name", "Denial Lead", "--org", row[1], "--role", "coding-lead", "--coder", row[0]));
        return "lead-denials";
    }

    [Fact]
    public async Task A_coding_denial_is_listed_then_appealed_and_written_off_by_the_coding_team_each_step_ledgered_without_its_note()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        await SeedClaimsAsync(db, Practice, StandardClaims());
        File.WriteAllText(folder.File("era.835"), Text(Standard, "145"));
        Ok(Run(db, "import", "remits", folder.File("era.835"), "--practice", North, "--as", "pa-north"));

        var listed = Assert.Single(Work(db));
        Assert.Equal("PCN-2|Coding|CO-4|80.0|Coding|open|0|-", string.Join("|", new[] { "claimId", "rootCause", "carcs", "amount", "team", "state", "ageDays", "lastStep" }
            .Select(n => n == "carcs" ? string.Join(",", listed.GetProperty(n).EnumerateArray().Select(c => c.GetString())) : n == "amount" ? listed.GetProperty(n).GetDecimal().ToString("0.0", CultureInfo.InvariantCulture) : S(listed, n))));
        var item = S(listed, "item")[..8];
        var text = Run(db, "denials", "work", "--practice", North, "--as", "pa-north");
        Ok(text);
        Assert.Contains($"{item}  PCN-2", text.Out, StringComparison.Ordinal);
        Assert.Contains("1 items, 80.00 denied", text.Out, StringComparison.Ordinal);

        // The practice's admin is the billing office: a coding denial is the coding team's.
        var refused = Run(db, "denials", "appeal", item, "--note", "modifier 25 was documented", "--as", "pa-north");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("DENIAL-ROLE-REFUSED", refused.Error, StringComparison.Ordinal);

        var lead = Lead(db);
        const string Note = "Appeal: the note of JANE DOE documents a separate E/M";
        Ok(Run(db, "denials", "appeal", item, "--note", Note, "--as", lead));
        Assert.Equal("appealed|appeal", $"{S(Assert.Single(Work(db)), "state")}|{S(Assert.Single(Work(db)), "lastStep")}");
        Assert.Single(Work(db, "pa-north", "--state", "appealed", "--team", "coding"));
        Assert.Empty(Work(db, "pa-north", "--team", "billing"));

        // Nothing of the note reaches the ledger or the table in clear.
        var events = Query(db, "SELECT actor || ' ' || payload FROM ledger_events WHERE type = 'denial.stepped'");
        Assert.StartsWith(lead + " ", Assert.Single(events), StringComparison.Ordinal);
        Assert.Contains("\"noteHash\":\"hmac-sha256:", events[0], StringComparison.Ordinal);
        Assert.DoesNotContain("JANE", events[0], StringComparison.Ordinal);
        Assert.DoesNotContain("JANE", string.Concat(Query(db, "SELECT note FROM denial_work_steps")), StringComparison.Ordinal);

        var twice = Run(db, "denials", "appeal", item, "--note", "again", "--as", lead);
        Assert.Equal(1, twice.ExitCode);
        Assert.Contains("DENIAL-TRANSITION", twice.Error, StringComparison.Ordinal);
        Assert.Contains("is Appealed; it cannot become Appealed", twice.Error, StringComparison.Ordinal);

        Ok(Run(db, "denials", "write-off", item, "--reason", "past timely filing for the appeal", "--as", lead));
        Assert.Equal("written-off", S(Assert.Single(Work(db)), "state"));
        var final = Run(db, "denials", "reopen", item, "--as", lead);
        Assert.Equal(1, final.ExitCode);
        Assert.Contains("(final)", final.Error, StringComparison.Ordinal);
        Verified(db);

        // An edited state is caught by replay.
        Execute(db, "UPDATE denial_work_items SET state = 'Open'");
        var verify = Run(db, "ledger", "verify");
        Assert.NotEqual(0, verify.ExitCode);
        Assert.Contains("denial_work_items", verify.Out + verify.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_practices_user_learns_nothing_and_an_unknown_item_is_named_as_unknown()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        await SeedClaimsAsync(db, Practice, StandardClaims());
        File.WriteAllText(folder.File("era.835"), Text(Standard, "145"));
        Ok(Run(db, "import", "remits", folder.File("era.835"), "--practice", North, "--as", "pa-north"));
        var item = S(Assert.Single(Work(db)), "item");
        var events = Count(db, "SELECT count(*) FROM ledger_events");

        var list = Run(db, "denials", "work", "--practice", North, "--as", "pa-heart");
        var step = Run(db, "denials", "write-off", item, "--reason", "x", "--as", "pa-heart");
        var unknown = Run(db, "denials", "write-off", "0000000000", "--reason", "x", "--as", "pa-north");
        var noReason = Run(db, "denials", "write-off", item, "--reason", " ", "--as", "pa-north");

        Assert.Equal(1, list.ExitCode);
        Assert.Contains("ORG-UNKNOWN", list.Error, StringComparison.Ordinal);
        Assert.Contains($"no practice with code '{North}'", list.Error, StringComparison.Ordinal);
        Assert.Equal(1, step.ExitCode);
        Assert.Contains("DENIAL-ITEM-UNKNOWN", step.Error, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("DENIAL-ITEM-UNKNOWN", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(1, noReason.ExitCode);
        Assert.Contains("DENIAL-STEP-INVALID", noReason.Error, StringComparison.Ordinal);
        Assert.Equal(events, Count(db, "SELECT count(*) FROM ledger_events"));
    }

    [Fact]
    public void A_corrected_claim_is_resubmitted_and_paid_resolved_and_an_appeal_denied_again_reopens_with_the_new_cause()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        Billing.BillingWorld.Seed(db);
        File.WriteAllText(folder.File("fees.csv"), NorthFees);
        Ok(Run(db, "fees", "import", folder.File("fees.csv"), "--practice", North, "--as", "pa-north", "--effective", "2026-01-01"));
        var outbox = folder.File("outbox");
        Ok(Run(db, "claims", "submit", "--practice", North, "--out", outbox, "--as", "pa-north"));
        var sent = Query(db, "SELECT claim_id FROM claims WHERE status = 'submitted' ORDER BY claim_id").Take(2).ToList();
        Assert.Equal(2, sent.Count);

        // The first 835 denies A for a missing modifier (coding) and B for coverage ended (billing).
        var (a, b) = (Sent(db, sent[0]), Sent(db, sent[1]));
        Era(folder, db, "era-1.835", "EFT1", Clp(a, "4", "4").Plus(Clp(b, "4", "27")));
        var items = Work(db);
        Assert.Equal([$"{a.ClaimId}|Coding|open", $"{b.ClaimId}|BillingFrontEnd|open"], items.Select(i => $"{S(i, "claimId")}|{S(i, "rootCause")}|{S(i, "state")}").Order(StringComparer.Ordinal));
        var itemB = S(items.Single(i => S(i, "claimId") == b.ClaimId), "item");

        // A is corrected: its item is resubmitted and waits on the replacement.
        Ok(Run(db, "claims", "correct", a.ClaimId, "--practice", North, "--as", "pa-north", "--payer-claim-number", "PCCN-" + a.ClaimId));
        var replacement = a.ClaimId[..^2] + "-2";
        var resubmitted = Assert.Single(Work(db, "pa-north", "--state", "resubmitted"));
        Assert.Equal($"{replacement}|corrected", $"{S(resubmitted, "claimId")}|{S(resubmitted, "lastStep")}");

        // B is appealed by the billing office.
        Ok(Run(db, "denials", "appeal", itemB, "--note", "coverage was active on the date of service", "--as", "pa-north"));
        Ok(Run(db, "claims", "submit", "--practice", North, "--out", outbox, "--as", "pa-north"));

        // The second 835 pays the replacement and denies B again, now for the modifier (coding).
        Era(folder, db, "era-2.835", "EFT2", Clp(Sent(db, replacement), "1", "45", paidShare: 0.8m).Plus(Clp(b, "4", "4")));
        var after = Work(db).ToDictionary(i => S(i, "item"), i => $"{S(i, "claimId")}|{S(i, "state")}|{S(i, "lastStep")}|{S(i, "rootCause")}|{S(i, "team")}");
        Assert.Equal($"{replacement}|resolved|paid|Coding|Coding", after[S(resubmitted, "item")]);
        Assert.Equal($"{b.ClaimId}|open|denied-again|Coding|Coding", after[itemB]);
        Assert.Equal(2, after.Count);
        Assert.Equal(["appeal", "corrected", "denied-again", "paid"], Query(db, "SELECT json_extract(payload, '$.step') FROM ledger_events WHERE type = 'denial.stepped' ORDER BY 1"));
        Verified(db);

        // The denial figures from the tables still equal those replayed from an export.
        var denials = Run(db, "denials", "--practice", North, "--month", "2026-10", "--json", "--as", "pa-north");
        Ok(denials);
        Ok(Run(db, "ledger", "export", "--out", folder.File("ledger.jsonl")));
        var replayed = CliRun.Of("ledger", "replay", "--file", folder.File("ledger.jsonl"), "--report", "denials", "--practice", North, "--month", "2026-10", "--json");
        Ok(replayed);
        Assert.Equal(denials.Out, replayed.Out);
    }

    private sealed record SentLine(string Code, string Modifiers, decimal Charge, string Date);

    private sealed record SentClaim(string ClaimId, List<SentLine> Lines);

    private static SentClaim Sent(string db, string claimId)
    {
        var lines = Query(db, $"SELECT lines FROM claims WHERE claim_id = '{claimId}'").Single();
        using var json = JsonDocument.Parse(lines);
        return new SentClaim(claimId, [.. json.RootElement.EnumerateArray().Select(l => new SentLine(
            l.GetProperty("code").GetString()!,
            string.Concat(l.GetProperty("modifiers").EnumerateArray().Select(m => ":" + m.GetString())),
            l.GetProperty("charge").GetDecimal(),
            l.GetProperty("dateOfService").GetString()!.Replace("-", string.Empty, StringComparison.Ordinal)))]);
    }

    private static void Era(TempFolder folder, string db, string name, string trace, (string Text, decimal Paid) clps)
    {
        File.WriteAllText(folder.File(name), RemitWorld.Text(clps.Text, clps.Paid.ToString("0.00", CultureInfo.InvariantCulture), trace, date: "20261028"));
        Ok(Run(db, "import", "remits", folder.File(name), "--practice", North, "--as", "pa-north"));
    }

    /// <summary>A CLP loop for <paramref name="claim"/>: each line paid <paramref name="paidShare"/> of its charge, the rest CO with <paramref name="carc"/>.</summary>
    private static (string Text, decimal Paid) Clp(SentClaim claim, string status, string carc, decimal paidShare = 0m)
    {
        static string F(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);
        var charge = claim.Lines.Sum(l => l.Charge);
        var paid = claim.Lines.Sum(l => decimal.Round(l.Charge * paidShare, 2));
        var text = $"CLP*{claim.ClaimId}*{status}*{F(charge)}*{F(paid)}**12*PCCN-{claim.ClaimId}~NM1*QC*1*PATIENT*ANY~";
        foreach (var l in claim.Lines)
        {
            var linePaid = decimal.Round(l.Charge * paidShare, 2);
            text += $"SVC*HC:{l.Code}{l.Modifiers}*{F(l.Charge)}*{F(linePaid)}**1~DTM*472*{l.Date}~CAS*CO*{carc}*{F(l.Charge - linePaid)}~";
        }

        return (text, paid);
    }
}

file static class TupleSum
{
    public static (string Text, decimal Paid) Plus(this (string Text, decimal Paid) a, (string Text, decimal Paid) b) => (a.Text + b.Text, a.Paid + b.Paid);
}
