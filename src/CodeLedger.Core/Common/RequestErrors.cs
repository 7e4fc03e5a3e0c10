namespace CodeLedger.Core.Common;

/// <summary>
/// Requests to the web API that cannot be read: they never reach a rule. Listed with their
/// statuses in docs/ERRORS.md. Messages name the parameter, the JSON field or the position, never
/// the value sent (it may be PHI).
/// </summary>
public static class RequestErrors
{
    /// <summary>A required query-string or path parameter was not given.</summary>
    public static readonly ErrorCode ParameterMissing = new("REQUEST-PARAMETER-MISSING", ErrorExit.Unreadable, Http.BadRequest);

    /// <summary>A query-string parameter given with a value it cannot take (a paging limit out of range, a cursor no page wrote); the message names the parameter, not the value.</summary>
    public static readonly ErrorCode ParameterInvalid = new("REQUEST-PARAMETER-INVALID", ErrorExit.Unreadable, Http.BadRequest);

    /// <summary>An id in the path is not a GUID.</summary>
    public static readonly ErrorCode IdInvalid = new("REQUEST-ID-INVALID", ErrorExit.Unreadable, Http.BadRequest);

    /// <summary>The request body is missing, is not JSON, or is not the expected object (unknown or mistyped fields named).</summary>
    public static readonly ErrorCode BodyInvalid = new("REQUEST-BODY-INVALID", ErrorExit.Unreadable, Http.BadRequest);

    /// <summary>Any other request the host could not read (an error status the framework set with no body).</summary>
    public static readonly ErrorCode Unreadable = new("REQUEST-UNREADABLE", ErrorExit.Unreadable, Http.BadRequest);

    /// <summary>No endpoint at that path.</summary>
    public static readonly ErrorCode NotFound = new("REQUEST-NOT-FOUND", ErrorExit.Unreadable, Http.NotFound);

    /// <summary>The path exists, but not for that HTTP method.</summary>
    public static readonly ErrorCode MethodNotAllowed = new("REQUEST-METHOD", ErrorExit.Unreadable, Http.MethodNotAllowed);

    /// <summary>No signed-in user: the endpoint needs a session cookie or a bearer token (only /health answers anyone).</summary>
    public static readonly ErrorCode Unauthenticated = new("REQUEST-UNAUTHENTICATED", ErrorExit.Refused, Http.Unauthorized);

    /// <summary>A signed-in user whose role the endpoint's policy does not admit (a record of another tenant is a 404 instead, so its existence does not leak).</summary>
    public static readonly ErrorCode Forbidden = new("REQUEST-FORBIDDEN", ErrorExit.Refused, Http.Forbidden);

    /// <summary>Too many requests from one client address, user name or token in the window (sign-in and token use are limited); Retry-After says when to try again.</summary>
    public static readonly ErrorCode RateLimited = new("REQUEST-RATE-LIMITED", ErrorExit.Refused, Http.TooManyRequests);

    /// <summary>An unexpected failure inside the host; logged, and reported without any detail of the request.</summary>
    public static readonly ErrorCode Failed = new("REQUEST-FAILED", ErrorExit.Unreadable, Http.InternalServerError);
}
