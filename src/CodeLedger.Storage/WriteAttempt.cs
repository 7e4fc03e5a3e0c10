using System.Data;
using System.Globalization;
using CodeLedger.Storage.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CodeLedger.Storage;

/// <summary>
/// One run of a <see cref="CodeLedgerStore.WriteAsync{T}"/> change on its own connection. The
/// change reads and builds its rows with no transaction and no lock; the transaction begins at the
/// first row written (a save, a bulk insert or the ledger flush), and the ledger's ordering lock is
/// taken only to number and append the events, just before the commit.
/// <list type="bullet">
/// <item>SQLite: the transaction is <c>BEGIN IMMEDIATE</c>, SQLite's one write lock; a second process
/// waits for it (busy timeout) instead of failing. What the change read must still be true when it
/// writes: <c>PRAGMA data_version</c>, read before the change's first read and again under the lock,
/// differs when any other connection committed in between, and the attempt is then a lost race.</item>
/// <item>PostgreSQL: the transaction is READ COMMITTED and takes no lock until it writes; rows it
/// writes are row-locked, rows it read and changed are checked by their row version (xmin), every
/// encounter it changes has its work item written too (<see cref="EncounterConcurrency"/>), and a
/// transaction-scoped advisory lock orders the appends. A conflict is a lost race.</item>
/// </list>
/// A lost race rolls everything back; the store runs the change again (<see cref="CodeLedgerStore.WriteAsync{T}"/>).
/// </summary>
internal sealed class WriteAttempt
{
    /// <summary>Key of the PostgreSQL advisory lock that orders ledger appends across processes ("CodeLedg"; unchanged, so older builds still queue on it).</summary>
    private const long LedgerLockKey = 0x436F64654C656467;

    private readonly CodeLedgerDbContext _db;
    private readonly bool _lockedFromStart;
    private long _dataVersion;

    private WriteAttempt(CodeLedgerDbContext db, bool lockedFromStart)
    {
        _db = db;
        _lockedFromStart = lockedFromStart;
    }

    /// <summary>
    /// Opens the attempt's connection (kept for the whole attempt, so reads, checks and writes share
    /// one SQLite data version and one PostgreSQL session). <paramref name="lockedFromStart"/>: take
    /// the SQLite write lock before the change reads anything, so that this attempt cannot lose a race.
    /// </summary>
    public static async Task<WriteAttempt> StartAsync(CodeLedgerDbContext db, bool lockedFromStart, CancellationToken ct)
    {
        var attempt = new WriteAttempt(db, lockedFromStart && db.Provider == DatabaseProvider.Sqlite);
        db.Write = attempt;
        await db.Database.OpenConnectionAsync(ct);
        if (attempt._lockedFromStart)
        {
            await attempt.BeginAsync(ct);
        }
        else if (db.Provider == DatabaseProvider.Sqlite)
        {
            attempt._dataVersion = await attempt.DataVersionAsync(ct);
        }

        return attempt;
    }

    private bool Began => _db.Database.CurrentTransaction is not null;

    /// <summary>Begins the write's transaction unless it has begun; on SQLite, refuses (lost race) if another connection committed since the change started reading.</summary>
    public async Task EnsureBegunAsync(CancellationToken ct)
    {
        if (Began)
        {
            return;
        }

        await BeginAsync(ct);
        if (_db.Provider == DatabaseProvider.Sqlite && await DataVersionAsync(ct) != _dataVersion)
        {
            throw new WriteConflictException("another connection committed between this write's reads and its first change");
        }
    }

    public async Task BeforeSaveAsync(CancellationToken ct)
    {
        await EnsureBegunAsync(ct);
        if (_db.Provider == DatabaseProvider.PostgreSql)
        {
            await EncounterConcurrency.ClaimAsync(_db, ct);
        }
    }

    /// <summary>
    /// The statement that takes the ledger's ordering lock, to run just before the tail is read and
    /// held to the commit: PostgreSQL's transaction-scoped advisory lock. Null on SQLite, where the
    /// write transaction (<see cref="EnsureBegunAsync"/>) is the lock.
    /// </summary>
    public string? LedgerLockStatement => _db.Provider == DatabaseProvider.PostgreSql ? LedgerLock : null;

    private static readonly string LedgerLock = string.Create(CultureInfo.InvariantCulture, $"SELECT pg_advisory_xact_lock({LedgerLockKey})");

    /// <summary>Commits what was written; an attempt that wrote nothing has nothing to commit.</summary>
    public async Task CommitAsync(CancellationToken ct)
    {
        if (_db.Database.CurrentTransaction is { } transaction)
        {
            await transaction.CommitAsync(ct);
        }
    }

    // READ COMMITTED whatever the server's default: each statement sees every commit before it, which
    // is what lets the tail read under the advisory lock see the previous append (a snapshot taken at the
    // first statement, as in REPEATABLE READ, would not).
    private Task BeginAsync(CancellationToken ct) => _db.Provider == DatabaseProvider.PostgreSql
        ? _db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct)
        : _db.Database.BeginTransactionAsync(ct);

    /// <summary>SQLite's count of commits by other connections, as this connection sees the file now.</summary>
    private async Task<long> DataVersionAsync(CancellationToken ct)
    {
        await using var command = _db.Database.GetDbConnection().CreateCommand();
        command.Transaction = _db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = "PRAGMA data_version";
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }
}

/// <summary>A write lost a race to a concurrent one and must run again from its reads.</summary>
internal sealed class WriteConflictException(string message) : Exception(message);
