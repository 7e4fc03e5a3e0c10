using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using CodeLedger.Storage.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace CodeLedger.Storage;

/// <summary>
/// Where the data lives: a SQLite file path (the embedded default), or a PostgreSQL connection
/// string, recognised by its leading <c>Host=</c>.
/// </summary>
public sealed record DatabaseLocation(DatabaseProvider Provider, string ConnectionString, string Display)
{
    public static DatabaseLocation Parse(string spec)
    {
        if (spec.StartsWith("Host=", StringComparison.OrdinalIgnoreCase))
        {
            var pg = new NpgsqlConnectionStringBuilder(spec);
            var display = $"PostgreSQL {pg.Host}:{pg.Port}/{pg.Database}";
            return new DatabaseLocation(DatabaseProvider.PostgreSql, pg.ConnectionString, display);
        }

        var path = Path.GetFullPath(spec);
        var sqlite = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,

            // Concurrent writers wait for the write lock instead of failing with SQLITE_BUSY.
            DefaultTimeout = 60,
        };
        return new DatabaseLocation(DatabaseProvider.Sqlite, sqlite.ConnectionString, path);
    }

    public string? SqlitePath => Provider == DatabaseProvider.Sqlite ? Display : null;

    /// <summary>What <see cref="ForBulkReads"/> gives a PostgreSQL connection to read into, unless the connection string names its own.</summary>
    public const int BulkReadBufferBytes = 1 << 20;

    /// <summary>
    /// This database for a command that streams whole tables (replay verification reads every event and
    /// every stored row): on PostgreSQL, Npgsql's read buffer is widened from its 8 KB to
    /// <see cref="BulkReadBufferBytes"/>, so gigabytes of rows arrive in a few thousand socket reads
    /// instead of hundreds of thousands, each a system call and often an asynchronous resumption on
    /// another thread (docs/PERFORMANCE.md). A read buffer size other than Npgsql's default that the connection string sets is kept.
    /// SQLite reads its file in place: unchanged.
    /// </summary>
    public DatabaseLocation ForBulkReads()
    {
        if (Provider != DatabaseProvider.PostgreSql)
        {
            return this;
        }

        var pg = new NpgsqlConnectionStringBuilder(ConnectionString);
        if (pg.ReadBufferSize != NpgsqlDefaults.ReadBufferSize)
        {
            return this;
        }

        pg.ReadBufferSize = BulkReadBufferBytes;
        return this with { ConnectionString = pg.ConnectionString };
    }

    /// <summary>Encrypts and decrypts PHI columns; set by <see cref="CodeLedgerStore.OpenAsync"/> (see <see cref="PhiKeys"/>).</summary>
    public PhiCipher Phi { get; init; } = PhiCipher.Without("this database was opened without a PHI key");

    /// <summary>
    /// A plain ADO.NET connection, not yet open, for the few reads that must not pay for starting
    /// an EF Core model (a command that only looks codes up; the migration check on open).
    /// </summary>
    public System.Data.Common.DbConnection CreateConnection() =>
        Provider == DatabaseProvider.Sqlite ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);

    public CodeLedgerDbContext CreateContext() => Provider == DatabaseProvider.Sqlite
        ? new SqliteCodeLedgerDbContext((DbContextOptions<SqliteCodeLedgerDbContext>)Options) { Phi = Phi }
        : new PostgresCodeLedgerDbContext((DbContextOptions<PostgresCodeLedgerDbContext>)Options) { Phi = Phi };

    /// <summary>
    /// Built once per database and shared: a context is created for every read and every write (a
    /// demo month creates some 70,000), and building the options and finding EF Core's service
    /// provider for them was a fifth of an empty context's cost. Options are immutable and hold
    /// nothing about the PHI key, which each context carries.
    /// </summary>
    private DbContextOptions Options => OptionsCache.GetOrAdd((Provider, ConnectionString), static key => key.Provider == DatabaseProvider.Sqlite
        ? new DbContextOptionsBuilder<SqliteCodeLedgerDbContext>()
            .UseSqlite(key.ConnectionString, o => o.MigrationsHistoryTable("__ef_migrations_history"))
            .AddInterceptors(SqlitePragmas.Instance)
            .ReplaceService<IModelCacheKeyFactory, PhiModelCacheKeyFactory>()
            .Options
        : new DbContextOptionsBuilder<PostgresCodeLedgerDbContext>()
            .UseNpgsql(key.ConnectionString, o => o.MigrationsHistoryTable("__ef_migrations_history"))
            .ReplaceService<IModelCacheKeyFactory, PhiModelCacheKeyFactory>()
            .Options);

    private static readonly ConcurrentDictionary<(DatabaseProvider Provider, string ConnectionString), DbContextOptions> OptionsCache = new();

    private static class NpgsqlDefaults
    {
        public static readonly int ReadBufferSize = new NpgsqlConnectionStringBuilder().ReadBufferSize;
    }
}
