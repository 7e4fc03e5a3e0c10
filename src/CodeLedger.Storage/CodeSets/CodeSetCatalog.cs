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
/// re-hash to the SHA-256 in the header and the ledger event, and loading re-builds the in-memory
/// indices. Importing appends a <c>codeset.imported</c> ledger event in the same transaction.
/// </summary>
public static class CodeSetCatalog
{
    /// <summary>
    /// Parses the file completely first (a malformed row fails the import and nothing is stored),
    /// then stores it unless the same file is already there.
    /// </summary>
    public static async Task<CodeSetImportResult> ImportAsync(
        CodeLedgerStore store, string actor, CodeSetKind kind, byte[] content, string fileName, DateOnly effective, DateOnly? effectiveThrough, CancellationToken ct = default)
    {
        var release = CodeSetImporter.Import(kind, content, fileName, effective, effectiveThrough);
        var info = release.Info;
        return await store.WriteAsync(actor, async (db, ledger) =>
        {
            var existing = await db.Set<CodeSetReleaseRow>().AsNoTracking()
                .Where(r => r.Sha256 == info.Sha256)
                .Select(r => new { r.Kind, r.EffectiveDate, r.EffectiveThrough, r.FileName, r.EntryCount, r.ImportedAt })
                .FirstOrDefaultAsync(ct);
            if (existing is not null)
            {
                // The same bytes are the same release, whatever the second import called it.
                var kindOfExisting = CodeSetKinds.TryParse(existing.Kind, out var k) ? k : kind;
                return new CodeSetImportResult(
                    new CodeSetReleaseInfo(kindOfExisting, existing.EffectiveDate, existing.EffectiveThrough, existing.FileName, info.Sha256, existing.EntryCount),
                    AlreadyImported: true,
                    existing.ImportedAt);
            }

            var compressed = IsCompressed(content);
            var now = Instants.Now(store.Time);
            db.Add(new CodeSetReleaseRow
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
            });
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

    /// <summary>Loads the stored releases of the given kinds (all when none are given) into a library.</summary>
    public static async Task<CodeSetLibrary> LoadLibraryAsync(CodeLedgerStore store, IReadOnlyCollection<CodeSetKind>? kinds = null, CancellationToken ct = default)
    {
        var tokens = (kinds is { Count: > 0 } ? kinds : CodeSetKinds.All).Select(k => k.Token()).ToList();
        await using var db = store.CreateContext();
        var ids = await db.Set<CodeSetReleaseRow>().AsNoTracking().Where(r => tokens.Contains(r.Kind)).Select(r => r.Id).ToListAsync(ct);
        var releases = new List<CodeSetRelease>(ids.Count);
        foreach (var id in ids)
        {
            // One row at a time: a PTP quarter is megabytes, and only one needs to be in memory as bytes.
            var row = await db.Set<CodeSetReleaseRow>().AsNoTracking().SingleAsync(r => r.Id == id, ct);
            var original = row.GzippedByCodeLedger ? Gunzip(row.Content) : row.Content;
            var sha = Convert.ToHexStringLower(SHA256.HashData(original));
            if (sha != row.Sha256)
            {
                throw new StorageException(StorageErrorCodes.CodeSetCorrupt, $"stored release {row.Kind}@{row.EffectiveDate:yyyy-MM-dd} ({row.FileName}) no longer hashes to {row.Sha256}");
            }

            releases.Add(CodeSetImporter.Import(Kind(row.Kind), original, row.FileName, row.EffectiveDate, row.EffectiveThrough));
        }

        return new CodeSetLibrary(releases);
    }

    private static CodeSetKind Kind(string token) =>
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

    private static byte[] Gunzip(byte[] content)
    {
        using var input = new GZipStream(new MemoryStream(content), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
