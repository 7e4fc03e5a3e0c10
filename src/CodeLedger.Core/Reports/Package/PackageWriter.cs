using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Reports.Package;

/// <summary>
/// Writes a package folder: index.html, one CSV per table, package.json (the figures exactly as
/// given), checkpoint.json (the signed receipt, byte for byte as <c>ledger checkpoint</c> writes
/// it) and manifest.json with every other file's SHA-256 and size. The same inputs give the same
/// bytes. Writing is all or nothing: the files go to a fresh folder beside the target, which is
/// then renamed into place, so a reader never sees half a package. An existing folder holding the
/// same package is left as it is (writing twice is idempotent); a different one is refused unless
/// <c>replace</c> is set, and a folder that is not a package is never replaced.
/// </summary>
public static class PackageWriter
{
    /// <summary>The package's files by name (manifest.json included), as they would be written.</summary>
    public static IReadOnlyDictionary<string, byte[]> Render(PackageDocument document, ReadOnlyMemory<byte> figuresJson, ManifestFacts facts)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(facts);
        if (document.Month != facts.Month)
        {
            throw new DomainException(PackageErrors.FactsInvalid, $"package manifest: the document is for {document.Month}, the facts for {facts.Month}");
        }

        RequireJson(figuresJson);
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [PackageFiles.Index] = new UTF8Encoding(false).GetBytes(HtmlRenderer.Render(document)),
            [PackageFiles.Figures] = figuresJson.ToArray(),
            [PackageFiles.Checkpoint] = facts.Checkpoint.ToJson(),
        };
        foreach (var section in document.Sections)
        {
            foreach (var table in section.Tables)
            {
                var name = PackageFiles.CsvName(section, table);
                if (!files.TryAdd(name, Csv.Write(table)))
                {
                    throw new ArgumentException($"table file {name} collides with a file of the package", nameof(document));
                }
            }
        }

        var receipt = facts.Checkpoint;
        var manifest = new PackageManifest(facts.Practice, facts.Month.ToString(), facts.Ledger, facts.CodeSetReleases,
            new ManifestCheckpoint(PackageFiles.Checkpoint, receipt.Checkpoint.Sequence, receipt.Checkpoint.Head, receipt.PublicKey.KeyId),
            [.. files.Select(f => new ManifestFile(f.Key, Sha256(f.Value), f.Value.LongLength))]);
        files[PackageFiles.Manifest] = manifest.ToJson();
        return files;
    }

    /// <summary>Writes the package to <paramref name="directory"/>; returns false when the same package was already there (nothing written).</summary>
    public static bool Write(PackageDocument document, ReadOnlyMemory<byte> figuresJson, ManifestFacts facts, string directory, bool replace = false) =>
        Write(Render(document, figuresJson, facts), directory, replace);

    /// <summary>Writes files <see cref="Render"/> gave (a package built once, then served and written alike); false when the same package was already there.</summary>
    public static bool Write(IReadOnlyDictionary<string, byte[]> files, string directory, bool replace = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(files);
        var target = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar);
        if (File.Exists(target))
        {
            throw new DomainException(PackageErrors.Exists, $"{directory} is a file, not a package folder");
        }

        var exists = Directory.Exists(target);
        if (exists && Directory.EnumerateFileSystemEntries(target).Any())
        {
            if (SameFiles(target, files))
            {
                return false;
            }

            if (!File.Exists(Path.Combine(target, PackageFiles.Manifest)))
            {
                throw new DomainException(PackageErrors.Exists, $"{directory} holds files and is not a package (no {PackageFiles.Manifest}): choose an empty or new folder");
            }

            if (!replace)
            {
                throw new DomainException(PackageErrors.Exists, $"{directory} holds a different package: write to another folder, or replace it");
            }
        }

        var parent = Path.GetDirectoryName(target) ?? throw new DomainException(PackageErrors.Exists, $"{directory} has no parent folder");
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, "." + Path.GetFileName(target) + ".writing-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var (name, bytes) in files)
            {
                File.WriteAllBytes(Path.Combine(staging, name), bytes);
            }

            if (exists)
            {
                // Move the old folder aside first: Directory.Move does not replace, and between the
                // two moves a reader sees no package rather than a mix of two.
                var old = Path.Combine(parent, "." + Path.GetFileName(target) + ".replaced-" + Guid.NewGuid().ToString("N"));
                Directory.Move(target, old);
                Directory.Move(staging, target);
                Directory.Delete(old, recursive: true);
            }
            else
            {
                Directory.Move(staging, target);
            }
        }
        catch
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            throw;
        }

        return true;
    }

    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static bool SameFiles(string folder, IReadOnlyDictionary<string, byte[]> files)
    {
        var present = Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        return present.SequenceEqual(files.Keys.Order(StringComparer.Ordinal), StringComparer.Ordinal)
            && files.All(f => File.Exists(Path.Combine(folder, f.Key)) && File.ReadAllBytes(Path.Combine(folder, f.Key)).AsSpan().SequenceEqual(f.Value));
    }

    private static void RequireJson(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new DomainException(PackageErrors.FiguresInvalid, $"{PackageFiles.Figures}: the figures are not JSON{(e.LineNumber is { } line ? $" (line {line + 1})" : string.Empty)}");
        }
        catch (ArgumentException)
        {
            throw new DomainException(PackageErrors.FiguresInvalid, $"{PackageFiles.Figures}: the figures are not UTF-8 text");
        }
    }
}
