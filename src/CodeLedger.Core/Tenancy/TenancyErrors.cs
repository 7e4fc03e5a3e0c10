using CodeLedger.Core.Common;

namespace CodeLedger.Core.Tenancy;

/// <summary>
/// Errors of the tenant boundary. A record outside a person's tenant is never one of these: it is
/// "not found" with the code and message of a missing one (ENCOUNTER-UNKNOWN, QUERY-UNKNOWN), so
/// that existence does not leak. Listed with their statuses in docs/ERRORS.md.
/// </summary>
public static class TenancyErrors
{
    /// <summary>The person reaches the encounter, but their role does not do this (a vendor admin codes nothing; a practice admin reads no notes).</summary>
    public static readonly ErrorCode RoleRefused = new("ACCESS-ROLE-REFUSED", ErrorExit.Refused, Http.Forbidden);

    /// <summary>An audit grant that names no encounter.</summary>
    public static readonly ErrorCode GrantEmpty = new("AUDIT-GRANT-EMPTY", ErrorExit.Refused, Http.BadRequest);

    /// <summary>An audit grant that ends before it starts.</summary>
    public static readonly ErrorCode GrantWindow = new("AUDIT-GRANT-WINDOW", ErrorExit.Refused, Http.BadRequest);

    /// <summary>A <c>phi-access</c> period that ends before it starts.</summary>
    public static readonly ErrorCode AccountingPeriod = new("PHI-ACCESS-PERIOD", ErrorExit.Unreadable, Http.BadRequest);
}
