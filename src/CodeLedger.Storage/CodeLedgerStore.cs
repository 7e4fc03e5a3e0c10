using System.Reflection;
using System.Runtime.CompilerServices;
using CodeLedger.Core.Ledger;
using CodeLedger.Storage.Ledger;
using CodeLedger.Storage.Protection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CodeLedger.Storage;

/// <summary>
/// An opened CodeLedger database. Opening checks that the target is a CodeLedger database (or
/// empty) before touching it, then applies pending migrations. Every change goes through
/// <see cref="WriteAsync{T}"/>, which commits the change and its ledger events in one transaction.
/// </summary>
public sealed class CodeLedgerStore
{
    private CodeLedgerStore(DatabaseLocation location, TimeProvider time)
    {
        Location = location;
        Time = time;
    }

    public DatabaseLocation Location { get; }

    public TimeProvider Time { get; }

    public static Task<CodeLedgerStore> OpenAsync(string spec, TimeProvider time, CancellationToken ct = default) => OpenAsync(spec, time, null, ct);

    /// <summary>Opens with this PHI key instead of the one <see cref="PhiKeys"/> would find.</summary>
    public static async Task<CodeLedgerStore> OpenAsync(string spec, TimeProvider time, PhiKey? phiKey, CancellationToken ct = default)
    {
        var location = DatabaseLocation.Parse(spec);
        await EnsureUsableAsync(location, ct);
        location = location with { Phi = await PhiKeys.ResolveAsync(location, phiKey, ct) };
        var store = new CodeLedgerStore(location, time);
        await store.MigrateAsync(ct);
        return store;
    }

    public CodeLedgerDbContext CreateContext() => Location.CreateContext();

    public async Task MigrateAsync(CancellationToken ct = default)
    {
        if (await IsMigratedAsync(ct))
        {
            return;
        }

        await using var db = CreateContext();
        await db.Database.MigrateAsync(ct);
        if (Location.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers run while one writer appends; the setting persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        // Query texts stored in clear before they were PHI columns (docs/STORAGE.md, "PHI at rest").
        await PlaintextQueryText.EncryptAsync(Location, ct);
    }

    /// <summary>
    /// True when the database already has every migration this build carries, read from the
    /// history table on a plain connection. Then opening starts no EF Core model, which took most
    /// of a short command's time (docs/PERFORMANCE-HISTORY.md, "Command latency"); otherwise EF migrates as
    /// before (and creates the history table of a new database). WAL mode, set at creation, stays
    /// in the file.
    /// </summary>
    private async Task<bool> IsMigratedAsync(CancellationToken ct)
    {
        var carried = MigrationIds(Location.Provider);
        await using var connection = Location.CreateConnection();
        await connection.OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = Location.Provider == DatabaseProvider.Sqlite
            ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__ef_migrations_history'"
            : "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '__ef_migrations_history'";
        if (Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return false;
        }

        cmd.CommandText = "SELECT \"MigrationId\" FROM \"__ef_migrations_history\"";
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                applied.Add(reader.GetString(0));
            }
        }

