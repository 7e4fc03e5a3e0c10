using System.Data.Common;
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
}
