using System.Runtime.CompilerServices;
using CodeLedger.Core.Ledger;
using CodeLedger.Storage.Mapping;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CodeLedger.Storage.Ledger;

/// <summary>
/// The ledger read for verification: one query in sequence order through the context's connection
/// and transaction, rows read straight off the rows (<see cref="StoredRowReader"/>) into <see cref="LedgerEntry"/>. It reads
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
        // Columns in order: sequential access (PostgreSQL streams the row) cannot go back.
        await using var r = await StoredRowReader.OpenAsync(db, "ledger_events", Select, ct);
        while (await r.ReadAsync(ct))
        {
            // The payload stays the UTF-8 bytes it is stored as: the chain hashes them and the fold reads their
            // JSON, both from UTF-8 (LedgerEntry.FromUtf8Payload).
            yield return LedgerEntry.FromUtf8Payload(r.GetInt64(0), r.GetInstant(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetUtf8Array(5), r.GetString(6), r.GetString(7));
        }
    }
}