        return carried.All(applied.Contains);
    }

    /// <summary>The migrations of the provider's context in this assembly, by their [Migration] ids.</summary>
    private static IReadOnlyList<string> MigrationIds(DatabaseProvider provider)
    {
        var context = provider == DatabaseProvider.Sqlite ? typeof(SqliteCodeLedgerDbContext) : typeof(PostgresCodeLedgerDbContext);
        return [.. typeof(CodeLedgerStore).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Microsoft.EntityFrameworkCore.Migrations.Migration))
                && t.GetCustomAttribute<Microsoft.EntityFrameworkCore.Infrastructure.DbContextAttribute>()?.ContextType == context)
            .Select(t => t.GetCustomAttribute<Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute>()!.Id)];
    }

    public Task WriteAsync(string actor, Func<CodeLedgerDbContext, LedgerAppender, Task> change, CancellationToken ct = default) =>
        WriteAsync<bool>(actor, async (db, ledger) =>
        {
            await change(db, ledger);
            return true;
        }, ct);

    /// <summary>
    /// Runs <paramref name="change"/> and appends the events it queued, all in one transaction, so
    /// no event exists without its change nor a change without its events. The change reads and
    /// builds without any lock; the transaction begins at its first write and the ledger's ordering
    /// lock is held only while the events are numbered, chained and inserted, up to the commit
    /// (<see cref="WriteAttempt"/>; docs/STORAGE.md, "Writes and the ledger"). When a concurrent write
    /// committed something this one depended on, the attempt rolls back and
    /// <paramref name="change"/> runs again from the start: it must derive everything from what it
    /// reads and have no effect outside the context and the ledger (or undo it at its start).
    /// </summary>
    public async Task<T> WriteAsync<T>(string actor, Func<CodeLedgerDbContext, LedgerAppender, Task<T>> change, CancellationToken ct = default)
    {
        var duplicateRetried = false;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // After a lost race, SQLite runs the change again holding its write lock from the
                // start, where no other writer can invalidate it: two attempts at most.
                return await AttemptAsync(actor, change, lockedFromStart: attempt > 1, ct);
            }
            catch (Exception e) when (LostRace(e) is { } race)
            {
                // A unique key broken twice is a real duplicate, not a race: the second attempt had
                // read the rival's committed row and still inserted the same key.
                if (race == Race.Duplicate && duplicateRetried)
                {
                    throw;
                }

                duplicateRetried |= race == Race.Duplicate;
                if (attempt >= MaxAttempts)
                {
                    throw new StorageException(StorageErrorCodes.WriteConflict,
                        $"a write by {actor} conflicted with concurrent writes {attempt} times in a row and was given up; nothing of it was committed", e);
                }

                // PostgreSQL has no lock to run the next attempt under (SQLite does), so two writers
                // of one row in a tight loop can keep colliding in step on a loaded machine. A random
                // pause that grows with each loss breaks the step; it is no business time, so the
                // injected clock has nothing to say about it.
                if (Location.Provider == DatabaseProvider.PostgreSql)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 1 << Math.Min(attempt + 1, 7))), ct);
                }
            }
        }
    }

    /// <summary>Attempts per write. PostgreSQL retries while rivals keep committing first (each conflict means one did); SQLite needs two.</summary>
    private const int MaxAttempts = 10;

    private async Task<T> AttemptAsync<T>(string actor, Func<CodeLedgerDbContext, LedgerAppender, Task<T>> change, bool lockedFromStart, CancellationToken ct)
    {
        await using var db = CreateContext();
        var write = await WriteAttempt.StartAsync(db, lockedFromStart, ct);
        var ledger = new LedgerAppender(actor, Time);
        var result = await change(db, ledger);
        await db.SaveChangesAsync(ct);
        await ledger.FlushAsync(db, write, ct);
        await write.CommitAsync(ct);
        return result;
    }

    private enum Race
    {
        /// <summary>SQLite: another connection committed between this write's reads and its first change.</summary>
        Snapshot,

        /// <summary>PostgreSQL: a row this write read changed before it wrote (row version), or the server broke a deadlock or a serialization conflict.</summary>
        Row,

        /// <summary>PostgreSQL: a concurrent write inserted the same unique key first (two imports of one encounter).</summary>
        Duplicate,
    }

    private Race? LostRace(Exception e)
    {
        if (e is WriteConflictException)
        {
            return Race.Snapshot;
        }

        if (Location.Provider != DatabaseProvider.PostgreSql)
        {
            // Anything else SQLite reports happened under its write lock to current data: not a race.
            return null;
        }

        if (e is DbUpdateConcurrencyException)
        {
            return Race.Row;
        }

        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is PostgresException pg)
            {
                return pg.SqlState switch
                {
                    PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected => Race.Row,
                    PostgresErrorCodes.UniqueViolation => Race.Duplicate,
                    _ => null,
                };
            }
        }

        return null;
    }

    public async IAsyncEnumerable<LedgerEntry> ReadLedgerAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = CreateContext();
        await foreach (var e in db.LedgerEvents.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return new LedgerEntry(e.Sequence, e.Instant, e.Actor, e.Type, e.Subject, e.Payload, e.PreviousHash, e.Hash);
        }
    }

    public async Task<LedgerVerification> VerifyLedgerAsync(CancellationToken ct = default)
    {
        var verifier = new LedgerVerifier();
        await foreach (var e in ReadLedgerAsync(ct))
        {
            if (!verifier.Add(e))
            {
                break;
            }
        }

        return verifier.Result();
    }

    /// <summary>Refuses, before creating or changing anything, a target that is not (or not yet) a CodeLedger database.</summary>
    private static async Task EnsureUsableAsync(DatabaseLocation location, CancellationToken ct)
    {
        if (location.Provider == DatabaseProvider.Sqlite)
        {
            await EnsureSqliteUsableAsync(location.Display, ct);
            return;
        }

        await EnsurePostgresUsableAsync(location, ct);
    }

    private static async Task EnsureSqliteUsableAsync(string path, CancellationToken ct)
    {
        if (Directory.Exists(path))
        {
            throw new StorageException(StorageErrorCodes.NotCodeLedger, $"{path} is a folder, not a CodeLedger database file");
        }

        var folder = Path.GetDirectoryName(path);
        if (folder is { Length: > 0 } && !Directory.Exists(folder))
        {
            throw new StorageException(StorageErrorCodes.FolderMissing, $"folder {folder} does not exist (database {path})");
        }

        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            return;
        }

        var header = new byte[16];
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            var read = await file.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
            if (read < 16 || !header.AsSpan().SequenceEqual("SQLite format 3\0"u8))
            {
                throw new StorageException(StorageErrorCodes.NotCodeLedger, $"{path} is not a CodeLedger database (not a SQLite file)");
            }
        }

        var readOnly = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString;
        await using var connection = new SqliteConnection(readOnly);
        try
        {
            await connection.OpenAsync(ct);
            var foreign = await ForeignTableAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", ct);
            if (foreign is not null)
            {
                throw new StorageException(StorageErrorCodes.NotCodeLedger, $"{path} is a SQLite database but not a CodeLedger one (it has tables such as '{foreign}' and no CodeLedger schema history)");
            }
        }
        catch (SqliteException e)
        {
            throw new StorageException(StorageErrorCodes.NotCodeLedger, $"{path} is not a readable CodeLedger database: {e.Message}", e);
        }
    }

    private static async Task EnsurePostgresUsableAsync(DatabaseLocation location, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(location.ConnectionString) { Timeout = 10, Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or InvalidOperationException)
        {
            throw new StorageException(StorageErrorCodes.Unreachable, $"cannot reach {location.Display}: {e.Message}", e);
        }

        var foreign = await ForeignTableAsync(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'", ct);
        if (foreign is not null)
        {
            throw new StorageException(StorageErrorCodes.NotCodeLedger, $"{location.Display} is not a CodeLedger database (its schema has tables such as '{foreign}' and no CodeLedger schema history)");
        }
    }

    /// <summary>
    /// A table of some other application: the first one listed, when the database has tables but
    /// no CodeLedger migration history. Null for an empty database or a CodeLedger one.
    /// </summary>
    private static async Task<string?> ForeignTableAsync(System.Data.Common.DbConnection connection, string listTables, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = listTables;
        var tables = new List<string>();
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                tables.Add(reader.GetString(0));
            }
        }

        return tables.Count > 0 && !tables.Contains("__ef_migrations_history") ? tables.Order(StringComparer.Ordinal).First() : null;
    }
}
