using CodeLedger.Core.Common;

namespace CodeLedger.Core.Accounts;

/// <summary>Errors about user accounts, sign-in and personal access tokens. Listed with their statuses in docs/ERRORS.md.</summary>
public static class AccountErrors
{
    /// <summary>No user with that name (the CLI's <c>--as</c>, a sign-in, an admin command).</summary>
    public static readonly ErrorCode UserUnknown = new("USER-UNKNOWN", ErrorExit.Refused, Http.Unauthorized);

    /// <summary>The user's account is disabled: no sign-in, no token, no <c>--as</c>.</summary>
    public static readonly ErrorCode UserDisabled = new("USER-DISABLED", ErrorExit.Refused, Http.Unauthorized);

    // A role that is not one the work needs is Tenancy's ACCESS-ROLE-REFUSED (TenancyErrors.RoleRefused):
    // one code for "you may not do this with your role", whether the CLI's --as or the access policy finds it.

    /// <summary>A user name that is not 3 to 64 lower-case letters, digits, dots, hyphens or underscores.</summary>
    public static readonly ErrorCode UserNameInvalid = new("USER-NAME-INVALID", ErrorExit.Refused, Http.BadRequest);

    /// <summary>A role name that is not one of the six roles.</summary>
    public static readonly ErrorCode RoleUnknown = new("USER-ROLE-UNKNOWN", ErrorExit.Refused, Http.BadRequest);

    /// <summary>A role that does not fit the organization's kind (a coder in a practice, a physician in a vendor).</summary>
    public static readonly ErrorCode RoleOrganizationMismatch = new("USER-ROLE-ORGANIZATION", ErrorExit.Refused, Http.BadRequest);

    /// <summary>A coder or lead user whose coder record is missing or of another vendor; a physician user whose NPI is not enrolled at that practice.</summary>
    public static readonly ErrorCode LinkInvalid = new("USER-LINK-INVALID", ErrorExit.Refused, Http.BadRequest);

    /// <summary>A user name already held by another organization or with another link: a spec may not move a user.</summary>
    public static readonly ErrorCode UserConflict = new("USER-CONFLICT", ErrorExit.Refused, Http.Conflict);

    /// <summary>A password that fails the policy (at least 12 characters, of at least 4 distinct characters).</summary>
    public static readonly ErrorCode PasswordPolicy = new("PASSWORD-POLICY", ErrorExit.Refused, Http.BadRequest);

    /// <summary>Wrong user name or password (which of the two is not said).</summary>
    public static readonly ErrorCode SignInFailed = new("SIGN-IN-FAILED", ErrorExit.Refused, Http.Unauthorized);

    /// <summary>Too many failed sign-ins: the account is locked until the time given.</summary>
    public static readonly ErrorCode LockedOut = new("USER-LOCKED-OUT", ErrorExit.Refused, Http.Unauthorized);

    /// <summary>The one-time code of the second factor is wrong, malformed or already used.</summary>
    public static readonly ErrorCode SecondFactorInvalid = new("SECOND-FACTOR-INVALID", ErrorExit.Refused, Http.Unauthorized);

    /// <summary>The role reads PHI and the deployment requires a second factor: the user must enrol one before going further.</summary>
    public static readonly ErrorCode SecondFactorRequired = new("SECOND-FACTOR-REQUIRED", ErrorExit.Refused, Http.Unauthorized);

    /// <summary>A bearer token that is not a CodeLedger token or matches none issued.</summary>
    public static readonly ErrorCode TokenInvalid = new("TOKEN-INVALID", ErrorExit.Refused, Http.Unauthorized);

    /// <summary>A token past its expiry.</summary>
    public static readonly ErrorCode TokenExpired = new("TOKEN-EXPIRED", ErrorExit.Refused, Http.Unauthorized);

    /// <summary>A token its user or an admin revoked.</summary>
    public static readonly ErrorCode TokenRevoked = new("TOKEN-REVOKED", ErrorExit.Refused, Http.Unauthorized);

    /// <summary>A token requested without a name, with an expiry not in the future, or beyond the longest allowed.</summary>
    public static readonly ErrorCode TokenTermsInvalid = new("TOKEN-TERMS-INVALID", ErrorExit.Refused, Http.BadRequest);

    /// <summary>A request to the API without a bearer token, or to a page without a session.</summary>
    public static readonly ErrorCode SignInRequired = new("SIGN-IN-REQUIRED", ErrorExit.Refused, Http.Unauthorized);

    /// <summary>No token of that user with that id or prefix.</summary>
    public static readonly ErrorCode TokenUnknown = new("TOKEN-UNKNOWN", ErrorExit.Refused, Http.NotFound);
}
