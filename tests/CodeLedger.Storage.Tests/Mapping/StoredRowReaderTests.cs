using System.Globalization;
using CodeLedger.Storage.Mapping;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Tests.Mapping;

/// <summary>
/// Replay verification reads the ledger and the tables with a row per encounter through
/// <see cref="StoredRowReader"/>, on SQLite straight off the statement: every value must read as
/// Microsoft.Data.Sqlite (what EF Core reads through) reads it, whatever form an edited database
/// holds it in, or the verifier would compare other values than the application's.
/// </summary>
public sealed class StoredRowReaderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Guid Id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    // One row per form a value may take: the application's own, and what a hand-edited database may hold.
    private const string Rows =
        "CREATE TABLE probe (n INTEGER, id, text, day, at INTEGER);"
        + "INSERT INTO probe VALUES (1, '0F8FAD5B-D9CB-469F-A165-70867728950E', 'plain', '2026-03-02', 1772445600123456);" // as EF writes
        + "INSERT INTO probe VALUES (2, '0f8fad5b-d9cb-469f-a165-70867728950e', 'Garc\u00eda \u2013 \ud83d\ude00', '2026-3-2', 0);" // lower case, non-ASCII text, a loose date
        + "INSERT INTO probe VALUES (3, '{0f8fad5b-d9cb-469f-a165-70867728950e}', 42, 2461101.5, -1);" // braces, an integer as text, a Julian day
        + "INSERT INTO probe VALUES (4, X'5BAD8F0FCBD99F46A16570867728950E', '', '2026-03-02 ', NULL);" // 16 bytes of a BLOB, empty text
        + "INSERT INTO probe VALUES (5, '0f8fad5bd9cb469fa16570867728950e', NULL, '2026-03-02', 5);"; // no dashes, NULL text

    // A command of its own: EF's raw SQL would read the braces of a GUID as format items.
    private static async Task ExecuteAsync(CodeLedgerDbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    [Fact]
    public async Task Every_value_reads_on_SQLite_as_Microsoft_Data_Sqlite_reads_it()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = (await database.OpenAsync()).CreateContext();
        await db.Database.OpenConnectionAsync(Ct);
        await ExecuteAsync(db, Rows);

        var expected = new List<string>();
        await using (var command = db.Database.GetDbConnection().CreateCommand())
        {
            command.CommandText = "SELECT n, id, text, day, at FROM probe ORDER BY n";
            await using var reader = (SqliteDataReader)await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                expected.Add(string.Join(
                    " | ",
                    reader.GetInt64(0),
                    reader.GetGuid(1),
                    reader.IsDBNull(2) ? "null" : reader.GetString(2),
                    reader.GetFieldValue<DateOnly>(3).ToString("O", CultureInfo.InvariantCulture),
                    reader.IsDBNull(4) ? "null" : reader.GetInt64(4)));
            }
        }

        var actual = new List<string>();
        await using (var rows = await StoredRowReader.OpenAsync(db, "probe", "SELECT n, id, text, day, at FROM probe ORDER BY n", Ct))
        {
            while (await rows.ReadAsync(Ct))
            {
                var text = rows.IsNull(2) ? "null" : rows.GetString(2);
                if (!rows.IsNull(2))
                {
                    Assert.Equal(text, System.Text.Encoding.UTF8.GetString(rows.GetUtf8(2)));
                }

                actual.Add(string.Join(
                    " | ",
                    rows.GetInt64(0),
                    rows.GetGuid(1),
                    text,
                    rows.GetDate(3).ToString("O", CultureInfo.InvariantCulture),
                    rows.IsNull(4) ? "null" : rows.GetInt64(4)));
            }
        }

        Assert.Equal(5, expected.Count);
        Assert.Equal(expected, actual);
        Assert.All(actual, row => Assert.Contains(Id.ToString(), row, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("'not-a-guid'", "GetGuid")]
    [InlineData("'2026-13-45'", "GetDate")]
    [InlineData("99999999999", "GetInt32")]
    [InlineData("'[\"E11'", "Json")]
    public async Task A_value_not_in_its_columns_form_is_named_by_table_column_and_row_never_quoted(string value, string read)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = (await database.OpenAsync()).CreateContext();
        await db.Database.OpenConnectionAsync(Ct);
        await ExecuteAsync(db, $"CREATE TABLE probe (v); INSERT INTO probe VALUES ('2026-03-02'); INSERT INTO probe VALUES ({value});");

        await using var rows = await StoredRowReader.OpenAsync(db, "probe", "SELECT v FROM probe", Ct);
        Assert.True(await rows.ReadAsync(Ct));
        Assert.True(await rows.ReadAsync(Ct));
        var error = Assert.Throws<StorageException>(() =>
        {
            _ = read switch
            {
                "GetGuid" => rows.GetGuid(0),
                "GetDate" => rows.GetDate(0),
                "GetInt32" => rows.GetInt32(0),
                _ => (object)rows.Json<List<string>>(0),
            };
        });

        Assert.Equal(StorageErrorCodes.StoredValueUnreadable, error.Error);
        Assert.StartsWith("probe.v, row 2 of the table as read:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value.Trim('\''), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_instant_reads_as_the_context_maps_it_on_SQLite_microseconds_since_the_epoch()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = (await database.OpenAsync()).CreateContext();
        await db.Database.OpenConnectionAsync(Ct);
        await ExecuteAsync(db, "CREATE TABLE probe (at INTEGER); INSERT INTO probe VALUES (1772445600123456);");

        await using var rows = await StoredRowReader.OpenAsync(db, "probe", "SELECT at FROM probe", Ct);
        Assert.True(await rows.ReadAsync(Ct));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 10, 0, 0, 123, TimeSpan.Zero).AddTicks(4560), rows.GetInstant(0));
        Assert.False(await rows.ReadAsync(Ct));
    }

    [Fact]
    public async Task Every_value_reads_on_PostgreSQL_as_Npgsql_reads_it_and_text_as_its_UTF8_bytes()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using var db = (await database.OpenAsync()).CreateContext();
        await db.Database.OpenConnectionAsync(Ct);
        await ExecuteAsync(
            db,
            "CREATE TEMP TABLE probe (n bigint, version integer, flag boolean, id uuid, note text, day date, at timestamptz);"
            + "INSERT INTO probe VALUES (1, 7, true, '0f8fad5b-d9cb-469f-a165-70867728950e', 'Garc\u00eda \u2013 left knee', '2026-03-02', '2026-03-02 10:00:00.123456+00');"
            + "INSERT INTO probe VALUES (2, -1, false, '00000000-0000-0000-0000-000000000000', '', '1999-12-31', '1970-01-01 00:00:00+00');");

        var read = new List<string>();
        await using (var rows = await StoredRowReader.OpenAsync(db, "probe", "SELECT n, version, flag, id, note, day, at FROM probe ORDER BY n", Ct))
        {
            while (await rows.ReadAsync(Ct))
            {
                read.Add(string.Join(
                    " | ",
                    rows.GetInt64(0),
                    rows.GetInt32(1),
                    rows.GetBoolean(2),
                    rows.GetGuid(3),
                    System.Text.Encoding.UTF8.GetString(rows.GetUtf8(4)),
                    rows.GetDate(5).ToString("O", CultureInfo.InvariantCulture),
                    rows.GetInstant(6).ToString("O", CultureInfo.InvariantCulture)));
            }
        }

        Assert.Equal(
            [
                "1 | 7 | True | 0f8fad5b-d9cb-469f-a165-70867728950e | Garc\u00eda \u2013 left knee | 2026-03-02 | 2026-03-02T10:00:00.1234560+00:00",
                "2 | -1 | False | 00000000-0000-0000-0000-000000000000 |  | 1999-12-31 | 1970-01-01T00:00:00.0000000+00:00",
            ],
            read);
    }
}
