using CodeLedger.Core.Common;

namespace CodeLedger.Core.CodeSets;

/// <summary>Errors of code-set release files. A malformed file is refused whole; nothing is stored. Listed with their statuses in docs/ERRORS.md.</summary>
public static class CodeSetErrors
{
    /// <summary>A release file that does not follow its published layout (file, line and field named).</summary>
    public static readonly ErrorCode Malformed = new("CODESET-FORMAT", ErrorExit.Refused, Http.UnprocessableContent);

    /// <summary>A file already imported (same SHA-256) imported again with another kind or period in force: one file is one release.</summary>
    public static readonly ErrorCode AlreadyImportedOtherwise = new("CODESET-ALREADY-IMPORTED", ErrorExit.Refused, Http.Conflict);
}
