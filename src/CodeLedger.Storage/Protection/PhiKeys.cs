using Microsoft.Data.Sqlite;

namespace CodeLedger.Storage.Protection;

/// <summary>
/// Where the PHI key comes from, in order: the caller; <c>CODELEDGER_PHI_KEY</c> (base64 of 32
/// bytes); for SQLite, the key file beside the database (<c>codeledger.db.phikey</c>, created with
/// the database, readable by its owner only). A PostgreSQL server is shared by several machines,
/// so its key is never kept beside it: without the variable, PHI cannot be read or written there.
/// </summary>
public static class PhiKeys
{
    public const string Variable = "CODELEDGER_PHI_KEY";
    public const string FileSuffix = ".phikey";

    internal static async Task<PhiCipher> ResolveAsync(DatabaseLocation location, PhiKey? given, CancellationToken ct)
    {
        if (given is not null)
        {
            return PhiCipher.With(given);
        }

        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } text)
        {
            return PhiCipher.With(PhiKey.Parse(text, Variable));
        }

        if (location.SqlitePath is not { } path)
        {
            return PhiCipher.Without($"{location.Display} holds PHI encrypted at rest and no key is set: set {Variable} to the base64 key of this database (a new one: codeledger db phi-key)");
        }

        var file = path + FileSuffix;
        if (File.Exists(file))
        {
            return PhiCipher.With(PhiKey.Parse(await File.ReadAllTextAsync(file, ct), file));
        }

        if (await HasEncryptedPhiAsync(location, ct))
        {
            return PhiCipher.Without($"{path} holds encrypted PHI but its key file {file} is missing: restore it, or set {Variable}");
        }

        var key = PhiKey.Generate();
        await WriteKeyFileAsync(file, key, ct);
        return PhiCipher.With(key);
    }

    /// <summary>
    /// Keeps <paramref name="key"/> as the key file of a SQLite database that does not exist yet (the
    /// demo's seed-derived key, <see cref="PhiKey.ForDemo"/>), replacing a stale one left beside it;
    /// PostgreSQL keeps no key file. Returns the file written, or null.
    /// </summary>
    public static async Task<string?> KeepBesideNewDatabaseAsync(string spec, PhiKey key, CancellationToken ct)
    {
        var location = DatabaseLocation.Parse(spec);
        if (location.SqlitePath is not { } path)
        {
            return null;
        }

        if (File.Exists(path))
        {
            throw new InvalidOperationException($"{path} exists: a key is kept only beside a new database");
        }

        var file = path + FileSuffix;
        File.Delete(file);
        await WriteKeyFileAsync(file, key, ct);
        return file;
    }

    private static async Task WriteKeyFileAsync(string file, PhiKey key, CancellationToken ct)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var stream = new FileStream(file, options);
        await using var writer = new StreamWriter(stream);
        await writer.WriteLineAsync(key.ToBase64().AsMemory(), ct);
    }

    private static async Task<bool> HasEncryptedPhiAsync(DatabaseLocation location, CancellationToken ct)
    {
        if (!File.Exists(location.Display))
        {
            return false;
        }

        var readOnly = new SqliteConnectionStringBuilder { DataSource = location.Display, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString;
        await using var connection = new SqliteConnection(readOnly);
        await connection.OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'encounters'";
        if (Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return false;
        }

        cmd.CommandText = "SELECT EXISTS (SELECT 1 FROM encounters WHERE patient LIKE 'phi1:%')";
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }
}
