using System.Globalization;
using System.Text.RegularExpressions;
using CodeLedger.Testing;

namespace CodeLedger.Cli.Tests.Foundation;

/// <summary>
/// The demo's billing month (issue 18, "Demo"): the month's claims go out in 837Ps, every one is
/// acknowledged on a 999, the payers' 835s post without loss and balance, one paid claim is
/// reversed and paid again, one PLB is posted, and the demo prints each practice's denials (coding,
/// billing and credentialing causes, one duplicate counted apart) and AR aging, the figures the
/// denials command, replay and the package give. Read from the files and tables the demo left.
/// </summary>
public sealed partial class DemoBillingTests
{
    private static readonly string[] Practices = ["NORTHSIDE-FM", "HEARTWELL-CARDIO"];

    private static readonly Dictionary<string, string> Admins = new(StringComparer.Ordinal)
    {
        ["NORTHSIDE-FM"] = "billing-northside",
        ["HEARTWELL-CARDIO"] = "billing-heartwell",
    };

    private static (CliRun Run, string Db, TempFolder Folder) Demo
    {
        get
        {
            var demo = DefaultDemo.Value.Value;
            Assert.True(demo.Run.ExitCode == 0, demo.Run.ToString());
            return demo;
        }
    }

    private static List<string> Query(string sql) => SqliteRows.Query(Demo.Db, sql);

    private static int Count(string sql) => SqliteRows.Count(Demo.Db, sql);

    private static IEnumerable<string> Files(string box, string pattern) =>
        Practices.SelectMany(p => Directory.GetFiles(Path.Combine(Demo.Db + box, p), pattern)).Order(StringComparer.Ordinal);

    /// <summary>The segments of an X12 file written with the demo's delimiters (* ~ :), each as its elements.</summary>
    private static List<string[]> Segments(string file) =>
        [.. File.ReadAllText(file).Split('~', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split('*'))];

    private static decimal Amount(string text) => decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    [Fact]
    public void Every_claim_the_month_built_went_out_in_an_837P_and_came_back_accepted_on_a_999()
    {
        var claims = Count("SELECT count(*) FROM claims");
        var sent = Files(".outbox", "837P-*.x12").ToList();

        Assert.True(claims > 1_900, $"{claims} claims");
        // Every finalized encounter of the month was billed; the few the scrubber holds wait in the fix queue, as they would for a practice.
        Assert.Equal(Count("SELECT count(*) FROM work_items WHERE status = 'Finalized'"), Count("SELECT count(DISTINCT encounter_id) FROM claims"));
        var held = Count("SELECT count(*) FROM claims WHERE status = 'fix-queue'");
        Assert.True(held < claims / 50, $"{held} claims held of {claims}");
        Assert.Equal(0, Count("SELECT count(*) FROM claims WHERE status <> 'fix-queue' AND (submitted_at IS NULL OR acknowledged_at IS NULL)"));
        Assert.Equal(0, Count("SELECT count(*) FROM claims WHERE status IN ('ready', 'submitted', 'rejected')"));

        // One 999 per 837P, each kept in the inbox beside the file it answers, and each imported once.
        Assert.NotEmpty(sent);
        Assert.Equal(sent.Count, Count("SELECT count(*) FROM acknowledgments WHERE kind = '999'"));
        foreach (var file in sent)
        {
            Assert.True(File.Exists(Path.ChangeExtension(file.Replace(".outbox", ".inbox", StringComparison.Ordinal), ".999")), file);
        }

        Assert.Equal(claims - held, sent.Sum(f => Segments(f).Count(s => s[0] == "CLM")));
    }

