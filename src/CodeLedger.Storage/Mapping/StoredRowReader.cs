using System.Buffers.Text;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace CodeLedger.Storage.Mapping;

/// <summary>
/// The rows of one query, read column by column in order, for the readers that go around EF Core
/// (replay verification's ledger and its tables with a row per encounter, millions of rows). On
/// SQLite the statement is prepared on the connection's own handle and each column read with one
/// call, text handed over as the UTF-8 bytes SQLite holds (<see cref="GetUtf8"/>): Microsoft.Data.Sqlite
/// asks a column's type before every read (two or three native calls a value) and decodes every text
/// into a string, a GUID's too, which the verifier then parses or encodes again (docs/PERFORMANCE.md).
/// On PostgreSQL it is the data reader, sequential. Values read as EF Core maps them: a GUID as text
/// (or 16 bytes), an instant as microseconds since the Unix epoch on SQLite (SqliteCodeLedgerDbContext)
/// and timestamptz on PostgreSQL, a date as Microsoft.Data.Sqlite parses it.
/// </summary>
/// <remarks>The statement runs on the context's open connection, so inside its transaction and snapshot.</remarks>
internal abstract class StoredRowReader : IAsyncDisposable
{
    private string _table = string.Empty;

    /// <summary>The rows read so far, the current one included (named when a value cannot be read).</summary>
    protected long Row { get; private set; }

    /// <summary>The rows of <paramref name="sql"/>, a query of <paramref name="table"/> (named when a stored value cannot be read).</summary>
    public static async Task<StoredRowReader> OpenAsync(CodeLedgerDbContext db, string table, string sql, CancellationToken ct)
    {
        var rows = await OpenAsync(db, sql, ct);
        rows._table = table;
        return rows;
    }

