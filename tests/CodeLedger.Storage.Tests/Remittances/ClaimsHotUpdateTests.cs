using System.Data.Common;
using CodeLedger.Core.Billing;
using CodeLedger.Storage.Billing;
using CodeLedger.Storage.Remittances;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CodeLedger.Storage.Tests.Remittances;

/// <summary>
/// The claims table is laid out so that updating a claim is a HOT update on PostgreSQL
/// (docs/PERFORMANCE.md, "HOT claim updates"; migration ClaimsHotUpdates): no index names a column a
/// claim's life changes, and half of each page is left free. The status queries that used the
/// (practice, status) index still read through an index: on PostgreSQL the practice's (practice, CLM01)
/// one; SQLite, which has no HOT updates, keeps the (practice, status) index.
/// </summary>
public sealed class ClaimsHotUpdateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every column that submission, acknowledgment or posting changes on an existing claim.</summary>
    private static readonly string[] ChangingColumns =
    [
        "status", "payer_claim_control_number", "submitted_at", "interchange_control_number", "receiver_id", "group_control_number",
        "transaction_control_number", "acknowledged_at", "file_name",
    ];

    [Fact]
    public async Task On_PostgreSQL_no_index_of_the_claims_table_names_a_column_that_a_claims_life_changes()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        _ = await database.OpenAsync();

        var indexed = await database.RawAsync("""
            SELECT i.relname || '.' || a.attname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY (x.indkey) WHERE t.relname = 'claims'
            """);

        Assert.Contains(indexed, i => i.EndsWith(".practice_id", StringComparison.Ordinal));
        Assert.DoesNotContain(indexed, i => ChangingColumns.Contains(i[(i.IndexOf('.', StringComparison.Ordinal) + 1)..]));
    }

    [Fact]
    public async Task On_PostgreSQL_the_claims_table_keeps_half_of_each_page_free()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        _ = await database.OpenAsync();

        Assert.Equal(["fillfactor=50"], await database.RawAsync("SELECT unnest(reloptions) FROM pg_class WHERE relname = 'claims'"));
    }

    [Fact]
    public async Task On_PostgreSQL_posting_every_claim_of_a_practice_in_one_transaction_updates_each_in_place_of_its_page()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        var store = await database.OpenAsync();
        var d = new SampleData();
        await StorageSuite.SaveAllAsync(store, d);

        // Enough claims to fill several pages, each as wide as a real one (lines of JSON inline).
        const int count = 400;
        var claims = Enumerable.Range(1, count).Select(n => new ClaimRow
        {
            Id = Guid.NewGuid(), PracticeId = d.Practice.Id, EncounterId = d.Encounter.Id, ClaimId = $"PCN-{n}", Submission = n, Frequency = ClaimFrequency.Original,
            Status = ClaimStatus.Submitted, PayerCode = "BCBS", PayerId = "PAYER01", BuiltAt = database.Time.GetUtcNow(), BuiltBy = "hot-test", Findings = [],
            Lines = [.. Enumerable.Range(1, 3).Select(l => new ClaimLineRow(l, $"PCN-{n}-L{l}", "99214", ["25"], 1, [1], new DateOnly(2026, 3, 2), 75m, 75m))],
        }).ToList();
        await store.WriteAsync("hot-test", (db, _) =>
        {
            db.AddRange(claims);
            return Task.CompletedTask;
        }, Ct);
        Assert.True(await PagesAsync(database) >= 4, "the claims span several pages");

        (long Updated, long Hot) counted = default;
        await store.WriteAsync("hot-test", async (db, _) =>
        {
            var (read, versions) = await RemittanceClaimRows.ReadAsync(db, d.Practice.Id, Ct);
            foreach (var c in read)
            {
                (c.Status, c.PayerClaimControlNumber) = (ClaimStatus.Paid, "CCN-" + c.ClaimId);
            }

            await RemittanceBulk.UpdateClaimsAsync(db, read, versions, Ct);
            counted = await TransactionUpdatesAsync(db);
        }, Ct);

        Assert.Equal((count, count), counted);
        Assert.Equal(
            claims.Select(c => $"{c.ClaimId} paid CCN-{c.ClaimId}").Order(StringComparer.Ordinal),
            (await database.RawAsync("SELECT claim_id || ' ' || status || ' ' || payer_claim_control_number FROM claims")).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_claims_of_one_status_and_the_demos_claims_of_a_payer_and_status_are_read_through_an_index_of_the_practice(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = await database.OpenAsync();
        await using var db = store.CreateContext();
        await db.Database.OpenConnectionAsync(Ct);
        var practice = Guid.NewGuid();

        // The shapes of ClaimDesk.ListAsync with a status and of the demo's claims awaiting a payment.
        var byStatus = db.Set<ClaimRow>().AsNoTracking().Where(c => c.PracticeId == practice).Where(c => c.Status == ClaimStatus.FixQueue);
        var byPayer = db.Set<ClaimRow>().AsNoTracking().Where(c => c.PracticeId == practice && c.PayerCode == "BCBS" && c.Status == ClaimStatus.Accepted);

        foreach (var query in new[] { byStatus, byPayer })
        {
            var plan = await PlanAsync(db, query.CreateDbCommand(), provider);
            // SQLite keeps its (practice, status) index; PostgreSQL reads through (practice, CLM01).
            Assert.Contains(provider == DatabaseProvider.Sqlite ? "USING INDEX IX_claims_practice_id_status (practice_id=? AND status=?)" : "IX_claims_practice_id_claim_id", plan, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// The plan of a query. On PostgreSQL an empty table is cheapest to scan whole, so sequential scans
    /// are priced out for the question asked here: whether an index serves the query at all.
    /// </summary>
    private static async Task<string> PlanAsync(CodeLedgerDbContext db, DbCommand command, DatabaseProvider provider)
    {
        await using var _ = command;
        if (provider == DatabaseProvider.PostgreSql)
        {
            await using var off = db.Database.GetDbConnection().CreateCommand();
            off.CommandText = "SET enable_seqscan = off";
            await off.ExecuteNonQueryAsync(Ct);
        }

        command.CommandText = (provider == DatabaseProvider.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + command.CommandText;
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            plan.Add(reader.GetString(provider == DatabaseProvider.Sqlite ? 3 : 0));
        }

        return string.Join('\n', plan);
    }

    private static async Task<long> PagesAsync(TestDatabase database)
    {
        await database.TamperAsync("VACUUM ANALYZE claims");
        return long.Parse((await database.RawAsync("SELECT relpages::text FROM pg_class WHERE relname = 'claims'")).Single(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>This transaction's updates of the claims table so far, and how many of them were HOT.</summary>
    private static async Task<(long Updated, long Hot)> TransactionUpdatesAsync(CodeLedgerDbContext db)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = "SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_xact_user_tables WHERE relname = 'claims'";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
