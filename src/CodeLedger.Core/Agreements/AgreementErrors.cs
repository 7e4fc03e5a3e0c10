using CodeLedger.Core.Common;

namespace CodeLedger.Core.Agreements;

/// <summary>Errors about business associate agreements (45 CFR 164.504(e)). Listed with their statuses in docs/ERRORS.md.</summary>
public static class AgreementErrors
{
    /// <summary>A BAA that takes effect before it was signed, or expires before it takes effect.</summary>
    public static readonly ErrorCode Dates = new("BAA-DATES", ErrorExit.Refused, Http.BadRequest);

    /// <summary>A BAA whose document SHA-256 is not 64 hexadecimal digits.</summary>
    public static readonly ErrorCode DocumentHash = new("BAA-DOCUMENT-HASH", ErrorExit.Refused, Http.BadRequest);

    /// <summary>No BAA between that practice and vendor is in force: no PHI may move.</summary>
    public static readonly ErrorCode NotInForce = new("BAA-NOT-IN-FORCE", ErrorExit.Refused, Http.Forbidden);
}
