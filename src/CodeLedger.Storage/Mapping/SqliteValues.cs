using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace CodeLedger.Storage.Mapping;

/// <summary>
/// One SQLite statement of a bulk write (<see cref="BulkInsert"/>: intake and the ledger flush; the 835
/// posting's rows and claim updates), prepared on the write connection's own handle and bound by
/// position (docs/REMITTANCE.md, "How the rows are written"). It runs inside the write's open
/// transaction, as any command on that connection does. Each value is stored as Microsoft.Data.Sqlite
/// stores it for the type EF Core's model hands it (after the column's converter): text as text, a
/// GUID as upper-case text, a date as yyyy-MM-dd, integers and booleans as integers, so a row written
/// here reads back as one written through a command. A type it has no rule for is refused, never guessed.
/// </summary>
internal sealed class SqliteValues : IDisposable
{
    private readonly sqlite3 _connection;
    private readonly sqlite3_stmt _statement;

    private SqliteValues(sqlite3 connection, sqlite3_stmt statement)
    {
        _connection = connection;
        _statement = statement;
    }

    public static SqliteValues Prepare(CodeLedgerDbContext db, string sql) => Prepare((SqliteConnection)db.Database.GetDbConnection(), sql);

    public static SqliteValues Prepare(SqliteConnection connection, string sql)
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("the write's SQLite connection is not open");
        var rc = raw.sqlite3_prepare_v2(handle, sql, out var statement);
        SqliteException.ThrowExceptionForRC(rc, handle);
        return new SqliteValues(handle, statement);
    }

    /// <summary>Binds parameter <paramref name="position"/> (from 1) of <paramref name="column"/>.</summary>
    public void Bind(int position, object? value, string column)
    {
        var rc = value switch
        {
            null => raw.sqlite3_bind_null(_statement, position),
            string s => raw.sqlite3_bind_text(_statement, position, s),
            long l => raw.sqlite3_bind_int64(_statement, position, l),
            int i => raw.sqlite3_bind_int64(_statement, position, i),
            short s => raw.sqlite3_bind_int64(_statement, position, s),
            bool b => raw.sqlite3_bind_int64(_statement, position, b ? 1 : 0),

            Guid g => BindGuid(position, g),

            // Microsoft.Data.Sqlite's text form of a DateOnly (EF Core's SQLite mapping stores dates as TEXT).
            DateOnly d => raw.sqlite3_bind_text(_statement, position, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            double d => raw.sqlite3_bind_double(_statement, position, d),
            byte[] bytes => raw.sqlite3_bind_blob(_statement, position, bytes),
            _ => throw new NotSupportedException($"column {column}: no SQLite binding for a {value.GetType().Name}"),
        };
        SqliteException.ThrowExceptionForRC(rc, _connection);
    }

    /// <summary>
    /// Microsoft.Data.Sqlite's text form of a GUID (EF Core's SQLite mapping stores GUIDs as TEXT):
    /// upper-case with hyphens, formatted as UTF-8 on the stack and copied by SQLite, where
    /// <c>ToString().ToUpperInvariant()</c> allocated two strings per key, three or four keys a row.
    /// </summary>
    private int BindGuid(int position, Guid value)
    {
        Span<byte> text = stackalloc byte[36];
        if (!value.TryFormat(text, out var written) || written != text.Length)
        {
            throw new InvalidOperationException("a GUID did not format as 36 characters");
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is >= (byte)'a' and <= (byte)'f')
            {
                text[i] -= 'a' - 'A';
            }
        }

        return raw.sqlite3_bind_text(_statement, position, (ReadOnlySpan<byte>)text);
    }

    /// <summary>Runs the statement once with the values bound and returns the rows it changed; a failure throws as a command's would.</summary>
    public int Step()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            // Reset returns the step's error code; the connection holds its message.
            raw.sqlite3_reset(_statement);
            SqliteException.ThrowExceptionForRC(rc, _connection);
            throw new InvalidOperationException($"SQLite step returned {rc}");
        }

        var changed = raw.sqlite3_changes(_connection);
        SqliteException.ThrowExceptionForRC(raw.sqlite3_reset(_statement), _connection);
        return changed;
    }

    public void Dispose() => _statement.Dispose();
}