    [Fact]
    public void Every_835_balances_and_posts_without_loss()
    {
        var remits = Files(".inbox", "*.835").ToList();
        Assert.NotEmpty(remits);
        Assert.Equal(remits.Count, Count("SELECT count(*) FROM remittance_payments"));
        var groups = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in remits)
        {
            var segments = Segments(file);
            var paid = segments.Where(s => s[0] == "CLP").Sum(s => Amount(s[4]));
            var plb = segments.Where(s => s[0] == "PLB").Sum(s => s.Skip(3).Where((_, i) => i % 2 == 1).Sum(Amount));
            var bpr = Amount(segments.Single(s => s[0] == "BPR")[2]);
            groups.UnionWith(segments.Where(s => s[0] == "CAS").SelectMany(s => s.Skip(2).Where((_, i) => i % 2 == 0).Select(r => $"{s[1]}-{r}")));

            // FACTS 4.3: BPR02 is the sum of CLP04 less the PLB amounts.
            Assert.Equal(paid - plb, bpr);

            // Posted as sent: the payment's total and its claims' payments, in cents.
            var (name, practice) = (Path.GetFileName(file), Path.GetFileName(Path.GetDirectoryName(file)));
            var posted = Query($"SELECT p.total_payment, (SELECT coalesce(sum(c.paid), 0) FROM claim_postings c WHERE c.payment_id = p.id) FROM remittance_payments p " +
                $"JOIN organizations o ON o.id = p.practice_id WHERE p.file_name = '{name}' AND o.code = '{practice}'").Single();
            Assert.Equal($"{bpr * 100:0}|{paid * 100:0}", posted);
        }

        Assert.Equal(0, Count("SELECT count(*) FROM unmatched_claim_payments"));
        Assert.Equal(0, Count("SELECT count(*) FROM remittance_payments WHERE unbalanced"));

