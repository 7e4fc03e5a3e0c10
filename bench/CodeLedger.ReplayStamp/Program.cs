using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CodeLedger.Core.Ledger;
using Microsoft.Data.Sqlite;
using Npgsql;

// replay-stamp --db SPEC --copies K
//
// Grows a database the demo wrote (N encounters) to N × (K + 1) encounters whose state rows and
// ledger agree, so that `ledger verify` can be measured at sizes the demo would take hours to write.
// Every encounter-owned row (encounters, documentation versions, work items, codings, queries) is
// copied K times with its ids derived from (original id, copy k) and its external id suffixed
// "-Ck"; the ledger is rewritten in one pass with each encounter-scoped event followed by its K
// copies (ids and external id substituted), every event re-sequenced and re-hashed through the real
// LedgerHash chain. Everything else (organizations, contracts, coders, code sets) is shared by the
// copies, as a bigger month of the same practices would be. PHI columns are copied as ciphertext:
// the cipher binds its column, not its row, so a copy decrypts to the same text and the same keyed
// hash its copied events carry.
//
// The result is a benchmark fixture, not a ledger anyone attested: it is for bench/replay only.
// replay-stamp --admin CONNECTION-STRING --recreate NAME | --drop NAME: the PostgreSQL database a
// benchmark run stamps, created empty (dropped first when it exists) or dropped afterwards.
if (args.Length == 4 && args[0] == "--admin" && args[2] is "--recreate" or "--drop")
{
    if (!System.Text.RegularExpressions.Regex.IsMatch(args[3], "^[a-z_][a-z0-9_]*$"))
    {
        Console.Error.WriteLine($"replay-stamp: {args[3]} is not a plain lower-case database name");
        return 2;
    }

    await using var admin = new NpgsqlConnection(args[1]);
    await admin.OpenAsync();
    await Execute(admin, null, $"DROP DATABASE IF EXISTS {args[3]} WITH (FORCE)");
    if (args[2] == "--recreate")
    {
        await Execute(admin, null, $"CREATE DATABASE {args[3]}");
    }

    return 0;
}

if (args.Length != 4 || args[0] != "--db" || args[2] != "--copies" || !int.TryParse(args[3], CultureInfo.InvariantCulture, out var copies) || copies < 1)
{
    Console.Error.WriteLine("usage: replay-stamp --db FILE|CONNECTION-STRING --copies K   (K >= 1)");
    Console.Error.WriteLine("       replay-stamp --admin CONNECTION-STRING --recreate|--drop NAME");
    return 2;
}

var spec = args[1];
var postgres = spec.Contains('=', StringComparison.Ordinal);
var clock = Stopwatch.StartNew();
await using DbConnection connection = postgres ? new NpgsqlConnection(spec) : new SqliteConnection($"Data Source={spec}");
await connection.OpenAsync();
if (!postgres)
{
    await Execute(connection, null, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;");
}

await using var transaction = await connection.BeginTransactionAsync();

// The encounter-owned tables, parents first (the copies' foreign keys point at copied parents).
string[] owned = ["encounters", "documentation_versions", "work_items", "coding_results", "documentation_queries"];
var tables = new List<Table>();
foreach (var name in owned)
{
    tables.Add(await Table.ReadAsync(connection, transaction, name));
}

// Every id an encounter owns: the rows' own ids and the encounter ids they point at.
var ownedIds = new HashSet<Guid>();
foreach (var table in tables)
{
    foreach (var column in new[] { "id", "encounter_id" })
    {
        var i = Array.IndexOf(table.Columns, column);
        if (i < 0)
        {
            continue;
        }

        foreach (var row in table.Rows)
        {
            if (AsGuid(row[i]) is { } g)
            {
                ownedIds.Add(g);
            }
        }
    }
}

var externalIds = new HashSet<string>(StringComparer.Ordinal);
var encounters = tables[0];
var externalColumn = Array.IndexOf(encounters.Columns, "external_id");
foreach (var row in encounters.Rows)
{
    externalIds.Add((string)row[externalColumn]);
}

var rowsWritten = 0L;
foreach (var table in tables)
{
    if (connection is NpgsqlConnection pg)
    {
        // PostgreSQL: one binary COPY per table (row-by-row inserts take hours at a million encounters).
        rowsWritten += await CopyAsync(pg, table.Name, table.Columns, table.Types, StampedRows(table));
        continue;
    }

    await using var insert = table.Insert(connection, transaction, postgres);
    for (var k = 1; k <= copies; k++)
    {
        foreach (var row in table.Rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                insert.Parameters[i].Value = Stamp(table.Columns[i], row[i], k);
            }

            await insert.ExecuteNonQueryAsync();
            rowsWritten++;
        }
    }
}

