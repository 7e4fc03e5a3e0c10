using System.IO.Compression;
using System.Security.Cryptography;
using CodeLedger.Core.CodeSets;
using CodeLedger.Core.CodeSets.Starter;
using CodeLedger.Core.Common;
using Microsoft.EntityFrameworkCore;
using CodeLedger.Core.Ledger.Events;

namespace CodeLedger.Storage.CodeSets;

/// <summary>
/// The code-set releases of a CodeLedger database. A release is stored as the file it came from
/// (docs/CODESETS.md, "Storage"): the parser is the only reader of every format, the stored bytes
/// re-hash to the SHA-256 in the header and the ledger event. Beside each release sits its index
/// (<see cref="CodeSetIndexRow"/>), from which a process loads the release without parsing; a
/// missing, stale or mismatched index is rebuilt from the verified release. Importing appends a
/// <c>codeset.imported</c> ledger event in the same transaction.
/// </summary>
public static class CodeSetCatalog
{
    /// <summary>
    /// Looks the file up by SHA-256 first (the same bytes are the same release: a second import
    /// asking for the same kind and period is a no-op, one asking for another is refused with
    /// CODESET-ALREADY-IMPORTED), then parses it completely (a malformed row fails the import and nothing
    /// is stored), then stores it with its index unless a concurrent import stored it meanwhile.
    /// </summary>
    public static async Task<CodeSetImportResult> ImportAsync(
        CodeLedgerStore store, string actor, CodeSetKind kind, byte[] content, string fileName, DateOnly effective, DateOnly? effectiveThrough, CancellationToken ct = default)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        await using (var read = store.CreateContext())
        {
            if (await ExistingAsync(read, sha256, kind, ct) is { } found)
            {
                found.Release.RequireSameImport(kind, effective, effectiveThrough);
                return found;
            }
        }

