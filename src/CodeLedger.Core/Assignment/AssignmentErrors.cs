using CodeLedger.Core.Common;

namespace CodeLedger.Core.Assignment;

/// <summary>Errors about assignment and the credential-to-specialty map. Listed with their statuses in docs/ERRORS.md.</summary>
public static class AssignmentErrors
{
    /// <summary>A credential map that is not the documented JSON, names an unknown credential, or a credential without specialties.</summary>
    public static readonly ErrorCode CredentialMapInvalid = new("CREDENTIAL-MAP-INVALID", ErrorExit.Refused, Http.BadRequest);
}
