using Npgsql;

namespace CodeLedger.Benchmarks.Workflow;

/// <summary>
/// A fresh database for one benchmark: a SQLite file in a temporary folder, or a new PostgreSQL
/// database on the server CODELEDGER_BENCH_PG names (a connection string to an admin database),
/// dropped afterwards. PostgreSQL variants run only when that variable is set.
/// </summary>
internal sealed class BenchDatabase : IDisposable
{
    public const string PostgresVariable = "CODELEDGER_BENCH_PG";

    private readonly string? _folder;
    private readonly string? _pgDatabase;

    private BenchDatabase(string spec, string? folder, string? pgDatabase)
    {
        Spec = spec;
        _folder = folder;
        _pgDatabase = pgDatabase;
    }

    /// <summary>The --db value: a file path or a PostgreSQL connection string.</summary>
    public string Spec { get; }

    public static IEnumerable<string> Providers() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } ? ["sqlite", "postgresql"] : ["sqlite"];

    public static BenchDatabase Create(string provider, string name)
    {
        if (provider == "sqlite")
        {
            var folder = Directory.CreateTempSubdirectory($"codeledger-bench-{name}-").FullName;
            return new BenchDatabase(Path.Combine(folder, name + ".db"), folder, null);
        }

        var admin = Environment.GetEnvironmentVariable(PostgresVariable)!;
        var database = "cl_bench_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            cmd.ExecuteNonQuery();
        }

        return new BenchDatabase(new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString, null, database);
    }

    /// <summary>
    /// A fresh copy of <paramref name="template"/> (whose connections must be closed): SQLite, its folder's
    /// files under the same names (the database, its WAL, its PHI key file); PostgreSQL, CREATE DATABASE ... TEMPLATE.
    /// </summary>
    public static BenchDatabase CopyOf(BenchDatabase template, string name)
    {
        if (template._folder is not null)
        {
            var folder = Directory.CreateTempSubdirectory($"codeledger-bench-{name}-").FullName;
            foreach (var file in Directory.GetFiles(template._folder))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            return new BenchDatabase(Path.Combine(folder, Path.GetFileName(template.Spec)), folder, null);
        }

        var admin = Environment.GetEnvironmentVariable(PostgresVariable)!;
        var database = "cl_bench_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {database} TEMPLATE {template._pgDatabase}", connection);
            cmd.ExecuteNonQuery();
        }

        return new BenchDatabase(new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString, null, database);
    }

    public void Dispose()
    {
        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }

        if (_pgDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
            connection.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgDatabase} WITH (FORCE)", connection);
            cmd.ExecuteNonQuery();
        }
    }
}