Console.WriteLine($"rows: {rowsWritten:N0} copied in {clock.Elapsed.TotalSeconds:F1} s");

// The ledger: read whole (the demo's is a few thousand events), deleted and written again.
var events = new List<(DateTimeOffset Instant, object RawInstant, string Actor, string Type, string Subject, string Payload)>();
await using (var read = Command(connection, transaction, "SELECT instant, actor, type, subject, payload FROM ledger_events ORDER BY sequence"))
await using (var reader = await read.ExecuteReaderAsync())
{
    while (await reader.ReadAsync())
    {
        var raw = reader.GetValue(0);
        var instant = raw is long micros
            ? new DateTimeOffset(DateTimeOffset.UnixEpoch.UtcTicks + (micros * 10), TimeSpan.Zero)
            : reader.GetFieldValue<DateTimeOffset>(0);
        events.Add((instant, raw, reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
    }
}

// The ledger's column types as PostgreSQL names them, for its binary COPY (read before the COPY holds the connection).
string[] ledgerColumns = ["sequence", "instant", "actor", "type", "subject", "payload", "previous_hash", "hash"];
var ledgerTypes = postgres ? (await Table.ReadAsync(connection, transaction, "ledger_events LIMIT 0")).TypesOf(ledgerColumns) : [];
await Execute(connection, transaction, "DELETE FROM ledger_events");
await using var ledgerCopy = connection is NpgsqlConnection ledgerPg
    ? await ledgerPg.BeginBinaryImportAsync($"COPY ledger_events ({string.Join(", ", ledgerColumns)}) FROM STDIN (FORMAT BINARY)")
    : null;
var sequence = 0L;
var previous = LedgerHash.Genesis;
await using (var append = Command(connection, transaction,
                 "INSERT INTO ledger_events (sequence, instant, actor, type, subject, payload, previous_hash, hash) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)"))
{
    for (var i = 0; i < 8; i++)
    {
        var p = append.CreateParameter();
        p.ParameterName = "@p" + i;
        append.Parameters.Add(p);
    }

    async Task Append(DateTimeOffset instant, object rawInstant, string actor, string type, string subject, string payload)
    {
        sequence++;
        var hash = LedgerHash.Compute(sequence, instant, actor, type, subject, payload, previous);
        if (ledgerCopy is not null)
        {
            await WriteRowAsync(ledgerCopy, [sequence, rawInstant, actor, type, subject, payload, previous, hash], ledgerTypes);
            previous = hash;
            return;
        }

        append.Parameters[0].Value = sequence;
        append.Parameters[1].Value = rawInstant;
        append.Parameters[2].Value = actor;
        append.Parameters[3].Value = type;
        append.Parameters[4].Value = subject;
        append.Parameters[5].Value = payload;
        append.Parameters[6].Value = previous;
        append.Parameters[7].Value = hash;
        await append.ExecuteNonQueryAsync();
        previous = hash;
    }

    var guidPattern = GuidText();
    foreach (var e in events)
    {
        await Append(e.Instant, e.RawInstant, e.Actor, e.Type, e.Subject, e.Payload);

        // An event is the encounter's when it names one of the encounter-owned ids; its subject is
        // then the encounter's external id (docs/LEDGER.md), which the copy suffixes wherever it is
        // quoted in the payload as well.
        // Only the events that write the encounter-owned tables are copied: an audit's, a claim's or a
        // remittance's events also name encounters, but their rows are not copied (an audit samples the
        // original month; the copies are never billed), and copying their events would replay into rows
        // the database does not hold (audit contradictions, claims without rows).
        var names = EncounterEvents.Contains(e.Type) && guidPattern.Matches(e.Payload).Any(m => ownedIds.Contains(Guid.Parse(m.Value)));
        if (!names)
        {
            continue;
        }

        var external = externalIds.Contains(e.Subject) ? e.Subject : null;
        for (var k = 1; k <= copies; k++)
        {
            var payload = guidPattern.Replace(e.Payload, m =>
            {
                var g = Guid.Parse(m.Value);
                return ownedIds.Contains(g) ? Derive(g, k).ToString("D") : m.Value;
            });
            if (external is not null)
            {
                payload = payload.Replace($"\"{external}\"", $"\"{Suffix(external, k)}\"", StringComparison.Ordinal);
            }

            await Append(e.Instant, e.RawInstant, e.Actor, e.Type, external is null ? e.Subject : Suffix(external, k), payload);
        }
    }
}

if (ledgerCopy is not null)
{
    await ledgerCopy.CompleteAsync();
    await ledgerCopy.DisposeAsync();
}

await transaction.CommitAsync();
Console.WriteLine($"encounters: {encounters.Rows.Count * (copies + 1):N0}; events: {sequence:N0} (from {events.Count:N0}); head {previous}; {clock.Elapsed.TotalSeconds:F1} s");
return 0;

// A copy's id: the original's with its last four bytes XORed with k, so it is the same on every
// run and never one of the originals' (they are random version-4 ids; a clash is 2^-32 per pair at worst).
static Guid Derive(Guid id, int k)
{
    Span<byte> bytes = stackalloc byte[16];
    id.TryWriteBytes(bytes);
    unchecked
    {
        bytes[12] ^= (byte)k;
        bytes[13] ^= (byte)(k >> 8);
        bytes[14] ^= (byte)(k >> 16);
        bytes[15] ^= 0x5A;
    }

    return new Guid(bytes);
}

static string Suffix(string external, int k) => $"{external}-C{k}";

Guid? AsGuid(object value) => value switch
{
    Guid g => g,
    string s when s.Length == 36 && Guid.TryParse(s, out var g) => g,
    _ => null,
};

object Stamp(string column, object value, int k)
{
    if (column == "external_id")
    {
        return Suffix((string)value, k);
    }

    return value switch
    {
        Guid g when ownedIds.Contains(g) => Derive(g, k),
        // SQLite keeps Guids as upper-case text (EF Core's converter).
        string s when s.Length == 36 && Guid.TryParse(s, out var g) && ownedIds.Contains(g) => Derive(g, k).ToString("D").ToUpperInvariant(),
        _ => value,
    };
}

// Every row of the table K times, each copy stamped.
IEnumerable<object[]> StampedRows(Table table)
{
    for (var k = 1; k <= copies; k++)
    {
        foreach (var row in table.Rows)
        {
            var stamped = new object[row.Length];
            for (var i = 0; i < row.Length; i++)
            {
                stamped[i] = Stamp(table.Columns[i], row[i], k);
            }

            yield return stamped;
        }
    }
}

static async Task<long> CopyAsync(NpgsqlConnection connection, string name, string[] columns, string[] types, IEnumerable<object[]> rows)
{
    await using var copy = await connection.BeginBinaryImportAsync($"COPY {name} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");
    var written = 0L;
    foreach (var row in rows)
    {
        await WriteRowAsync(copy, row, types);
        written++;
    }

    await copy.CompleteAsync();
    return written;
}

// Each value as its column's PostgreSQL type (uuid, jsonb, timestamptz, arrays), as the table reported it.
static async Task WriteRowAsync(NpgsqlBinaryImporter copy, object[] row, string[] types)
{
    await copy.StartRowAsync();
    for (var i = 0; i < row.Length; i++)
    {
        if (row[i] is null or DBNull)
        {
            await copy.WriteNullAsync();
        }
        else
        {
            await copy.WriteAsync(row[i], types[i]);
        }
    }
}

static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
{
    var command = connection.CreateCommand();
    command.Transaction = transaction;
    command.CommandText = sql;
    return command;
}

static async Task Execute(DbConnection connection, DbTransaction? transaction, string sql)
{
    await using var command = Command(connection, transaction, sql);
    await command.ExecuteNonQueryAsync();
}

internal sealed record Table(string Name, string[] Columns, string[] Types, List<object[]> Rows)
{
    public static async Task<Table> ReadAsync(DbConnection connection, DbTransaction transaction, string name)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT * FROM {name}";
        await using var reader = await command.ExecuteReaderAsync();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var types = Enumerable.Range(0, reader.FieldCount).Select(reader.GetDataTypeName).ToArray();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return new Table(name, columns, types, rows);
    }

    /// <summary>The types of the named columns, in the order named.</summary>
    public string[] TypesOf(string[] columns) => [.. columns.Select(c => Types[Array.IndexOf(Columns, c)])];

    /// <summary>A prepared insert of one row; on PostgreSQL each value is cast to its column's type (jsonb, uuid, arrays).</summary>
    public DbCommand Insert(DbConnection connection, DbTransaction transaction, bool postgres)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var values = Columns.Select((_, i) => postgres ? $"@p{i}::{Types[i]}" : $"@p{i}");
        command.CommandText = $"INSERT INTO {Name} ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", values)})";
        for (var i = 0; i < Columns.Length; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@p" + i;
            command.Parameters.Add(p);
        }

        return command;
    }
}

internal partial class Program
{
    // The event types that write the encounter-owned tables (docs/LEDGER.md); a type missing here shows
    // as a divergence in bench/replay/stamp-check.sh, not as a silent error.
    internal static readonly HashSet<string> EncounterEvents = new(StringComparer.Ordinal)
    {
        "encounter.received", "encounter.finalized", "coding.submitted", "documentation.corrected", "patient.corrected",
        "query.raised", "query.answered", "query.unresolved", "phi.hashes-recorded", "phi.read",
    };

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex GuidText();
}
