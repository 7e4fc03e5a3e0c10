using CodeLedger.Core.Common;

namespace CodeLedger.Core.Coders;

/// <summary>Errors about coders, their credentials and absences. Listed with their statuses in docs/ERRORS.md.</summary>
public static class CoderErrors
{
    /// <summary>No coder with that user name.</summary>
    public static readonly ErrorCode Unknown = new("CODER-UNKNOWN", ErrorExit.Refused, Http.NotFound);

    /// <summary>A credential that expires before it was issued.</summary>
    public static readonly ErrorCode CredentialDates = new("CREDENTIAL-DATES", ErrorExit.Refused, Http.BadRequest);

    /// <summary>An absence that ends before it starts.</summary>
    public static readonly ErrorCode AbsenceDates = new("ABSENCE-DATES", ErrorExit.Refused, Http.BadRequest);
}
