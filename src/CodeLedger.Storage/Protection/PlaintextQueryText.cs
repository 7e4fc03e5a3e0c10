using System.Data.Common;

namespace CodeLedger.Storage.Protection;

/// <summary>
/// Encrypts the documentation-query texts (question, choices, answer) that were stored before
/// they were PHI columns. A migration cannot do it: the key is outside the database. So opening
/// a store whose migrations were just applied, and every <c>codeledger db migrate</c>, runs this;
/// it is idempotent (an encrypted value starts <c>phi1:</c> and is left alone). The plaintext
/// is rewritten as ciphertext of the same text, so nothing the ledger says changes (the query
/// events carry the SHA-256 of the text, never the text) and no event is appended. Without a key
/// nothing is converted and the count still in clear is reported, so the operator knows.
/// </summary>
public static class PlaintextQueryText
{
    private static readonly (string Column, string Stored)[] Columns =
    [
        ("question", PhiColumns.QueryQuestion),
        ("choices", PhiColumns.QueryChoices),
        ("answer", PhiColumns.QueryAnswer),
    ];

    /// <summary>Query rows with any text still in clear.</summary>
    public static async Task<int> CountAsync(DatabaseLocation location, CancellationToken ct = default)
    {
        await using var connection = location.CreateConnection();
        await connection.OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM documentation_queries WHERE {InClear}";
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Encrypts every text still in clear, in one transaction; returns the rows changed (0 without a key).</summary>
    public static async Task<int> EncryptAsync(DatabaseLocation location, CancellationToken ct = default)
    {
        if (location.Phi.KeyId is null)
        {
            return 0;
        }

        await using var connection = location.CreateConnection();
        await connection.OpenAsync(ct);
        if (location.Provider == DatabaseProvider.Sqlite)
        {
            // The clear text must not stay behind in the file's freed space, where grep finds it.
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA secure_delete = ON";
            await pragma.ExecuteNonQueryAsync(ct);
        }

        await using var tx = await connection.BeginTransactionAsync(ct);
        var rows = new List<(object Id, string?[] Values)>();
        await using (var select = connection.CreateCommand())
        {
            select.Transaction = tx;
            select.CommandText = $"SELECT id, question, choices, answer FROM documentation_queries WHERE {InClear}";
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var values = new string?[Columns.Length];
                for (var i = 0; i < Columns.Length; i++)
                {
                    values[i] = await reader.IsDBNullAsync(i + 1, ct) ? null : reader.GetString(i + 1);
                }

                rows.Add((reader.GetValue(0), values));
            }
        }

        foreach (var (id, values) in rows)
        {
            await using var update = connection.CreateCommand();
            update.Transaction = tx;
            update.CommandText = "UPDATE documentation_queries SET question = @question, choices = @choices, answer = @answer WHERE id = @id";
            Parameter(update, "@id", id);
            for (var i = 0; i < Columns.Length; i++)
            {
                var (column, stored) = Columns[i];
                Parameter(update, "@" + column, values[i] is { } v && !PhiCipher.IsProtected(v) ? location.Phi.Protect(v, stored) : (object?)values[i] ?? DBNull.Value);
            }

            await update.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        return rows.Count;
    }

    private static string InClear => "question NOT LIKE 'phi1:%' OR choices NOT LIKE 'phi1:%' OR (answer IS NOT NULL AND answer NOT LIKE 'phi1:%')";

    private static void Parameter(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
