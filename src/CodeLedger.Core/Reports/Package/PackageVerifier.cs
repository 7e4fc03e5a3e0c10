using CodeLedger.Core.Common;
using CodeLedger.Core.Ledger.Checkpoints;

namespace CodeLedger.Core.Reports.Package;

/// <summary>One thing wrong with a package: a stable code, the file (and field) it concerns, and what is wrong, without the file's content.</summary>
public sealed record PackageProblem(ErrorCode Code, string File, string Message)
{
    public override string ToString() => $"{Code.Value}: {File}: {Message}";
}

/// <summary>A difference between a figure in package.json and the same figure recomputed from the ledger (filled by the replay half of verify).</summary>
public sealed record FigureDifference(string Path, string InPackage, string Recomputed);

/// <summary>What is known of the package's checkpoint against a ledger.</summary>
public enum CheckpointStatus
{
    /// <summary>Only the files were checked: the receipt reads and its signature verifies, but no ledger was consulted.</summary>
    NotCheckedAgainstLedger,

    /// <summary>The ledger still holds the checkpoint (same head at the same sequence, same counts).</summary>
    Held,

    /// <summary>The ledger no longer holds it (truncated, rewritten, counts differ).</summary>
    NotHeld,
}

/// <summary>
/// The result of <c>report verify</c>: the files' problems (this half), the figures that no longer
/// match a replay of the ledger and the checkpoint's status against it (the replay half, next:
/// <see cref="WithReplay"/> adds them). Clean only when all three are.
/// </summary>
public sealed record PackageVerification(PackageManifest? Manifest, IReadOnlyList<PackageProblem> FileProblems,
    IReadOnlyList<FigureDifference> FigureDifferences, CheckpointStatus Checkpoint)
{
    public bool FilesIntact => FileProblems.Count == 0;

    public bool IsClean => FilesIntact && FigureDifferences.Count == 0 && Checkpoint != CheckpointStatus.NotHeld;

    public PackageVerification WithReplay(IReadOnlyList<FigureDifference> differences, CheckpointStatus checkpoint) =>
        this with { FigureDifferences = differences, Checkpoint = checkpoint };
}

/// <summary>
/// The file half of <c>report verify</c>: reads manifest.json strictly, then reports every listed
/// file that is missing or whose SHA-256 or size changed, every file the manifest does not list,
/// and a checkpoint receipt that does not read, does not verify, or is not the one the manifest
/// names. All problems are reported, not the first only.
/// </summary>
public static class PackageVerifier
{
    public static PackageVerification CheckFiles(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var problems = new List<PackageProblem>();
        var manifestPath = Path.Combine(directory, PackageFiles.Manifest);
        if (!Directory.Exists(directory) || !File.Exists(manifestPath))
        {
            problems.Add(new PackageProblem(PackageErrors.ManifestMissing, PackageFiles.Manifest, $"{directory} has no {PackageFiles.Manifest}: it is not a package folder"));
            return new PackageVerification(null, problems, [], CheckpointStatus.NotCheckedAgainstLedger);
        }

        PackageManifest manifest;
        try
        {
            manifest = PackageManifest.Parse(File.ReadAllBytes(manifestPath));
        }
        catch (DomainException e)
        {
            problems.Add(new PackageProblem(e.Error, PackageFiles.Manifest, e.Message));
            return new PackageVerification(null, problems, [], CheckpointStatus.NotCheckedAgainstLedger);
        }

        var listed = manifest.Files.ToDictionary(f => f.Name, StringComparer.Ordinal);
        foreach (var file in manifest.Files)
        {
            var path = Path.Combine(directory, file.Name);
            if (!File.Exists(path))
            {
                problems.Add(new PackageProblem(PackageErrors.FileMissing, file.Name, "is listed in the manifest but not in the folder"));
                continue;
            }

            var bytes = File.ReadAllBytes(path);
            if (bytes.LongLength != file.Bytes || PackageWriter.Sha256(bytes) != file.Sha256)
            {
                problems.Add(new PackageProblem(PackageErrors.FileChanged, file.Name,
                    $"changed: {bytes.LongLength} bytes with another SHA-256 than the manifest's ({file.Bytes} bytes, {file.Sha256[..12]}...)"));
            }
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            if (entry is not null && entry != PackageFiles.Manifest && !listed.ContainsKey(entry))
            {
                problems.Add(new PackageProblem(PackageErrors.FileAdded, entry, "is in the folder but not in the manifest"));
            }
        }

        CheckReceipt(directory, manifest, problems);
        return new PackageVerification(manifest, problems, [], CheckpointStatus.NotCheckedAgainstLedger);
    }

    private static void CheckReceipt(string directory, PackageManifest manifest, List<PackageProblem> problems)
    {
        var path = Path.Combine(directory, manifest.Checkpoint.File);
        if (!File.Exists(path))
        {
            return; // already reported as missing
        }

        CheckpointReceipt receipt;
        try
        {
            receipt = CheckpointReceipt.Parse(File.ReadAllBytes(path), manifest.Checkpoint.File);
        }
        catch (DomainException e)
        {
            problems.Add(new PackageProblem(PackageErrors.CheckpointInvalid, manifest.Checkpoint.File, $"does not read as a receipt ({e.Code})"));
            return;
        }

        if (!receipt.SignatureVerifies())
        {
            problems.Add(new PackageProblem(PackageErrors.CheckpointInvalid, manifest.Checkpoint.File, "its signature does not verify against the key it names"));
        }

        var named = manifest.Checkpoint;
        if (receipt.Checkpoint.Sequence != named.Sequence || receipt.Checkpoint.Head != named.Head || receipt.PublicKey.KeyId != named.KeyId)
        {
            problems.Add(new PackageProblem(PackageErrors.CheckpointInvalid, manifest.Checkpoint.File,
                "is not the checkpoint the manifest names (field 'checkpoint': sequence, head or keyId differ)"));
        }
    }
}
