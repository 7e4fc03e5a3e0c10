using System.Globalization;
using System.Text;
using CodeLedger.Cli.Tests.Claims;
using CodeLedger.Cli.Tests.Foundation;
using CodeLedger.Cli.Tests.Workflow;
using CodeLedger.Core.Accounts;
using CodeLedger.Storage;
using CodeLedger.Storage.Accounts;
using CodeLedger.Storage.Ledger;
using CodeLedger.Storage.Protection;
using CodeLedger.Storage.Remittances;
using CodeLedger.Storage.Workflow;
using CodeLedger.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
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
    [InlineData("BEFORE INSERT ON claim_postings WHEN NEW.claim_id = 'BULK-13'")]
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

    /// <summary>
    /// PostgreSQL writes the same rows another way (binary COPY; claims updated from unnest arrays
    /// only at the row version read): replay must rebuild them exactly, an edited one must be named,
    /// and the file again must post nothing.
    /// </summary>
    [Fact]
    public async Task On_PostgreSQL_the_copied_rows_and_updated_claims_are_what_replay_rebuilds_and_the_file_twice_posts_nothing()
    {
        var admin = TestEnvironment.RequirePostgres();
        var ct = TestContext.Current.CancellationToken;
        var name = "cl_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync(ct);
        }

        var spec = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        try
        {
            var store = await CodeLedgerStore.OpenAsync(spec, TestClock.Create(), PhiKey.Generate(), ct);
            await CliWorld.SeedAsync(store);
            var csv = new StringBuilder("external_id,physician_npi,patient_family_name,patient_given_name,patient_birth_date,patient_sex,patient_member_id,date_of_service,place_of_service,documentation_completed_at,note\n");
            for (var i = 1; i <= Known; i++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"V-{i},{CliWorld.Npi},Garcia,Luis,1958-07-04,M,MBR{i:D6},2026-03-02,11,2026-03-02T18:00:00Z,\"Office visit {i}.\"\n");
            }

            using (var reader = new StringReader(csv.ToString()))
            {
                var visits = Core.Intake.EncounterCsvReader.Read(reader).ToList();
                await new EncounterIntake(store).ImportAsync("FM-NORTH", "ACME", () => visits, "setup", ct: ct);
            }

            var (text, claims) = LargeFile();
            await SeedClaimsAsync(store, "FM-NORTH", claims);
            var verifier = new ReplayVerifier(store);
            var before = (await verifier.VerifyAsync(ct)).Divergences.Select(d => d.Message).ToList();
            var principal = await new AccountDesk(store).ResolveAsync("mallory", AccountRules.PostRemittances, "posting an 835", ct);
            var desk = new RemittanceDesk(store);
            var bytes = Encoding.ASCII.GetBytes(text);

            var posted = await desk.ImportAsync("FM-NORTH", principal, "bulk.835", bytes, acceptUnbalanced: false, ct);
            var after = (await verifier.VerifyAsync(ct)).Divergences.Select(d => d.Message).ToList();
            var again = await desk.ImportAsync("FM-NORTH", principal, "bulk.835", bytes, acceptUnbalanced: false, ct);

            Assert.Equal((Known, Unknown, Known / 5), (posted.ClaimsMatched, posted.Unmatched.Count, posted.Denials));
            Assert.Equal(before, after);
            Assert.Equal((0, 1), (again.PaymentsPosted, again.PaymentsAlreadyPosted));
            await using (var db = store.CreateContext())
            {
                Assert.Equal(Known / 5, await db.Set<Storage.Billing.ClaimRow>().CountAsync(c => c.Status == Core.Billing.ClaimStatus.Denied, ct));
                Assert.Equal(Known - (Known / 5), await db.Set<Storage.Billing.ClaimRow>().CountAsync(c => c.Status == Core.Billing.ClaimStatus.Paid && c.PayerClaimControlNumber != null, ct));
                Assert.Equal(Unknown, await db.Set<UnmatchedClaimPaymentRow>().CountAsync(ct));
                await db.Database.ExecuteSqlRawAsync("UPDATE claim_postings SET paid = paid + 1 WHERE claim_id = 'BULK-3'", ct);
            }

            var edited = (await verifier.VerifyAsync(ct)).Divergences.Select(d => d.Message).Except(before).ToList();
            Assert.Contains(edited, m => m.Contains("claim_postings", StringComparison.Ordinal) && m.Contains("BULK-3", StringComparison.Ordinal));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync(CancellationToken.None);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
