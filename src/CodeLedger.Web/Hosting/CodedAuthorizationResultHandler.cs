using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CodeLedger.Web.Hosting;

/// <summary>
/// What a refused request gets. With an authentication scheme that can challenge (the session
/// cookie redirects a page to sign-in; the bearer scheme answers 401), the scheme decides and an
/// empty 401 or 403 becomes ProblemDetails in <see cref="CodedProblem"/>. Where no scheme can
/// challenge, the host answers 401 REQUEST-UNAUTHENTICATED (or 403 REQUEST-FORBIDDEN) itself
/// instead of failing the request: an endpoint is closed by default even before any sign-in exists.
/// </summary>
public sealed class CodedAuthorizationResultHandler(IAuthenticationSchemeProvider schemes) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged && policy.AuthenticationSchemes.Count == 0 && await schemes.GetDefaultChallengeSchemeAsync() is null)
        {
            await CodedProblem.Unauthenticated().ExecuteAsync(context);
            return;
        }

        if (authorizeResult.Forbidden && policy.AuthenticationSchemes.Count == 0 && await schemes.GetDefaultForbidSchemeAsync() is null)
        {
            await CodedProblem.Forbidden().ExecuteAsync(context);
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
