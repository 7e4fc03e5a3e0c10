using System.Globalization;
using System.Text;
using CodeLedger.Cli.Tests.Claims;
using CodeLedger.Cli.Tests.Foundation;
using static CodeLedger.Cli.Tests.Remittances.RemitWorld;

namespace CodeLedger.Cli.Tests.Remittances;

/// <summary>
/// <c>import remits</c> writes its postings, unmatched CLPs, denial work items and claim updates in
/// bulk, outside EF Core's change tracker (docs/REMITTANCE.md, "Storage"; docs/PERFORMANCE.md): the
/// rows must still be exactly what replay rebuilds, every CLP of a large file must land, and a failure
/// while the bulk rows are being written must leave nothing.
/// </summary>
public sealed class BulkPostingTests(ClaimsDemo demo) : IClassFixture<ClaimsDemo>
{
    private const int Known = 20;
    private const int Unknown = 480;

    private static CliRun Import(string db, string file) =>
        CliRun.Of(["import", "remits", file, "--practice", Practice, "--as", "pa-north", "--db", db]);

    /// <summary>
    /// One payment: <see cref="Known"/> claims BULK-n (every fifth denied whole, CO-16 with M20,
    /// the rest paid with a CO-45 adjustment) and <see cref="Unknown"/> CLPs no claim matches.
    /// </summary>
    private static (string Text, (string, Line[])[] Claims) LargeFile()
    {
        var clps = new StringBuilder();
        var claims = new List<(string, Line[])>();
        decimal paid = 0;
        for (var i = 1; i <= Known + Unknown; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            var known = i <= Known;
            var denied = known && i % 5 == 0;
            var id = known ? "BULK-" + n : "STRAY-" + n;
            clps.Append(denied
                ? $"CLP*{id}*4*100*0**12*CCN{n}~NM1*QC*1*DOE*JANE~SVC*HC:99213*100*0**1~DTM*472*20260915~CAS*CO*16*100~LQ*HE*M20~"
                : $"CLP*{id}*1*100*80**12*CCN{n}~NM1*QC*1*DOE*JANE~SVC*HC:99213*100*80**1~DTM*472*20260915~CAS*CO*45*20~");
            paid += denied ? 0 : 80;
            if (known)
            {
                claims.Add((id, [new Line("99213", 100m, "20260915")]));
            }
        }

        return (Text(clps.ToString(), paid.ToString(CultureInfo.InvariantCulture), trace: "EFTBULK"), [.. claims]);
    }

    private static void Verified(string db)
    {
        var verify = CliRun.Of("ledger", "verify", "--db", db);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains("matches the stored tables", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_CLP_of_a_500_claim_file_lands_as_a_posting_or_in_the_unmatched_queue_and_replay_rebuilds_every_row()
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        var (text, claims) = LargeFile();
        await SeedClaimsAsync(db, Practice, claims);
        var file = folder.File("bulk.835");
        File.WriteAllText(file, text);

        var run = Import(db, file);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"claims matched {Known} (0 reversals), {Known} lines", run.Out, StringComparison.Ordinal);
        Assert.Equal(Known, Count(db, "SELECT count(*) FROM claim_postings"));
        Assert.Equal(Unknown, Count(db, "SELECT count(*) FROM unmatched_claim_payments"));
        Assert.Equal(Known / 5, Count(db, "SELECT count(*) FROM denial_work_items"));
        Assert.Equal(Known / 5, Count(db, "SELECT count(*) FROM claims WHERE claim_id LIKE 'BULK-%' AND status = 'denied'"));
        Assert.Equal(Known - (Known / 5), Count(db, "SELECT count(*) FROM claims WHERE claim_id LIKE 'BULK-%' AND status = 'paid'"));
        Assert.Equal(Known, Count(db, "SELECT count(*) FROM claims WHERE claim_id LIKE 'BULK-%' AND payer_claim_control_number = 'CCN' || substr(claim_id, 6)"));
        Assert.Equal([string.Join(",", Enumerable.Range(1, Unknown).Select(i => (Known + i).ToString(CultureInfo.InvariantCulture)))],
            Query(db, "SELECT group_concat(position, ',') FROM (SELECT position FROM unmatched_claim_payments ORDER BY position)"));
        Verified(db);

        // The same file again: the payment is known, nothing is written.
        var events = Count(db, "SELECT count(*) FROM ledger_events");
        var again = Import(db, file);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(events, Count(db, "SELECT count(*) FROM ledger_events"));
        Assert.Equal(Unknown, Count(db, "SELECT count(*) FROM unmatched_claim_payments"));
    }

    [Theory]
    [InlineData("BEFORE INSERT ON denial_work_items")]
    [InlineData("BEFORE INSERT ON unmatched_claim_payments WHEN NEW.position = 400")]
    [InlineData("BEFORE UPDATE ON claims WHEN NEW.claim_id = 'BULK-17'")]
    public async Task A_failure_while_the_bulk_rows_are_written_leaves_nothing_posted(string trigger)
    {
        using var folder = new TempFolder();
        var db = demo.Copy(folder);
        var (text, claims) = LargeFile();
        await SeedClaimsAsync(db, Practice, claims);
        var file = folder.File("bulk.835");
        File.WriteAllText(file, text);
        var events = Count(db, "SELECT count(*) FROM ledger_events");

        // The database refuses one row late in the write: postings and payments are already written by then.
        Execute(db, $"CREATE TRIGGER refuse_one {trigger} BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
        CliRun? run = null;
        var failure = Record.Exception(() => run = Import(db, file));

        Assert.True(failure is not null || run!.ExitCode != 0, run?.ToString());
        Assert.Equal(0, Count(db, "SELECT count(*) FROM remittance_payments"));
        Assert.Equal(0, Count(db, "SELECT count(*) FROM claim_postings"));
        Assert.Equal(0, Count(db, "SELECT count(*) FROM unmatched_claim_payments"));
        Assert.Equal(0, Count(db, "SELECT count(*) FROM denial_work_items"));
        Assert.Equal(Known, Count(db, "SELECT count(*) FROM claims WHERE claim_id LIKE 'BULK-%' AND status = 'submitted' AND payer_claim_control_number IS NULL"));
        Assert.Equal(events, Count(db, "SELECT count(*) FROM ledger_events"));

        // With the obstacle gone the same file posts whole.
        Execute(db, "DROP TRIGGER refuse_one");
        Assert.Equal(0, Import(db, file).ExitCode);
        Assert.Equal(Known, Count(db, "SELECT count(*) FROM claim_postings"));
        Verified(db);
    }
}
