using CodeLedger.Core.Common;
using CodeLedger.Core.Ledger;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Storage.Mapping;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CodeLedger.Storage.Ledger;

/// <summary>
/// Collects the events of one write and appends them, hash-chained, inside the write's transaction
/// after the state change is saved. The ledger's ordering lock is taken here, just before the tail is
/// read (SQLite: the write transaction itself; PostgreSQL: an advisory lock held to the commit), so
/// the tail cannot change until these events are committed after it.
/// </summary>
public sealed class LedgerAppender
{
    private readonly List<(string Type, string Subject, string Payload)> _pending = [];
    private readonly string _actor;
    private readonly TimeProvider _time;

    internal LedgerAppender(string actor, TimeProvider time)
    {
        _actor = string.IsNullOrWhiteSpace(actor) ? throw new ArgumentException("an actor is required for every ledger event", nameof(actor)) : actor;
        _time = time;
    }

    public int PendingCount => _pending.Count;

    /// <summary>
    /// Queues one event of <typeparamref name="TEvent"/>'s type about <paramref name="subject"/>.
    /// The payload is serialized now, so later changes to the objects it was built from do not leak in.
    /// </summary>
    public void Append<TEvent>(string subject, TEvent payload)
        where TEvent : ILedgerEvent
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentNullException.ThrowIfNull(payload);
        _pending.Add((TEvent.Type, subject, LedgerEvents.Serialize(payload)));
    }

    internal async Task<IReadOnlyList<LedgerEntry>> FlushAsync(CodeLedgerDbContext db, WriteAttempt write, CancellationToken ct)
    {
        if (_pending.Count == 0)
        {
            return [];
        }

        await write.EnsureBegunAsync(ct);
        var (sequence, previous) = await LockAndReadTailAsync(db, write.LedgerLockStatement, ct);
        var instant = Instants.Now(_time);
        var written = new List<LedgerEntry>(_pending.Count);
        var rows = new List<LedgerEventRow>(_pending.Count);
        foreach (var (type, subject, payload) in _pending)
        {
            sequence++;
            var hash = LedgerHash.Compute(sequence, instant, _actor, type, subject, payload, previous);
            rows.Add(new LedgerEventRow
            {
                Sequence = sequence,
                Instant = instant,
                Actor = _actor,
                Type = type,
                Subject = subject,
                Payload = payload,
                PreviousHash = previous,
                Hash = hash,
            });
            written.Add(new LedgerEntry(sequence, instant, _actor, type, subject, payload, previous, hash));
            previous = hash;
        }

        // Inserted without the change tracker: intake flushes a thousand events per batch, and the
        // rows are never updated, so tracking them only cost time. Same transaction, under the lock.
        await BulkInsert.InsertAsync(db, rows, ct);
        _pending.Clear();
        return written;
    }

    /// <summary>
    /// Takes the ledger's ordering lock (<paramref name="lockStatement"/>; SQLite holds it already)
    /// and reads the last event's sequence and hash (0 and the genesis hash for an empty ledger). One
    /// command, so one round trip on PostgreSQL; its second statement starts, and takes its READ
    /// COMMITTED snapshot, only once the lock is held, so it sees the previous holder's commit. The
    /// tail is the primary key's last entry: one index seek whatever the ledger's length (SQLite: the
    /// rowid b-tree's last page; PostgreSQL: a backward index scan stopping at its first row). A
    /// plain command, not a LINQ query: every write runs it, and EF Core's query pipeline cost more
    /// than the seek.
    /// </summary>
    private static async Task<(long Sequence, string Hash)> LockAndReadTailAsync(CodeLedgerDbContext db, string? lockStatement, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var tail = TailSql.GetValue(db.Model, static model =>
        {
            var entity = model.FindEntityType(typeof(LedgerEventRow))!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var sequence = entity.FindProperty(nameof(LedgerEventRow.Sequence))!.GetColumnName(table);
            var hash = entity.FindProperty(nameof(LedgerEventRow.Hash))!.GetColumnName(table);
            return $"SELECT \"{sequence}\", \"{hash}\" FROM \"{table.Name}\" ORDER BY \"{sequence}\" DESC LIMIT 1";
        });
        command.CommandText = lockStatement is null ? tail : lockStatement + ";" + tail;
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (lockStatement is not null)
        {
            await reader.NextResultAsync(ct);
        }

        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetString(1)) : (0, LedgerHash.Genesis);
    }

    private static readonly ConditionalWeakTable<IModel, string> TailSql = [];
}
