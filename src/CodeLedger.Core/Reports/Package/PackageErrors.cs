using CodeLedger.Core.Common;

namespace CodeLedger.Core.Reports.Package;

/// <summary>
/// Errors of the monthly package's files (docs/PACKAGE.md): writing a package, and the file half
/// of <c>report verify</c>. Listed with their statuses in docs/ERRORS.md. Messages name files and
/// manifest fields, never a figure's PHI (a package holds none) nor a file's content.
/// </summary>
public static class PackageErrors
{
    /// <summary>A file listed in the manifest whose bytes no longer have the listed SHA-256 or size.</summary>
    public static readonly ErrorCode FileChanged = new("PACKAGE-FILE-CHANGED", ErrorExit.Refused, Http.Conflict);

    /// <summary>A file listed in the manifest is not in the folder.</summary>
    public static readonly ErrorCode FileMissing = new("PACKAGE-FILE-MISSING", ErrorExit.Refused, Http.Conflict);

    /// <summary>A file (or folder) in the package folder that the manifest does not list.</summary>
    public static readonly ErrorCode FileAdded = new("PACKAGE-FILE-ADDED", ErrorExit.Refused, Http.Conflict);

    /// <summary>The folder has no manifest.json (or is not a folder).</summary>
    public static readonly ErrorCode ManifestMissing = new("PACKAGE-MANIFEST-MISSING", ErrorExit.Unreadable, Http.NotFound);

    /// <summary>manifest.json is not the documented JSON, byte for byte as CodeLedger writes it (the field is named).</summary>
    public static readonly ErrorCode ManifestMalformed = new("PACKAGE-MANIFEST-MALFORMED", ErrorExit.Unreadable, Http.UnprocessableContent);

    /// <summary>The checkpoint file does not read, its signature does not verify, or it does not end the manifest's ledger range.</summary>
    public static readonly ErrorCode CheckpointInvalid = new("PACKAGE-CHECKPOINT-INVALID", ErrorExit.Refused, Http.Conflict);

    /// <summary>Writing over a folder that holds a different package (or anything else) without being told to replace it.</summary>
    public static readonly ErrorCode Exists = new("PACKAGE-EXISTS", ErrorExit.Refused, Http.Conflict);

    /// <summary>The figures given for package.json are not one JSON value in UTF-8.</summary>
    public static readonly ErrorCode FiguresInvalid = new("PACKAGE-FIGURES-INVALID", ErrorExit.Unreadable, Http.BadRequest);

    /// <summary>The manifest's facts do not hold together: a ledger range that is empty or backwards, a checkpoint not at its end, a practice or release without a name.</summary>
    public static readonly ErrorCode FactsInvalid = new("PACKAGE-FACTS-INVALID", ErrorExit.Refused, Http.UnprocessableContent);
}
