using CodeLedger.Storage;
using CodeLedger.Storage.Protection;
using CodeLedger.Testing;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CodeLedger.Storage.Tests;

/// <summary>
/// A fresh, empty database for one test: a temporary SQLite file, or a new PostgreSQL database
/// created on the server named by CODELEDGER_TEST_PG and dropped afterwards. No test sees
/// another test's data.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFolder;
    private readonly string? _pgAdmin;
    private readonly string? _pgName;

    private TestDatabase(string spec, string? sqliteFolder, string? pgAdmin, string? pgName)
    {
        Spec = spec;
        _sqliteFolder = sqliteFolder;
        _pgAdmin = pgAdmin;
        _pgName = pgName;
    }

    public string Spec { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero));

    public static Task<TestDatabase> CreateAsync(DatabaseProvider provider) =>
        provider == DatabaseProvider.Sqlite ? Task.FromResult(Sqlite()) : PostgresAsync();

    public static TestDatabase Sqlite()
    {
        var folder = Directory.CreateTempSubdirectory("codeledger-test-").FullName;
        return new TestDatabase(Path.Combine(folder, "test.db"), folder, null, null);
    }

    private static async Task<TestDatabase> PostgresAsync()
    {
        var admin = TestEnvironment.RequirePostgres();
        var template = await MigratedTemplate.Value;
        var name = "cl_test_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync(admin, $"CREATE DATABASE {name} TEMPLATE {template}");
        return new TestDatabase(SpecOf(admin, name), null, admin, name);
    }

    /// <summary>
    /// One database per test process with every migration applied, which each test's database copies:
    /// migrating an empty database took most of a PostgreSQL test's time, and the copy is what opening
    /// an empty one leaves (the migrations, nothing else: no key, no row). Dropped when the process ends.
    /// </summary>
    private static readonly Lazy<Task<string>> MigratedTemplate = new(async () =>
    {
        var admin = TestEnvironment.RequirePostgres();
        var name = "cl_template_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync(admin, $"CREATE DATABASE {name}");
        await CodeLedgerStore.OpenAsync(SpecOf(admin, name), TimeProvider.System, PhiKey);

        // A database with a session on it cannot be copied: the pooled connections the migration left go.
        NpgsqlConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)").GetAwaiter().GetResult();
            }
            catch (NpgsqlException)
            {
                // The server may be gone by now (CI stops it with the run); an exception here would fail the run at exit.
            }
        };
        return name;
    });

    private static string SpecOf(string admin, string database) => new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;

    private static async Task ExecuteAsync(string admin, string sql)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>One key for every test database: EF builds one model per key, and per-test keys would rebuild it each time.</summary>
    public static PhiKey PhiKey { get; } = PhiKey.Generate();

    public Task<CodeLedgerStore> OpenAsync() => CodeLedgerStore.OpenAsync(Spec, Time, PhiKey);

    /// <summary>Runs raw SQL behind the application's back, the way someone tampering would.</summary>
    public async Task TamperAsync(string sql)
    {
        await using var raw = await RawCommandAsync(sql);
        await raw.Command.ExecuteNonQueryAsync();
    }

    /// <summary>Reads the first column of every row, as stored, behind the application's back.</summary>
    public async Task<List<string>> RawAsync(string sql)
    {
        await using var raw = await RawCommandAsync(sql);
        var values = new List<string>();
        await using var reader = await raw.Command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    /// <summary>A command on its own connection; disposing it closes both.</summary>
    private async Task<RawCommand> RawCommandAsync(string sql)
    {
        var store = await OpenAsync();
        var connection = DatabaseLocation.Parse(Spec).Provider == DatabaseProvider.Sqlite
            ? (System.Data.Common.DbConnection)new Microsoft.Data.Sqlite.SqliteConnection(store.Location.ConnectionString)
            : new NpgsqlConnection(store.Location.ConnectionString);
        await connection.OpenAsync();
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return new RawCommand(connection, cmd);
    }

    private sealed record RawCommand(System.Data.Common.DbConnection Connection, System.Data.Common.DbCommand Command) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Command.DisposeAsync();
            await Connection.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFolder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_sqliteFolder, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }

        if (_pgAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(_pgAdmin, $"DROP DATABASE IF EXISTS {_pgName} WITH (FORCE)");
        }
    }
}
