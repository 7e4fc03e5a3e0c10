using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using CodeLedger.Storage.Billing;
using CodeLedger.Storage.Mapping;
using CodeLedger.Storage.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CodeLedger.Storage.Remittances;

/// <summary>
/// The posting rows of <c>import remits</c> written without the change tracker (docs/PERFORMANCE.md,
/// "835 posting"): a 200,000-claim 835 is 200,000 postings and as many claim updates, and EF Core's
/// per-entity bookkeeping (with a JSON snapshot of every claim's lines) cost about 0.4 ms a claim.
/// Columns, names and value converters come from the EF model, as in <see cref="BulkInsert"/>, so a
/// row written here reads back exactly as a tracked one would. Everything runs on the write's
/// connection inside its transaction: a failure anywhere leaves nothing.
/// </summary>
internal static class RemittanceBulk
{
    /// <summary>
    /// Inserts new rows. SQLite: <see cref="BulkInsert"/> (one prepared statement re-bound per row: SQLite
    /// has no round trip, and a re-bound prepared statement measured faster than multi-row VALUES
    /// lists). PostgreSQL: one binary COPY per table, the fastest way in and one round trip for all rows.
    /// </summary>
    public static async Task InsertAsync<T>(CodeLedgerDbContext db, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (db.Provider == DatabaseProvider.Sqlite)
        {
            await InsertSqliteAsync(db, rows, ct);
            return;
        }

        if (db.Provider != DatabaseProvider.PostgreSql)
        {
            await BulkInsert.InsertAsync(db, rows, ct);
            return;
        }

        await BeginAsync(db, ct);
        var (table, columns) = Tables.GetValue(db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model"), Describe);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var copy = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => "\"" + c.Name + "\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
        await ForEachRowValuesAsync(rows, columns, (values, offset) =>
        {
            // Synchronous writes fill the importer's buffer; it flushes to the server as it fills.
            importer.StartRow();
            for (var i = 0; i < columns.Count; i++)
            {
                if (values[offset + i] is { } value)
                {
                    importer.Write(value, columns[i].CopyType);
                }
                else
                {
                    importer.WriteNull();
                }
            }
        }, ct);
        await importer.CompleteAsync(ct);
    }

    /// <summary>Rows whose column values another core works out while this one writes.</summary>
    private const int RowsPerChunk = 512;

    /// <summary>
    /// Calls <paramref name="write"/> for each row in order with its column values as the database takes
    /// them (the EF model's getter, then the column's converter: the postings' services and adjustments
    /// become their JSON here), at <c>offset</c> in a chunk of <see cref="RowsPerChunk"/> rows. The values
    /// are worked out on another core, a few chunks ahead, while this thread writes: for the postings
    /// the JSON is most of the values' cost, and the database's own work is this thread's. The order
    /// and the values are those of a plain loop; a failure on either side stops both and is thrown here.
    /// </summary>
    private static async Task ForEachRowValuesAsync<T>(IReadOnlyList<T> rows, List<Column> columns, Action<object?[], int> write, CancellationToken ct)
        where T : class
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var ready = new BlockingCollection<object?[]>(boundedCapacity: 8);
        var width = columns.Count;
        var producing = Task.Run(() =>
        {
            try
            {
                for (var start = 0; start < rows.Count; start += RowsPerChunk)
                {
                    var count = Math.Min(RowsPerChunk, rows.Count - start);
                    var values = new object?[count * width];
                    for (var r = 0; r < count; r++)
                    {
                        var row = rows[start + r];
                        for (var i = 0; i < width; i++)
                        {
                            var column = columns[i];
                            var value = column.Property.GetGetter().GetClrValueUsingContainingEntity(row);
                            if (value is not null && column.Mapping.Converter is { } converter)
                            {
                                value = converter.ConvertToProvider(value);
                            }

                            values[(r * width) + i] = value;
                        }
                    }

                    ready.Add(values, stop.Token);
                }
            }
            finally
            {
                ready.CompleteAdding();
            }
        }, stop.Token);

        try
        {
            foreach (var values in ready.GetConsumingEnumerable(stop.Token))
            {
                for (var offset = 0; offset < values.Length; offset += width)
                {
                    write(values, offset);
                }
            }
        }
        finally
        {
            // A failed write stops the other core before the rows it holds are dropped.
            await stop.CancelAsync();
            await producing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        // The producer's own failure (a converter's), if this side ended because of it.
        if (producing.IsFaulted)
        {
            await producing;
        }
    }

    /// <summary>
    /// SQLite: one statement prepared on the connection's own handle, its values bound by position
    /// straight from the EF model's getters and converters and stepped once per row. Through
    /// Microsoft.Data.Sqlite each row cost a parameter lookup by name (two, unprefixed) per column and
    /// a data reader per execution, about as much CPU as SQLite's own B-tree work for the postings
    /// (docs/PERFORMANCE.md, "`import remits` end to end"). The values are the ones
    /// Microsoft.Data.Sqlite would bind (<see cref="SqliteValues.Bind"/>), so the rows are the same.
    /// </summary>
    private static async Task InsertSqliteAsync<T>(CodeLedgerDbContext db, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        await BeginAsync(db, ct);
        var (table, columns) = Tables.GetValue(db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model"), Describe);
        var sql = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => "\"" + c.Name + "\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "?" + (i + 1).ToString(CultureInfo.InvariantCulture)))})";
        using var statement = SqliteValues.Prepare(db, sql);
        await ForEachRowValuesAsync(rows, columns, (values, offset) =>
        {
            for (var i = 0; i < columns.Count; i++)
            {
                statement.Bind(i + 1, values[offset + i], columns[i].Name);
            }

            statement.Step();
        }, ct);
    }

    /// <summary>
    /// Saves the status and CLP07 that posting gave each claim. PostgreSQL: only if the claim is still
    /// the version this write read (its xmin, as for tracked updates), else the write lost a race
    /// (<see cref="DbUpdateConcurrencyException"/>) and runs again from its reads; SQLite checks the
    /// whole database when the transaction begins (<see cref="WriteAttempt"/>).
    /// </summary>
    public static async Task UpdateClaimsAsync(CodeLedgerDbContext db, IReadOnlyList<ClaimRow> claims, IReadOnlyDictionary<Guid, uint> versions, CancellationToken ct)
    {
        if (claims.Count == 0)
        {
            return;
        }

        await BeginAsync(db, ct);
        var entity = db.Model.FindEntityType(typeof(ClaimRow))!;
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var id = entity.FindProperty(nameof(ClaimRow.Id))!;
        var status = entity.FindProperty(nameof(ClaimRow.Status))!;
        var control = entity.FindProperty(nameof(ClaimRow.PayerClaimControlNumber))!;
        var statusMapping = (RelationalTypeMapping)status.GetRelationalTypeMapping();
        string StatusText(ClaimRow c) => (string)(statusMapping.Converter?.ConvertToProvider(c.Status) ?? c.Status.ToString());

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        var table = store.Name;
        var (idColumn, statusColumn, controlColumn) = (id.GetColumnName(store)!, status.GetColumnName(store)!, control.GetColumnName(store)!);

        if (db.Provider == DatabaseProvider.PostgreSql)
        {
            // One statement for all the claims: the server joins the arrays to the claims by hashing the
            // practice's claims once. In chunks of 10,000 it did so once a chunk, 20 scans of the table
            // for the 200,000-claim 835, which was most of the updates' time once they were HOT (no index
            // entries to add, ClaimRowConfiguration): docs/PERFORMANCE.md, "HOT claim updates".
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"""
                UPDATE "{table}" AS c SET "{statusColumn}" = v.status, "{controlColumn}" = v.control
                FROM unnest(@ids, @versions, @statuses, @controls) AS v(id, version, status, control)
                WHERE c."{idColumn}" = v.id AND c.{EncounterConcurrency.RowVersion}::text::bigint = v.version
                """;
            Add(command, "ids", claims.Select(c => c.Id).ToArray());
            Add(command, "versions", claims.Select(c => (long)versions[c.Id]).ToArray());
            Add(command, "statuses", claims.Select(StatusText).ToArray());
            Add(command, "controls", claims.Select(c => c.PayerClaimControlNumber).ToArray());
            var updated = await command.ExecuteNonQueryAsync(ct);
            if (updated != claims.Count)
            {
                throw new DbUpdateConcurrencyException($"{claims.Count - updated} of the claims posted changed after this write read them");
            }

            return;
        }

        // As the inserts: bound by position on the connection's handle (SqliteValues), one step per claim.
        using var update = SqliteValues.Prepare(db, $"UPDATE \"{table}\" SET \"{statusColumn}\" = ?1, \"{controlColumn}\" = ?2 WHERE \"{idColumn}\" = ?3");
        foreach (var c in claims)
        {
            ct.ThrowIfCancellationRequested();
            update.Bind(1, StatusText(c), statusColumn);
            update.Bind(2, c.PayerClaimControlNumber, controlColumn);
            update.Bind(3, c.Id, idColumn);
            if (update.Step() != 1)
            {
                throw new InvalidOperationException("a claim posted to is no longer in the claims table");
            }
        }
    }

    /// <summary>
    /// SQLite's page cache for this write, in KiB (SQLite's own default is 2 MiB). The postings' keys
    /// and the claims they name are random GUIDs, so every row lands on another page of each index;
    /// with 2 MiB SQLite re-read those pages from the file and spilled dirty ones to the WAL many
    /// times over within the one transaction (docs/PERFORMANCE.md, "`import remits` end to end").
    /// </summary>
    public const int SqliteWriteCacheKiB = 128 * 1024;

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    private static async Task BeginAsync(CodeLedgerDbContext db, CancellationToken ct)
    {
        if (db.Write is { } write)
        {
            await write.EnsureBegunAsync(ct);
        }

        _ = db.Database.CurrentTransaction ?? throw new InvalidOperationException("bulk posting runs only inside the write transaction, so it commits with its ledger events");
    }

    private static TableMap Describe(IEntityType entityType)
    {
        var table = entityType.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());

        // Store-generated columns (xmin) are the database's to fill.
        var columns = entityType.GetProperties()
            .Where(p => p.GetBeforeSaveBehavior() == PropertySaveBehavior.Save)
            .Select(p =>
            {
                var mapping = (RelationalTypeMapping)p.GetRelationalTypeMapping();
                return new Column(p, p.GetColumnName(store)!, mapping, CopyType(mapping.StoreType));
            })
            .ToList();
        return new TableMap(table, columns);
    }

    /// <summary>
    /// The type Npgsql encodes a value as in binary COPY: the column's type without its length
    /// (character varying(38) and character(64) take text's binary form, which is the same).
    /// </summary>
    private static string CopyType(string storeType)
    {
        var bare = storeType.Split('(')[0].Trim();
        return bare is "character varying" or "character" or "varchar" or "char" ? "text" : bare;
    }

    private static readonly ConditionalWeakTable<IEntityType, TableMap> Tables = [];

    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping, string CopyType);

    private sealed record TableMap(string Table, List<Column> Columns);
}
