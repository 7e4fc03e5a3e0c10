using CodeLedger.Core.Billing;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Storage.Billing;
using CodeLedger.Storage.Mapping;
using CodeLedger.Storage.Remittances;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Tests.Remittances;

/// <summary>
/// On SQLite <c>import remits</c> writes its postings and claim updates through statements bound by
/// position on the connection's handle (<see cref="SqliteValues"/>, docs/REMITTANCE.md): every column
/// must be stored exactly as EF Core's SaveChanges stores it (type and value), and a value it has no
/// rule for must be refused, never guessed.
/// </summary>
public sealed class RemittanceBulkSqliteTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_posting_written_in_bulk_is_stored_column_for_column_as_SaveChanges_stores_it_and_a_claim_update_as_well()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var store = await database.OpenAsync();
        var d = new SampleData();
        await StorageSuite.SaveAllAsync(store, d);
        ClaimRow Claim(int submission) => new()
        {
            Id = Guid.NewGuid(), PracticeId = d.Practice.Id, EncounterId = d.Encounter.Id, ClaimId = $"PCN-{submission}", Submission = submission, Frequency = ClaimFrequency.Original,
            Status = ClaimStatus.Submitted, PayerCode = "BCBS", Lines = [new ClaimLineRow(1, "L1", "99214", [], 1, [1], new DateOnly(2026, 3, 2), 75m, 75m)],
            BuiltAt = database.Time.GetUtcNow(), BuiltBy = "bulk-test", Findings = [],
        };
        var (byEf, byBulk) = (Claim(1), Claim(2));
        var payment = new RemittancePaymentRow
        {
            Id = Guid.NewGuid(), PracticeId = d.Practice.Id, PayerId = "PAYER01", TraceNumber = "EFT1", TotalPayment = 1m, FileName = "a.835", FileSha256 = new string('a', 64),
            TransactionSet = "0001", PostedAt = database.Time.GetUtcNow(), PostedBy = "bulk-test",
        };
        var postedAt = new DateTimeOffset(2026, 3, 4, 9, 0, 0, 123, TimeSpan.Zero).AddTicks(4560);
        ClaimPostingRow Posting(ClaimRow claim, Guid? reverses) => new()
        {
            Id = Guid.NewGuid(), PaymentId = payment.Id, PracticeId = d.Practice.Id, ClaimRowId = claim.Id, ClaimId = "PCN \"é\"", Position = 7, Status = "1", Charge = 100.01m,
            Paid = -80.5m, PatientResponsibility = reverses is null ? null : 0.01m, PayerClaimControlNumber = reverses is null ? null : "CCN-1", ReversesPostingId = reverses,
            MatchedByHand = reverses is not null, PostedAt = postedAt,
            Adjustments = [new RemittancePosted.Cas("CO", "45", 19.51m, ["M20"])],
            Lines = [new RemittancePosted.Line(1, 1, "99214", ["25"], 100.01m, 80.5m, [new RemittancePosted.Cas("PR", "2", 0.01m, [])], ["N130"])],
        };
        var efFirst = Posting(byEf, null);
        var efSecond = Posting(byEf, efFirst.Id);
        await store.WriteAsync("bulk-test", (db, _) =>
        {
            db.AddRange(byEf, byBulk, payment, efFirst, efSecond);
            return Task.CompletedTask;
        }, Ct);

        var bulkFirst = Posting(byBulk, null);
        var bulkSecond = Posting(byBulk, bulkFirst.Id);
        byBulk.Status = ClaimStatus.Denied;
        byBulk.PayerClaimControlNumber = "CCN-2";
        await store.WriteAsync("bulk-test", async (db, _) =>
        {
            await RemittanceBulk.InsertAsync(db, [bulkFirst, bulkSecond], Ct);
            await RemittanceBulk.UpdateClaimsAsync(db, [byBulk], new Dictionary<Guid, uint>(), Ct);
        }, Ct);
        await store.WriteAsync("bulk-test", async (db, _) =>
        {
            var tracked = await db.Set<ClaimRow>().SingleAsync(c => c.Id == byEf.Id, Ct);
            tracked.Status = ClaimStatus.Denied;
            tracked.PayerClaimControlNumber = "CCN-2";
        }, Ct);

        await using var context = store.CreateContext();
        await context.Database.OpenConnectionAsync(Ct);
        var connection = (SqliteConnection)context.Database.GetDbConnection();
        Assert.Contains("lines", Columns(connection, "claim_postings"));

        // Keys differ by row; their storage (upper-case text, as EF binds a GUID) must not.
        string Stored(string table, string id, IEnumerable<string> except)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {string.Join(" || '|' || ", Columns(connection, table).Except(except).Select(c => $"typeof(\"{c}\") || ':' || quote(\"{c}\")"))} FROM \"{table}\" WHERE id = @id";
            command.Parameters.AddWithValue("@id", id);
            return (string)command.ExecuteScalar()!;
        }

        string[] keys = ["id", "claim_row_id", "reverses_posting_id"];
        Assert.Equal(Stored("claim_postings", Key(efFirst.Id), keys), Stored("claim_postings", Key(bulkFirst.Id), keys));
        Assert.Equal(Stored("claim_postings", Key(efSecond.Id), keys), Stored("claim_postings", Key(bulkSecond.Id), keys));
        Assert.Equal(Stored("claims", Key(byEf.Id), ["id", "claim_id", "submission", "built_at"]), Stored("claims", Key(byBulk.Id), ["id", "claim_id", "submission", "built_at"]));

        // The keys the bulk rows hold are found by EF's own queries, so they are stored as EF stores them.
        var read = await context.Set<ClaimPostingRow>().AsNoTracking().Where(p => p.ClaimRowId == byBulk.Id).OrderBy(p => p.ReversesPostingId != null).ToListAsync(Ct);
        Assert.Equal([bulkFirst.Id, bulkSecond.Id], read.Select(p => p.Id));
        Assert.Equal(bulkFirst.Id, read[1].ReversesPostingId);
        Assert.Equal(postedAt, read[0].PostedAt);
        Assert.Equal(ClaimStatus.Denied, (await context.Set<ClaimRow>().AsNoTracking().SingleAsync(c => c.Id == byBulk.Id, Ct)).Status);
    }

    [Fact]
    public void A_value_of_a_type_without_a_SQLite_rule_is_refused_naming_its_column_and_a_refused_row_throws_as_a_command_would()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (x TEXT NOT NULL UNIQUE)";
            create.ExecuteNonQuery();
        }

        using var insert = SqliteValues.Prepare(connection, "INSERT INTO t (x) VALUES (?1)");
        var refused = Assert.Throws<NotSupportedException>(() => insert.Bind(1, 1.5m, "amount"));
        Assert.Contains("column amount", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Decimal", refused.Message, StringComparison.Ordinal);

        insert.Bind(1, "once", "x");
        Assert.Equal(1, insert.Step());
        insert.Bind(1, "once", "x");
        var duplicate = Assert.Throws<SqliteException>(() => insert.Step());
        Assert.Equal(19, duplicate.SqliteErrorCode);
        Assert.Contains("UNIQUE", duplicate.Message, StringComparison.Ordinal);

        // The statement is reset after a failure and serves the next row.
        insert.Bind(1, "twice", "x");
        Assert.Equal(1, insert.Step());
    }

    private static string Key(Guid id) => id.ToString().ToUpperInvariant();

    private static List<string> Columns(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}') ORDER BY cid";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