        // Contractual adjustments and each kind of patient responsibility occur.
        Assert.Superset(new HashSet<string>(["CO-45", "PR-1", "PR-2", "PR-3"], StringComparer.Ordinal), groups);
    }

    [Fact]
    public void The_reversed_claim_is_taken_back_exactly_and_paid_again_corrected()
    {
        var reversal = Assert.Single(Query("SELECT claim_id, paid, charge, reverses_posting_id, payment_id FROM claim_postings WHERE status = '22'")).Split('|');
        var (claim, paid, charge, reverses, payment) = (reversal[0], long.Parse(reversal[1], CultureInfo.InvariantCulture), long.Parse(reversal[2], CultureInfo.InvariantCulture), reversal[3], reversal[4]);

        // The reversal is the earlier payment negated, posted from a later file.
        var original = Query($"SELECT paid, charge, payment_id FROM claim_postings WHERE id = '{reverses}'").Single().Split('|');
        Assert.Equal(-paid, long.Parse(original[0], CultureInfo.InvariantCulture));
        Assert.Equal(-charge, long.Parse(original[1], CultureInfo.InvariantCulture));
        Assert.NotEqual(payment, original[2]);

        // The correction comes in the reversal's file, pays less than the original, and leaves the claim paid.
        var corrected = Query($"SELECT paid FROM claim_postings WHERE claim_id = '{claim}' AND status = '1' AND payment_id = '{payment}'").Single();
        Assert.InRange(long.Parse(corrected, CultureInfo.InvariantCulture), 1, -paid - 1);
        Assert.Equal(corrected, Query($"SELECT sum(paid) FROM claim_postings WHERE claim_id = '{claim}'").Single());
        Assert.Equal(["paid"], Query($"SELECT status FROM claims WHERE claim_id = '{claim}'"));
        Assert.Contains($"claim {claim} reversed and paid again corrected", Demo.Run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void One_PLB_pays_interest_on_a_claim_it_names()
    {
        var plb = Assert.Single(Query("SELECT reason, amount, claim_id FROM provider_adjustments")).Split('|');

        Assert.Equal("L6", plb[0]);
        Assert.True(long.Parse(plb[1], CultureInfo.InvariantCulture) < 0, "interest is paid to the provider: a negative PLB amount");
        Assert.Single(Query($"SELECT id FROM claims WHERE claim_id = '{plb[2]}'"));
    }

    [Fact]
    public void Each_practice_s_denials_trace_to_coding_billing_and_credentialing_with_one_duplicate_counted_apart_and_its_AR_aged_by_payer()
    {
        var duplicates = 0;
        foreach (var practice in Practices)
        {
            var section = Section(practice);
            foreach (var cause in new[] { "Coding", "BillingFrontEnd", "Credentialing" })
            {
                Assert.Matches(new Regex($@"\n    {cause} +\d+ claims +\d+\.\d\d\n"), section);
            }

            // A few percent of claims denied, as in a well-run practice.
            var rate = decimal.Parse(DeniedLine().Match(section).Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.InRange(rate, 1m, 10m);
            duplicates += int.Parse(DuplicateLine().Match(section).Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.Contains("  AR aging by payer      0-30     31-60     61-90    91-120      >120\n", section, StringComparison.Ordinal);
            Assert.Matches(new Regex(@"\n    (06102|13202) +\d+\.\d\d"), section);
        }

        Assert.Equal(1, duplicates);
    }

    [Fact]
    public void The_printed_denials_are_the_denials_command_s_replay_s_and_the_package_s()
    {
        using var folder = new TempFolder();
        var export = CliRun.Of("ledger", "export", "--out", folder.File("ledger.jsonl"), "--db", Demo.Db);
        Assert.True(export.ExitCode == 0, export.ToString());
        foreach (var practice in Practices)
        {
            var text = CliRun.Of("denials", "--practice", practice, "--month", "2026-10", "--as", Admins[practice], "--db", Demo.Db);
            Assert.True(text.ExitCode == 0, text.ToString());
            Assert.Contains(text.Out, Demo.Run.Out, StringComparison.Ordinal);

            var json = CliRun.Of("denials", "--practice", practice, "--month", "2026-10", "--json", "--as", Admins[practice], "--db", Demo.Db);
            var replayed = CliRun.Of("ledger", "replay", "--file", folder.File("ledger.jsonl"), "--report", "denials", "--practice", practice, "--month", "2026-10", "--json");
            Assert.True(replayed.ExitCode == 0, replayed.ToString());
            Assert.Equal(json.Out, replayed.Out);

            var package = Path.Combine(Demo.Db + ".reports", $"{practice}-2026-10");
            var denied = Regex.Match(json.Out, "\"deniedClaims\": (\\d+)").Groups[1].Value;
            Assert.Contains($"\"deniedClaims\": {denied}", File.ReadAllText(Path.Combine(package, "package.json")), StringComparison.Ordinal);
            var verify = CliRun.Of("report", "verify", package, "--db", Demo.Db);
            Assert.True(verify.ExitCode == 0, verify.ToString());
        }
    }

    [Fact]
    public void An_835_of_the_demo_posted_again_posts_nothing()
    {
        using var folder = new TempFolder();
        var db = folder.File("copy.db");
        foreach (var suffix in new[] { string.Empty, ".phikey" })
        {
            File.Copy(Demo.Db + suffix, db + suffix);
        }

        var events = SqliteRows.Count(db, "SELECT count(*) FROM ledger_events");
        var file = Files(".inbox", "*.835").First(f => f.Contains("NORTHSIDE-FM", StringComparison.Ordinal));

        var again = CliRun.Of("import", "remits", file, "--practice", "NORTHSIDE-FM", "--as", "billing-northside", "--db", db);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("nothing posted", again.Out, StringComparison.Ordinal);
        Assert.Equal(events, SqliteRows.Count(db, "SELECT count(*) FROM ledger_events"));
    }

    [Fact]
    public void The_demo_s_837Ps_999s_and_835s_pass_pyx12()
    {
        Pyx12.Require();
        var sent = Files(".outbox", "837P-*.x12").ToList();

        // Every 835; of the 837Ps and 999s, the first of each practice and payer (they differ only in claims).
        var files = Files(".inbox", "*.835")
            .Concat(sent.GroupBy(f => Regex.Replace(f, @"-\d+\.x12$", string.Empty)).Select(g => g.First()))
            .Concat(sent.GroupBy(f => Path.GetDirectoryName(f)).Select(g => Path.ChangeExtension(g.First().Replace(".outbox", ".inbox", StringComparison.Ordinal), ".999")));
        foreach (var file in files)
        {
            var (ok, output) = Pyx12.Validate(File.ReadAllBytes(file));
            Assert.True(ok, $"{file}: {output}");
        }
    }

    /// <summary>The demo's printed denials of <paramref name="practice"/>: from its heading to the next blank line.</summary>
    private static string Section(string practice)
    {
        var output = Demo.Run.Out;
        var start = output.IndexOf($"denials of {practice}, 2026-10", StringComparison.Ordinal);
        Assert.True(start >= 0, output);
        var end = output.IndexOf("\n\n", start, StringComparison.Ordinal);
        var section = output[start..(end < 0 ? output.Length : end + 1)];
        var ledger = section.IndexOf("\nLedger:", StringComparison.Ordinal);
        return ledger < 0 ? section : section[..(ledger + 1)];
    }

    [GeneratedRegex(@"denied +\d+ claims \(([0-9.]+) %\)")]
    private static partial Regex DeniedLine();

    [GeneratedRegex(@"duplicates \(18\) +(\d+) claims")]
    private static partial Regex DuplicateLine();
}
