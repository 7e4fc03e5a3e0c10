using CodeLedger.Core.Common;

namespace CodeLedger.Core.Claims;

/// <summary>
/// Errors of <c>import claims</c>, a vendor's coded 837P loaded by the practice (docs/CLAIMS-IMPORT.md).
/// The whole file is refused; nothing is stored. Listed with their statuses in docs/ERRORS.md.
/// </summary>
public static class ClaimsImportErrors
{
    /// <summary>The file is not X12, not an 837P, or has structural errors (the X12 reader's findings are listed).</summary>
    public static readonly ErrorCode Unreadable = new("CLAIMS-IMPORT-UNREADABLE", ErrorExit.Unreadable, Http.BadRequest);

    /// <summary>Some claims do not match an encounter of the practice (every problem listed by ST, CLM01, segment and field).</summary>
    public static readonly ErrorCode Unmatched = new("CLAIMS-IMPORT-UNMATCHED", ErrorExit.Refused, Http.UnprocessableContent);
}