    private static async Task<StoredRowReader> OpenAsync(CodeLedgerDbContext db, string sql, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection is SqliteConnection sqlite)
        {
            return new SqliteRows(sqlite, sql, ct);
        }

        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        try
        {
            return new DataReaderRows(command, await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct));
        }
        catch
        {
            await command.DisposeAsync();
            throw;
        }
    }

    /// <summary>Moves to the next row; false after the last.</summary>
    public ValueTask<bool> ReadAsync(CancellationToken ct)
    {
        Row++;
        return ReadRowAsync(ct);
    }

    public abstract bool IsNull(int ordinal);

    public long GetInt64(int ordinal) => Read(ordinal, static (r, i) => r.ReadInt64(i));

    public int GetInt32(int ordinal) => Read(ordinal, static (r, i) => r.ReadInt32(i));

    public bool GetBoolean(int ordinal) => Read(ordinal, static (r, i) => r.ReadBoolean(i));

    public abstract string GetString(int ordinal);

    /// <summary>The column's text as UTF-8, valid until the next read.</summary>
    public abstract ReadOnlySpan<byte> GetUtf8(int ordinal);

    /// <summary>The column's text as UTF-8 in an array the caller keeps.</summary>
    public abstract byte[] GetUtf8Array(int ordinal);

    public Guid GetGuid(int ordinal) => Read(ordinal, static (r, i) => r.ReadGuid(i));

    public DateOnly GetDate(int ordinal) => Read(ordinal, static (r, i) => r.ReadDate(i));

    public DateTimeOffset GetInstant(int ordinal) => Read(ordinal, static (r, i) => r.ReadInstant(i));

    /// <summary>The column's text parsed by <paramref name="parse"/> (a value type's own parser, as EF's converter calls it).</summary>
    public T Parse<T>(int ordinal, Func<string, T> parse)
    {
        try
        {
            return parse(GetString(ordinal));
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            throw Unreadable(ordinal);
        }
    }

    /// <summary>The column's JSON read from its UTF-8 bytes as EF's converter reads the text (<see cref="StoredJson"/>).</summary>
    public T Json<T>(int ordinal) => Json<T>(ordinal, GetUtf8(ordinal));

    /// <summary>
    /// JSON that column <paramref name="ordinal"/> holds in another form (decrypted: <paramref name="json"/>),
    /// read as EF's converter reads it; a value it cannot read is named by that column.
    /// </summary>
    public T Json<T>(int ordinal, ReadOnlySpan<byte> json)
    {
        try
        {
            return StoredJson.Deserialize<T>(json);
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            throw Unreadable(ordinal);
        }
    }

    // The typed reads go through one place that turns a value not in its column's form into Unreadable;
    // the lambdas are static, so no delegate is made per value.
    private T Read<T>(int ordinal, Func<StoredRowReader, int, T> read)
    {
        try
        {
            return read(this, ordinal);
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            throw Unreadable(ordinal);
        }
    }

    /// <summary>
    /// A value not in the form CodeLedger writes in its column: the table was changed outside CodeLedger.
    /// The error names the table, the column and the row, never the value (it may be PHI, and the
    /// parsers' own messages quote it).
    /// </summary>
    public StorageException Unreadable(int ordinal) =>
        new(StorageErrorCodes.StoredValueUnreadable,
            $"{_table}.{ColumnName(ordinal)}, row {Row} of the table as read: the stored value is not in the form CodeLedger writes there; the table was changed outside CodeLedger, and nothing can be compared until the value is put right");

    private static bool IsUnreadable(Exception e) => e is FormatException or OverflowException or InvalidCastException or System.Text.Json.JsonException or ArgumentException;

    protected abstract ValueTask<bool> ReadRowAsync(CancellationToken ct);

    protected abstract string ColumnName(int ordinal);

    protected abstract long ReadInt64(int ordinal);

    protected abstract int ReadInt32(int ordinal);

    protected abstract bool ReadBoolean(int ordinal);

    protected abstract Guid ReadGuid(int ordinal);

    protected abstract DateOnly ReadDate(int ordinal);

    protected abstract DateTimeOffset ReadInstant(int ordinal);

    public abstract ValueTask DisposeAsync();

    private sealed class SqliteRows : StoredRowReader
    {
        private readonly sqlite3 _connection;
        private readonly sqlite3_stmt _statement;
        private readonly CancellationToken _ct;

        public SqliteRows(SqliteConnection connection, string sql, CancellationToken ct)
        {
            _connection = connection.Handle ?? throw new InvalidOperationException("the SQLite connection is not open");
            _ct = ct;
            sqlite3_stmt? statement = null;
            SqliteException.ThrowExceptionForRC(Retried(raw.sqlite3_prepare_v2(_connection, sql, out statement), () => raw.sqlite3_prepare_v2(_connection, sql, out statement)), _connection);
            _statement = statement!;
        }

        protected override ValueTask<bool> ReadRowAsync(CancellationToken ct)
        {
            // SQLite reads synchronously; cancellation is checked every few thousand rows.
            if ((Row & 0xFFF) == 0)
            {
                _ct.ThrowIfCancellationRequested();
                ct.ThrowIfCancellationRequested();
            }

            var rc = raw.sqlite3_step(_statement);
            if (rc is raw.SQLITE_BUSY or raw.SQLITE_LOCKED)
            {
                rc = Retried(rc, () => raw.sqlite3_step(_statement));
            }

            if (rc == raw.SQLITE_ROW)
            {
                return ValueTask.FromResult(true);
            }

            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, _connection);
            }

            return ValueTask.FromResult(false);
        }

        /// <summary>
        /// Runs <paramref name="again"/> while the database is busy or locked (<paramref name="rc"/> the first
        /// answer), for as long as Microsoft.Data.Sqlite's default command timeout (30 s), as its commands do.
        /// </summary>
        private int Retried(int rc, Func<int> again)
        {
            var since = Environment.TickCount64;
            while (rc is raw.SQLITE_BUSY or raw.SQLITE_LOCKED && Environment.TickCount64 - since < 30_000)
            {
                _ct.ThrowIfCancellationRequested();
                Thread.Sleep(1);
                rc = again();
            }

            return rc;
        }

        public override bool IsNull(int ordinal) => raw.sqlite3_column_type(_statement, ordinal) == raw.SQLITE_NULL;

        protected override string ColumnName(int ordinal) => raw.sqlite3_column_name(_statement, ordinal).utf8_to_string();

        protected override long ReadInt64(int ordinal) => raw.sqlite3_column_int64(_statement, ordinal);

        // As Microsoft.Data.Sqlite reads them: the integer narrowed, refusing what does not fit; a boolean as nonzero.
        protected override int ReadInt32(int ordinal) => checked((int)raw.sqlite3_column_int64(_statement, ordinal));

        protected override bool ReadBoolean(int ordinal) => raw.sqlite3_column_int64(_statement, ordinal) != 0;

        // A TEXT value's bytes as stored (the database's encoding is UTF-8). For any other value SQLite
        // returns the bytes of its text form, the same bytes Microsoft.Data.Sqlite decodes: one call, no type asked.
        private ReadOnlySpan<byte> Text(int ordinal) => raw.sqlite3_column_blob(_statement, ordinal);

        public override string GetString(int ordinal) => Encoding.UTF8.GetString(Text(ordinal));

        public override ReadOnlySpan<byte> GetUtf8(int ordinal) => Text(ordinal);

        public override byte[] GetUtf8Array(int ordinal) => Text(ordinal).ToArray();

        protected override Guid ReadGuid(int ordinal)
        {
            // As Microsoft.Data.Sqlite reads one: 16 bytes of a BLOB, otherwise the text form (36 characters,
            // so the column's type is asked only when the value could be a BLOB's).
            var value = raw.sqlite3_column_blob(_statement, ordinal);
            if (value.Length == 16 && raw.sqlite3_column_type(_statement, ordinal) == raw.SQLITE_BLOB)
            {
                return new Guid(value);
            }

            return Utf8Parser.TryParse(value, out Guid guid, out var consumed, 'D') && consumed == value.Length
                ? guid
                : Guid.Parse(Encoding.UTF8.GetString(value), CultureInfo.InvariantCulture);
        }

        protected override DateOnly ReadDate(int ordinal)
        {
            // As Microsoft.Data.Sqlite reads one: a number is a Julian day, anything else text.
            var type = raw.sqlite3_column_type(_statement, ordinal);
            if (type is raw.SQLITE_INTEGER or raw.SQLITE_FLOAT)
            {
                return DateOnly.FromDateTime(DateTime.FromOADate(raw.sqlite3_column_double(_statement, ordinal) - 2415018.5));
            }

            var text = raw.sqlite3_column_blob(_statement, ordinal);
            Span<char> chars = stackalloc char[64];
            return text.Length <= chars.Length
                ? DateOnly.Parse(chars[..Encoding.UTF8.GetChars(text, chars)], CultureInfo.InvariantCulture)
                : DateOnly.Parse(Encoding.UTF8.GetString(text), CultureInfo.InvariantCulture);
        }

        protected override DateTimeOffset ReadInstant(int ordinal) =>
            new(DateTimeOffset.UnixEpoch.UtcTicks + (raw.sqlite3_column_int64(_statement, ordinal) * 10), TimeSpan.Zero);

        public override ValueTask DisposeAsync()
        {
            _statement.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class DataReaderRows(DbCommand command, DbDataReader reader) : StoredRowReader
    {
        protected override async ValueTask<bool> ReadRowAsync(CancellationToken ct) => await reader.ReadAsync(ct);

        protected override string ColumnName(int ordinal) => reader.GetName(ordinal);

        public override bool IsNull(int ordinal) => reader.IsDBNull(ordinal);

        protected override long ReadInt64(int ordinal) => reader.GetInt64(ordinal);

        protected override int ReadInt32(int ordinal) => reader.GetInt32(ordinal);

        protected override bool ReadBoolean(int ordinal) => reader.GetBoolean(ordinal);

        public override string GetString(int ordinal) => reader.GetString(ordinal);

        // Npgsql hands a text column over as the UTF-8 bytes the server sent (the connection's encoding is
        // UTF-8): no string decoded only to be encoded again.
        public override ReadOnlySpan<byte> GetUtf8(int ordinal) => reader.GetFieldValue<byte[]>(ordinal);

        public override byte[] GetUtf8Array(int ordinal) => reader.GetFieldValue<byte[]>(ordinal);

        protected override Guid ReadGuid(int ordinal) => reader.GetGuid(ordinal);

        protected override DateOnly ReadDate(int ordinal) => reader.GetFieldValue<DateOnly>(ordinal);

        protected override DateTimeOffset ReadInstant(int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

        public override async ValueTask DisposeAsync()
        {
            await reader.DisposeAsync();
            await command.DisposeAsync();
        }
    }
}
