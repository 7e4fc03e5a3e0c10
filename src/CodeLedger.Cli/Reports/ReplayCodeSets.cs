using System.Globalization;
using System.Security.Cryptography;
using CodeLedger.Core.CodeSets;
using CodeLedger.Core.CodeSets.Starter;
using CodeLedger.Core.Ledger.Replay;
using CodeLedger.Storage;
using CodeLedger.Storage.CodeSets;

namespace CodeLedger.Cli.Reports;

/// <summary>
/// The entries of the code-set releases a replayed ledger names (it holds their headers and SHA-256,
/// not their contents): from the database's stored releases, or, with no database, from the starter
/// set built into CodeLedger and the files in <c>--code-sets DIR</c> (the public CMS files), each
/// matched by SHA-256 and read with the kind and effective dates the ledger recorded.
/// </summary>
internal static class ReplayCodeSets
{
    public static async Task<(CodeSetLibrary Library, IReadOnlyList<CodeSetReleaseInfo> Missing)> FromDatabaseAsync(ReplayedState state, CodeLedgerStore store, CancellationToken ct)
    {
        var stored = await CodeSetCatalog.LoadLibraryAsync(store, null, ct);
        var bySha = stored.Infos.GroupBy(i => i.Sha256, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        return ReplayedMonth.CodeSets(state, info => bySha.TryGetValue(info.Sha256, out var row)
            ? () => stored.OfKind(row.Kind).First(r => string.Equals(r.Info.Sha256, row.Sha256, StringComparison.OrdinalIgnoreCase))
            : null);
    }

    public static (CodeSetLibrary Library, IReadOnlyList<CodeSetReleaseInfo> Missing) FromFiles(ReplayedState state, DirectoryInfo? folder)
    {
        var bySha = new Dictionary<string, Func<byte[]>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (_, _, content) in StarterCodeSet.Files)
        {
            bySha[Convert.ToHexStringLower(SHA256.HashData(content))] = () => content;
        }

        if (folder is not null)
        {
            if (!folder.Exists)
            {
                throw new CliException($"--code-sets {folder.FullName}: folder not found");
            }

            foreach (var file in folder.EnumerateFiles().OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                using var stream = file.OpenRead();
                var path = file.FullName;
                bySha.TryAdd(Convert.ToHexStringLower(SHA256.HashData(stream)), () => File.ReadAllBytes(path));
            }
        }

        return ReplayedMonth.CodeSets(state, info => bySha.TryGetValue(info.Sha256, out var bytes)
            ? () => CodeSetImporter.Import(info.Kind, bytes(), info.FileName, info.EffectiveDate, info.EffectiveThrough)
            : null);
    }

    /// <summary>The line naming a release the ledger imported whose entries are not at hand.</summary>
    public static string MissingLine(CodeSetReleaseInfo info) => string.Create(CultureInfo.InvariantCulture,
        $"not at hand: code-set release {info.Label} ({info.FileName}, SHA-256 {info.Sha256[..Math.Min(12, info.Sha256.Length)]}...): code-set compliance is recomputed without it; give its file with --code-sets DIR");
}
