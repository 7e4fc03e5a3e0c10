using CodeLedger.Core.Common;

namespace CodeLedger.Core.Organizations;

/// <summary>Errors about organizations: practices, coding vendors, audit firms. Listed with their statuses in docs/ERRORS.md.</summary>
public static class OrganizationErrors
{
    /// <summary>An organization code with characters other than letters, digits, "-" and "_".</summary>
    public static readonly ErrorCode Code = new("ORG-CODE", ErrorExit.Refused, Http.BadRequest);

    /// <summary>No organization of the expected kind has that code.</summary>
    public static readonly ErrorCode Unknown = new("ORG-UNKNOWN", ErrorExit.Refused, Http.NotFound);
}
