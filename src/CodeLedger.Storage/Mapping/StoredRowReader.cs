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
    public static async Task<StoredRowReader> OpenAsync(CodeLedgerDbContext db, string sql, CancellationToken ct)
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
    public abstract ValueTask<bool> ReadAsync(CancellationToken ct);

    public abstract bool IsNull(int ordinal);

    public abstract long GetInt64(int ordinal);

    public abstract int GetInt32(int ordinal);

    public abstract bool GetBoolean(int ordinal);

    public abstract string GetString(int ordinal);

    /// <summary>The column's text as UTF-8, valid until the next read; <paramref name="scratch"/> is a buffer a reader may reuse for it.</summary>
    public abstract ReadOnlySpan<byte> GetUtf8(int ordinal, ref byte[] scratch);

    public abstract Guid GetGuid(int ordinal);

    public abstract DateOnly GetDate(int ordinal);

    public abstract DateTimeOffset GetInstant(int ordinal);

    public abstract ValueTask DisposeAsync();

    private sealed class SqliteRows : StoredRowReader
    {
        private readonly sqlite3 _connection;
        private readonly sqlite3_stmt _statement;
        private readonly CancellationToken _ct;
        private int _rows;

        public SqliteRows(SqliteConnection connection, string sql, CancellationToken ct)
        {
            _connection = connection.Handle ?? throw new InvalidOperationException("the SQLite connection is not open");
            _ct = ct;
            sqlite3_stmt? statement = null;
            SqliteException.ThrowExceptionForRC(Retried(raw.sqlite3_prepare_v2(_connection, sql, out statement), () => raw.sqlite3_prepare_v2(_connection, sql, out statement)), _connection);
            _statement = statement!;
        }

        public override ValueTask<bool> ReadAsync(CancellationToken ct)
        {
            // SQLite reads synchronously; cancellation is checked every few thousand rows.
            if ((++_rows & 0xFFF) == 0)
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

        public override long GetInt64(int ordinal) => raw.sqlite3_column_int64(_statement, ordinal);

        // As Microsoft.Data.Sqlite reads them: the integer narrowed, refusing what does not fit; a boolean as nonzero.
        public override int GetInt32(int ordinal) => checked((int)raw.sqlite3_column_int64(_statement, ordinal));

        public override bool GetBoolean(int ordinal) => raw.sqlite3_column_int64(_statement, ordinal) != 0;

        // A TEXT value's bytes as stored (the database's encoding is UTF-8). For any other value SQLite
        // returns the bytes of its text form, the same bytes Microsoft.Data.Sqlite decodes: one call, no type asked.
        private ReadOnlySpan<byte> Text(int ordinal) => raw.sqlite3_column_blob(_statement, ordinal);

        public override string GetString(int ordinal) => Encoding.UTF8.GetString(Text(ordinal));

        public override ReadOnlySpan<byte> GetUtf8(int ordinal, ref byte[] scratch) => Text(ordinal);

        public override Guid GetGuid(int ordinal)
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

        public override DateOnly GetDate(int ordinal)
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

        public override DateTimeOffset GetInstant(int ordinal) =>
            new(DateTimeOffset.UnixEpoch.UtcTicks + (raw.sqlite3_column_int64(_statement, ordinal) * 10), TimeSpan.Zero);

        public override ValueTask DisposeAsync()
        {
            _statement.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class DataReaderRows(DbCommand command, DbDataReader reader) : StoredRowReader
    {
        public override async ValueTask<bool> ReadAsync(CancellationToken ct) => await reader.ReadAsync(ct);

        public override bool IsNull(int ordinal) => reader.IsDBNull(ordinal);

        public override long GetInt64(int ordinal) => reader.GetInt64(ordinal);

        public override int GetInt32(int ordinal) => reader.GetInt32(ordinal);

        public override bool GetBoolean(int ordinal) => reader.GetBoolean(ordinal);

        public override string GetString(int ordinal) => reader.GetString(ordinal);

        // Npgsql hands a text column over as the UTF-8 bytes the server sent (the connection's encoding is
        // UTF-8): no string decoded only to be encoded again.
        public override ReadOnlySpan<byte> GetUtf8(int ordinal, ref byte[] scratch) => reader.GetFieldValue<byte[]>(ordinal);

        public override Guid GetGuid(int ordinal) => reader.GetGuid(ordinal);

        public override DateOnly GetDate(int ordinal) => reader.GetFieldValue<DateOnly>(ordinal);

        public override DateTimeOffset GetInstant(int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

        public override async ValueTask DisposeAsync()
        {
            await reader.DisposeAsync();
            await command.DisposeAsync();
        }
    }
}