        var release = CodeSetImporter.Import(kind, content, fileName, effective, effectiveThrough);
        var info = release.Info;
        var index = CodeSetIndex.Write(release);
        return await store.WriteAsync(actor, async (db, ledger) =>
        {
            if (await ExistingAsync(db, info.Sha256, kind, ct) is { } existing)
            {
                existing.Release.RequireSameImport(kind, effective, effectiveThrough);
                return existing;
            }

            var compressed = IsCompressed(content);
            var now = Instants.Now(store.Time);
            var row = new CodeSetReleaseRow
            {
                Kind = kind.Token(),
                EffectiveDate = info.EffectiveDate,
                EffectiveThrough = info.EffectiveThrough,
                FileName = info.FileName,
                Sha256 = info.Sha256,
                EntryCount = info.EntryCount,
                ImportedAt = now,
                ImportedBy = actor,
                GzippedByCodeLedger = !compressed,
                Content = compressed ? content : Gzip(content),
            };
            db.Add(row);

            // The index row names the release by id, which the insert assigns; both commit together.
            await db.SaveChangesAsync(ct);
            db.Add(new CodeSetIndexRow { ReleaseId = row.Id, Format = CodeSetIndex.Format, ReleaseSha256 = info.Sha256, Sha256 = CodeSetIndex.Hash(index.Content), Content = index.Content });
            for (var part = 0; part < index.Parts.Length; part++)
            {
                db.Add(new CodeSetIndexPartRow { ReleaseId = row.Id, Format = CodeSetIndex.Format, Part = part, Content = index.Parts[part] });
            }

            ledger.Append(info.Label, new CodeSetImported(kind.Token(), info.EffectiveDate, info.EffectiveThrough, info.FileName, info.Sha256, info.EntryCount));
            return new CodeSetImportResult(info, AlreadyImported: false, now);
        }, ct);
    }

    /// <summary>Imports the demo's starter code set (each file once; later calls are no-ops).</summary>
    public static async Task<IReadOnlyList<CodeSetImportResult>> ImportStarterAsync(CodeLedgerStore store, string actor, CancellationToken ct = default)
    {
        var results = new List<CodeSetImportResult>();
        foreach (var (kind, fileName, content) in StarterCodeSet.Files)
        {
            results.Add(await ImportAsync(store, actor, kind, content, fileName, StarterCodeSet.EffectiveDate, effectiveThrough: null, ct));
        }

        return results;
    }

    public static async Task<IReadOnlyList<StoredCodeSetRelease>> ListAsync(CodeLedgerStore store, CancellationToken ct = default)
    {
        await using var db = store.CreateContext();
        var rows = await db.Set<CodeSetReleaseRow>().AsNoTracking()
            .Select(r => new { r.Kind, r.EffectiveDate, r.EffectiveThrough, r.FileName, r.Sha256, r.EntryCount, r.ImportedAt, r.ImportedBy, Bytes = (long)r.Content.Length })
            .ToListAsync(ct);
        return [.. rows
            .Select(r => new StoredCodeSetRelease(new CodeSetReleaseInfo(Kind(r.Kind), r.EffectiveDate, r.EffectiveThrough, r.FileName, r.Sha256, r.EntryCount), r.ImportedAt, r.ImportedBy, r.Bytes))
            .OrderBy(r => r.Info.Kind).ThenBy(r => r.Info.EffectiveDate)];
    }

    /// <summary>
    /// The stored releases of the given kinds (all when none are given), each loaded from its
    /// index the first time the library is asked for it (<see cref="CodeSetLibrary"/>). Reads go
    /// through plain ADO.NET, not EF Core: a command that only looks codes up then starts no EF
    /// model at all, which was most of its start-up (docs/PERFORMANCE-HISTORY.md, "Command latency").
    /// </summary>
    public static async Task<CodeSetLibrary> LoadLibraryAsync(CodeLedgerStore store, IReadOnlyCollection<CodeSetKind>? kinds = null, CancellationToken ct = default)
    {
        var wanted = kinds is { Count: > 0 } ? kinds : CodeSetKinds.All;
        var headers = new List<(long Id, CodeSetReleaseInfo Info)>();
        await using (var connection = CodeSetStore.Open(store.Location))
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT id, kind, effective_date, effective_through, file_name, sha256, entry_count FROM code_set_releases";
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var kind = Kind(reader.GetString(1));
                if (wanted.Contains(kind))
                {
                    var through = await reader.IsDBNullAsync(3, ct) ? (DateOnly?)null : reader.GetFieldValue<DateOnly>(3);
                    headers.Add((reader.GetInt64(0), new CodeSetReleaseInfo(kind, reader.GetFieldValue<DateOnly>(2), through, reader.GetString(4), reader.GetString(5).Trim(), reader.GetInt32(6))));
                }
            }
        }

        var ids = headers.ToDictionary(h => h.Info, h => h.Id);
        return new CodeSetLibrary(headers.Select(h => h.Info), info => CodeSetStore.Load(store.Location, ids[info], info));
    }

    /// <summary>What the edit engine checks against in this database (<see cref="EditCodeSets.Choose"/>): its releases, or the starter set when it has none.</summary>
    public static async Task<EditCodeSets> LoadForEditsAsync(CodeLedgerStore store, CancellationToken ct = default) =>
        EditCodeSets.Choose(await LoadLibraryAsync(store, null, ct));

    private static async Task<CodeSetImportResult?> ExistingAsync(CodeLedgerDbContext db, string sha256, CodeSetKind kind, CancellationToken ct)
    {
        var existing = await db.Set<CodeSetReleaseRow>().AsNoTracking()
            .Where(r => r.Sha256 == sha256)
            .Select(r => new { r.Kind, r.EffectiveDate, r.EffectiveThrough, r.FileName, r.EntryCount, r.ImportedAt })
            .FirstOrDefaultAsync(ct);
        if (existing is null)
        {
            return null;
        }

        var kindOfExisting = CodeSetKinds.TryParse(existing.Kind, out var k) ? k : kind;
        return new CodeSetImportResult(
            new CodeSetReleaseInfo(kindOfExisting, existing.EffectiveDate, existing.EffectiveThrough, existing.FileName, sha256, existing.EntryCount),
            AlreadyImported: true,
            existing.ImportedAt);
    }

    internal static CodeSetKind Kind(string token) =>
        CodeSetKinds.TryParse(token, out var kind) ? kind : throw new StorageException(StorageErrorCodes.CodeSetKind, $"stored release has unknown kind '{token}'");

    private static bool IsCompressed(byte[] content) =>
        content.Length >= 4 && ((content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) || (content[0] == 0x1f && content[1] == 0x8b));

    private static byte[] Gzip(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal))
        {
            gzip.Write(content);
        }

        return buffer.ToArray();
    }
}
