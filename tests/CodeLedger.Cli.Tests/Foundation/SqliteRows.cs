using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CodeLedger.Cli.Tests.Foundation;

/// <summary>
/// Reading a test's SQLite database as a person with the sqlite3 shell would: each row as its
/// columns joined by '|' (NULL as empty), culture-invariant; no pooling, so no handle outlives the call.
/// </summary>
internal static class SqliteRows
{
    public static List<string> Query(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return values;
    }

    public static int Count(string db, string sql) => int.Parse(Query(db, sql)[0], CultureInfo.InvariantCulture);

    public static void Execute(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
