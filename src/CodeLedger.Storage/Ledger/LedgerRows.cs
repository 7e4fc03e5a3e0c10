using System.Data;
using System.Runtime.CompilerServices;
using CodeLedger.Core.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CodeLedger.Storage.Ledger;

/// <summary>
/// The ledger read for verification: one query in sequence order through the context's connection
/// and transaction, rows read straight off the data reader into <see cref="LedgerEntry"/>. It reads
/// the same columns EF Core maps (<see cref="LedgerEventRowConfiguration"/>) without EF's per-row
/// materialization, which at millions of events costs more than the hashing (docs/PERFORMANCE.md).
/// </summary>
internal static class LedgerRows
{
    private const string Select = "SELECT sequence, instant, actor, type, subject, payload, previous_hash, hash FROM ledger_events ORDER BY sequence";

    /// <summary>The last event's sequence and hash (0 and the genesis hash for an empty ledger), in the context's transaction.</summary>
    public static async Task<(long Count, string Head)> HeadAsync(CodeLedgerDbContext db, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT sequence, hash FROM ledger_events ORDER BY sequence DESC LIMIT 1";
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetString(1)) : (0, LedgerHash.Genesis);
    }

    /// <summary>Every event in sequence order; the caller has opened the connection (and its transaction, if any).</summary>
    public static async IAsyncEnumerable<LedgerEntry> ReadAsync(CodeLedgerDbContext db, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var sqlite = db.Provider == DatabaseProvider.Sqlite;
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = Select;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        while (await reader.ReadAsync(ct))
        {
            // Columns in order: sequential access (PostgreSQL streams the row) cannot go back.
            var sequence = reader.GetInt64(0);

            // SQLite stores an instant as microseconds since the Unix epoch (SqliteCodeLedgerDbContext),
            // PostgreSQL as timestamptz.
            var instant = sqlite
                ? new DateTimeOffset(DateTimeOffset.UnixEpoch.UtcTicks + (reader.GetInt64(1) * 10), TimeSpan.Zero)
                : reader.GetFieldValue<DateTimeOffset>(1);
            yield return new LedgerEntry(
                sequence, instant, reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7));
        }
    }
}
