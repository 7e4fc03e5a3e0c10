using CodeLedger.Core.Common;
using CodeLedger.Core.Ledger.Checkpoints;

namespace CodeLedger.Storage.Protection;

/// <summary>
/// Where the vendor's checkpoint signing key comes from, mirroring <see cref="PhiKeys"/>: the
/// variable <c>CODELEDGER_SIGNING_KEY</c> (PKCS#8 PEM or its base64); for SQLite, the key file
/// beside the database (<c>codeledger.db.signkey</c>), created on first use readable by its owner
/// only. Never inside the database: whoever can edit the tables must not be able to sign for them.
/// A PostgreSQL server is shared by several machines, so its key is never kept beside it.
/// </summary>
public static class SigningKeys
{
    public const string Variable = "CODELEDGER_SIGNING_KEY";
    public const string FileSuffix = ".signkey";

    /// <summary>
    /// The key for <paramref name="location"/>. <paramref name="variable"/> is the value of
    /// <see cref="Variable"/> (the caller reads the environment, so tests need not set it). A new key
    /// file is reported in <see cref="SigningKeyResolution.CreatedFile"/>, for the caller to say so.
    /// </summary>
    public static async Task<SigningKeyResolution> ResolveAsync(DatabaseLocation location, string? variable, CancellationToken ct)
    {
        if (variable is { Length: > 0 })
        {
            return new(SigningKey.Parse(variable, Variable), null, Variable);
        }

        if (location.SqlitePath is not { } path)
        {
            throw new DomainException(CheckpointErrors.SigningKeyMissing,
                $"{location.Display} has no signing key beside it: set {Variable} to the vendor's ECDSA P-256 private key (PKCS#8 PEM)");
        }

        var file = path + FileSuffix;
        if (File.Exists(file))
        {
            return new(SigningKey.Parse(await File.ReadAllTextAsync(file, ct), file), null, file);
        }

        var key = SigningKey.Generate();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(file, options))
        await using (var writer = new StreamWriter(stream))
        {
            await writer.WriteAsync(key.ToPem().AsMemory(), ct);
        }

        return new(key, file, file);
    }
}

/// <summary>The signing key found, the file created for it (null when it already existed or came from the variable), and where it came from.</summary>
public sealed record SigningKeyResolution(SigningKey Key, string? CreatedFile, string Source);
