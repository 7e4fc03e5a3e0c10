using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CodeLedger.Storage.Mapping;

/// <summary>
/// Inserts new rows without the change tracker, for bulk paths (intake, ledger flush) where EF Core's
/// per-entity bookkeeping costs about a millisecond a row. Everything about the columns comes from the
/// EF model: table and column names, and each property's relational type mapping, which applies the
/// same value converters (JSON, codes, money as cents, SQLite instants as Unix microseconds) and
/// parameter configuration as SaveChanges, so a bulk row is indistinguishable from a tracked one.
/// Runs on the context's connection inside the write's transaction (begun here if this is the write's
/// first change): the rows and their ledger events commit or roll back together.
/// </summary>
internal static class BulkInsert
{
    /// <summary>
    /// Rows per statement on PostgreSQL, which pays a round trip per statement: multi-row VALUES lists
    /// (kept well under its 65,535 parameters per statement). SQLite has no round trip: one prepared
    /// single-row statement re-bound per row (InsertSqlite).
    /// </summary>
    private const int PostgresRowsPerStatement = 200;

    public static async Task InsertAsync<T>(CodeLedgerDbContext db, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (db.Write is { } write)
        {
            // The rows are the write's first change, or one of them: its transaction begins here.
            await write.EnsureBegunAsync(ct);
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("bulk inserts run only inside the write transaction, so they commit with their ledger events");
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var (table, columns) = Tables.GetValue(entityType, Describe);

        if (db.Provider == DatabaseProvider.Sqlite)
        {
            InsertSqlite(db, table, columns, rows, ct);
            return;
        }

        var perStatement = db.Provider == DatabaseProvider.PostgreSql ? PostgresRowsPerStatement : 1;
        var connection = db.Database.GetDbConnection();
        DbCommand? full = null;
        try
        {
            var offset = 0;
            for (; offset + perStatement <= rows.Count; offset += perStatement)
            {
                full ??= await PrepareAsync(connection, transaction, table, columns, perStatement, ct);
                Bind(full, columns, rows, offset, perStatement);
                await full.ExecuteNonQueryAsync(ct);
            }

            if (offset < rows.Count)
            {
                await using var rest = await PrepareAsync(connection, transaction, table, columns, rows.Count - offset, ct);
                Bind(rest, columns, rows, offset, rows.Count - offset);
                await rest.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// SQLite: one statement prepared on the connection's own handle, bound by position and stepped once
    /// per row (<see cref="SqliteValues"/>, the one SQLite bulk path, shared with the 835 posting's rows).
    /// Through a command each row paid a parameter lookup by name per column and a data reader per
    /// execution. The values are the EF model's getters and converters, stored as Microsoft.Data.Sqlite
    /// would store them, so the rows are the same.
    /// </summary>
    private static void InsertSqlite<T>(CodeLedgerDbContext db, string table, List<Column> columns, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        var sql = new StringBuilder("INSERT INTO \"").Append(table).Append("\" (")
            .AppendJoin(", ", columns.Select(c => "\"" + c.Name + "\"")).Append(") VALUES (")
            .AppendJoin(", ", columns.Select((_, i) => "?" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))).Append(')');
        using var statement = SqliteValues.Prepare(db, sql.ToString());
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            for (var c = 0; c < columns.Count; c++)
            {
                var column = columns[c];
                var value = column.Property.GetGetter().GetClrValueUsingContainingEntity(row);
                if (value is not null && column.Mapping.Converter is { } converter)
                {
                    value = converter.ConvertToProvider(value);
                }

                statement.Bind(c + 1, value, column.Name);
            }

            statement.Step();
        }
    }

    /// <summary>The table and its columns, worked out once per model: every write's ledger flush comes through here.</summary>
    private static TableMap Describe(IEntityType entityType)
    {
        var table = entityType.GetTableName() ?? throw new InvalidOperationException($"{entityType.DisplayName()} is not mapped to a table");
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());

        // Store-generated columns (PostgreSQL's xmin row version) are the database's to fill.
        var columns = entityType.GetProperties()
            .Where(p => p.GetBeforeSaveBehavior() == PropertySaveBehavior.Save)
            .Select(p => new Column(p, p.GetColumnName(store) ?? throw new InvalidOperationException($"{entityType.DisplayName()}.{p.Name} has no column"), (RelationalTypeMapping)p.GetRelationalTypeMapping()))
            .ToList();
        return new TableMap(table, columns);
    }

    private static readonly ConditionalWeakTable<IEntityType, TableMap> Tables = [];

    private static async Task<DbCommand> PrepareAsync(DbConnection connection, DbTransaction transaction, string table, List<Column> columns, int rowCount, CancellationToken ct)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder("INSERT INTO \"").Append(table).Append("\" (")
            .AppendJoin(", ", columns.Select(c => "\"" + c.Name + "\"")).Append(") VALUES ");
        for (var r = 0; r < rowCount; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var name = ParameterName(r, c, columns.Count);
                sql.Append(c == 0 ? string.Empty : ", ").Append('@').Append(name);

                // The type mapping configures the parameter (DbType, provider type) exactly as SaveChanges would.
                command.Parameters.Add(columns[c].Mapping.CreateParameter(command, name, null, columns[c].Property.IsNullable));
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        await command.PrepareAsync(ct);
        return command;
    }

    private static void Bind<T>(DbCommand command, List<Column> columns, IReadOnlyList<T> rows, int offset, int count)
        where T : class
    {
        for (var r = 0; r < count; r++)
        {
            var row = rows[offset + r];
            for (var c = 0; c < columns.Count; c++)
            {
                var column = columns[c];
                var value = column.Property.GetGetter().GetClrValueUsingContainingEntity(row);
                if (value is not null && column.Mapping.Converter is { } converter)
                {
                    value = converter.ConvertToProvider(value);
                }

                command.Parameters[(r * columns.Count) + c].Value = value ?? DBNull.Value;
            }
        }
    }

    private static string ParameterName(int row, int column, int columnCount) =>
        "p" + ((row * columnCount) + column).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping);

    private sealed record TableMap(string Table, List<Column> Columns);
}
