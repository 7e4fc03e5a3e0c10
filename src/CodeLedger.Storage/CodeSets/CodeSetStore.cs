using System.Data.Common;
using System.IO.Compression;
using System.Security.Cryptography;
using CodeLedger.Core.CodeSets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CodeLedger.Storage.CodeSets;

/// <summary>
/// Loads one stored release for <see cref="CodeSetCatalog.LoadLibraryAsync"/>, on a plain
/// connection (the same SQL on SQLite and PostgreSQL). The index is used only when it names this
/// release's SHA-256, is of the current format and re-hashes to the SHA-256 stored beside it;
/// otherwise the release file is read, checked against its SHA-256 (CODESET-CORRUPT when it no
/// longer matches), parsed, and its index written for the next process. An index in parts
/// (NCCI PTP) reads each part on first use, on a connection of its own, and a part that does not
/// hash to the main index's entry makes the release be parsed and its index rewritten the same way.
/// </summary>
internal static class CodeSetStore
{
    public static DbConnection Open(DatabaseLocation location)
    {
        var connection = location.CreateConnection();
        connection.Open();
        return connection;
    }

    public static CodeSetRelease Load(DatabaseLocation location, long releaseId, CodeSetReleaseInfo info)
    {
        using var connection = Open(location);
        return ReadIndex(connection, new StoredParts(location, releaseId, info), info) ?? Rebuild(connection, releaseId, info);
    }

    /// <summary>Parses the verified release file and replaces its index.</summary>
    private static CodeSetRelease Rebuild(DbConnection connection, long releaseId, CodeSetReleaseInfo info)
    {
        var release = Parse(connection, releaseId, info);
        WriteIndex(connection, releaseId, release);
        return release;
    }

    private static CodeSetRelease? ReadIndex(DbConnection connection, StoredParts parts, CodeSetReleaseInfo info)
    {
        var releaseId = parts.ReleaseId;
        using var cmd = Command(connection, "SELECT release_sha256, sha256, content FROM code_set_indexes WHERE release_id = @id AND format = @format", releaseId);
        using var reader = cmd.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var content = reader.GetFieldValue<byte[]>(2);
        if (reader.GetString(0).Trim() != info.Sha256 || CodeSetIndex.Hash(content) != reader.GetString(1).Trim())
        {
            return null;
        }

        try
        {
            return CodeSetIndex.Read(info, content, parts);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static CodeSetRelease Parse(DbConnection connection, long releaseId, CodeSetReleaseInfo info)
    {
        using var cmd = Command(connection, "SELECT gzipped_by_code_ledger, content FROM code_set_releases WHERE id = @id", releaseId);
        using var reader = cmd.ExecuteReader();
        if (!reader.Read())
        {
            throw new StorageException(StorageErrorCodes.CodeSetCorrupt, $"stored release {info.Label} ({info.FileName}) is gone from the database");
        }

        var stored = reader.GetFieldValue<byte[]>(1);
        var original = reader.GetBoolean(0) ? Gunzip(stored) : stored;
        if (Convert.ToHexStringLower(SHA256.HashData(original)) != info.Sha256)
        {
            throw new StorageException(StorageErrorCodes.CodeSetCorrupt, $"stored release {info.Label} ({info.FileName}) no longer hashes to {info.Sha256}");
        }

        return CodeSetImporter.Import(info.Kind, original, info.FileName, info.EffectiveDate, info.EffectiveThrough);
    }

    /// <summary>
    /// Replaces an index that could not be used. A concurrent process may write the same index at
    /// the same time; the unique (release, format) key keeps one, and either is the same bytes.
    /// </summary>
    private static void WriteIndex(DbConnection connection, long releaseId, CodeSetRelease release)
    {
        var index = CodeSetIndex.Write(release);
        using var tx = connection.BeginTransaction();
        // Indexes of other formats go too: no process of this version reads them.
        foreach (var table in (string[])["code_set_indexes", "code_set_index_parts"])
        {
            using var delete = Command(connection, $"DELETE FROM {table} WHERE release_id = @id", releaseId);
            delete.Transaction = tx;
            delete.ExecuteNonQuery();
        }

        using (var insert = Command(connection, "INSERT INTO code_set_indexes (release_id, format, release_sha256, sha256, content) VALUES (@id, @format, @release, @sha, @content) ON CONFLICT (release_id, format) DO NOTHING", releaseId))
        {
            insert.Transaction = tx;
            Parameter(insert, "@release", release.Info.Sha256);
            Parameter(insert, "@sha", CodeSetIndex.Hash(index.Content));
            Parameter(insert, "@content", index.Content);
            insert.ExecuteNonQuery();
        }

        for (var part = 0; part < index.Parts.Length; part++)
        {
            using var insert = Command(connection, "INSERT INTO code_set_index_parts (release_id, format, part, content) VALUES (@id, @format, @part, @content) ON CONFLICT (release_id, format, part) DO NOTHING", releaseId);
            insert.Transaction = tx;
            Parameter(insert, "@part", part);
            Parameter(insert, "@content", index.Parts[part]);
            insert.ExecuteNonQuery();
        }

        tx.Commit();
    }

    /// <summary>The stored parts of one release's index, each read on a pooled connection when first needed.</summary>
    private sealed class StoredParts(DatabaseLocation location, long releaseId, CodeSetReleaseInfo info) : CodeSetIndexParts
    {
        public long ReleaseId => releaseId;

        public override byte[]? Read(int part)
        {
            using var connection = Open(location);
            using var cmd = Command(connection, "SELECT content FROM code_set_index_parts WHERE release_id = @id AND format = @format AND part = @part", releaseId);
            Parameter(cmd, "@part", part);
            using var reader = cmd.ExecuteReader();
            return reader.Read() ? reader.GetFieldValue<byte[]>(0) : null;
        }

        public override IEnumerable<(int Part, byte[] Content)> ReadAll()
        {
            using var connection = Open(location);
            using var cmd = Command(connection, "SELECT part, content FROM code_set_index_parts WHERE release_id = @id AND format = @format", releaseId);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                yield return (reader.GetInt32(0), reader.GetFieldValue<byte[]>(1));
            }
        }

        public override CodeSetRelease Rebuild()
        {
            using var connection = Open(location);
            return CodeSetStore.Rebuild(connection, releaseId, info);
        }
    }

    private static DbCommand Command(DbConnection connection, string sql, long releaseId)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        Parameter(cmd, "@id", releaseId);
        if (sql.Contains("@format", StringComparison.Ordinal))
        {
            Parameter(cmd, "@format", CodeSetIndex.Format);
        }

        return cmd;
    }

    private static void Parameter(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    private static byte[] Gunzip(byte[] content)
    {
        using var input = new GZipStream(new MemoryStream(content), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
