using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CodeLedger.Storage;

/// <summary>
/// Per-connection SQLite settings. In WAL mode, synchronous=NORMAL syncs at checkpoints instead
/// of at every commit (SQLite's recommended setting for WAL): a crash of the application loses
/// nothing committed, an operating-system crash or power loss may lose the last few commits, but
/// never corrupts the file nor separates a change from its ledger event, because both are in one
/// transaction. Commits get several times cheaper. Production runs on PostgreSQL.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Pragmas = "PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragmas;
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragmas;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Widens the page cache of <paramref name="db"/>'s open connection to <paramref name="kib"/> KiB
    /// for one large read or write (SQLite only: nothing on PostgreSQL) and returns what puts the
    /// previous size back when disposed. SQLite's own default is 2 MiB; the connection goes back to the
    /// pool afterwards (the web host keeps it) and must not keep a cache sized for one command.
    /// </summary>
    public static async Task<IAsyncDisposable> WidenCacheAsync(CodeLedgerDbContext db, int kib, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kib);
        if (db.Provider != DatabaseProvider.Sqlite)
        {
            return NothingToRestore.Instance;
        }

        var connection = db.Database.GetDbConnection();
        await using var read = connection.CreateCommand();
        read.CommandText = "PRAGMA cache_size";
        var previous = Convert.ToInt64(await read.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        await PragmaAsync(connection, $"PRAGMA cache_size = -{kib}", ct);
        return new CacheRestore(connection, previous);
    }

    private static async Task PragmaAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private sealed class CacheRestore(DbConnection connection, long previous) : IAsyncDisposable
    {
        // Not cancellable: a cancelled command still hands its connection back to the pool.
        public async ValueTask DisposeAsync() => await PragmaAsync(connection, $"PRAGMA cache_size = {previous}", CancellationToken.None);
    }

    private sealed class NothingToRestore : IAsyncDisposable
    {
        public static readonly NothingToRestore Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
