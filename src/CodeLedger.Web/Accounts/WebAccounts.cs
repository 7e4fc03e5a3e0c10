using System.Security.Claims;
using System.Text.Encodings.Web;
using CodeLedger.Core.Accounts;
using CodeLedger.Core.Common;
using CodeLedger.Storage;
using CodeLedger.Storage.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace CodeLedger.Web.Accounts;

/// <summary>
/// Who is asking. Pages sign in with a password (and a TOTP code for the roles that read PHI) and
/// hold a cookie; the API takes only personal access tokens (<c>Authorization: Bearer cl_...</c>),
/// so a page's cookie can never be replayed against the API by another site (no CSRF on the API).
/// A policy scheme picks by the header. Every endpoint needs a signed-in user unless it says
/// otherwise (<c>/health</c>, the sign-in pages). Either way the user becomes one
/// <see cref="Principal"/> (<see cref="WebPrincipal.Of"/>), which the endpoints pass to the desks.
/// </summary>
public static class WebAccounts
{
    public const string Cookie = "CodeLedger.Cookie";
    public const string Token = "CodeLedger.Token";
    public const string Choose = "CodeLedger";

    /// <summary>Between a correct password and the second factor: proves the password, grants nothing else.</summary>
    public const string Pending = "CodeLedger.Pending";

    /// <summary>The API's policy: a bearer token and nothing else.</summary>
    public const string Api = "api";

    public static IServiceCollection AddCodeLedgerAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        var policy = AccountPolicy.Default;
        var section = configuration.GetSection("CodeLedger:Accounts");
        policy = policy with
        {
            MaxFailedSignIns = section.GetValue("MaxFailedSignIns", policy.MaxFailedSignIns),
            Lockout = TimeSpan.FromMinutes(section.GetValue("LockoutMinutes", policy.Lockout.TotalMinutes)),
            SecondFactorForPhiRoles = section.GetValue("SecondFactorForPhiRoles", policy.SecondFactorForPhiRoles),
            TokenMaxLife = TimeSpan.FromDays(section.GetValue("TokenMaxDays", policy.TokenMaxLife.TotalDays)),
        };
        services.AddSingleton(sp => new AccountDesk(sp.GetRequiredService<CodeLedgerStore>(), policy));
        services.AddAuthentication(Choose)
            .AddPolicyScheme(Choose, "cookie for pages, bearer token for the API", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? Token : Cookie)
            .AddCookie(Cookie, o =>
            {
                o.Cookie.Name = "codeledger";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/sign-in";
                o.LogoutPath = "/sign-out";
                o.AccessDeniedPath = "/not-found";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = false;
                o.Events.OnValidatePrincipal = ValidateSessionAsync;
                // A browser is sent to sign in; a program asking for a document (the OpenAPI
                // description) gets the coded 401 an API client can act on.
                o.Events.OnRedirectToLogin = context => context.Request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase) || context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                    ? CodedProblem.From(AccountErrors.SignInRequired, "sign in first (a page) or send a personal access token (Authorization: Bearer cl_...)").ExecuteAsync(context.HttpContext)
                    : RedirectAsync(context);
            })
            .AddCookie(Pending, o =>
            {
                o.Cookie.Name = "codeledger-pending";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
                o.LoginPath = "/sign-in";
            })
            .AddScheme<AuthenticationSchemeOptions, TokenHandler>(Token, null);
        services.AddAuthorization(o =>
        {
            o.FallbackPolicy = new AuthorizationPolicyBuilder(Choose).RequireAuthenticatedUser().Build();
            o.AddPolicy(Api, p => p.AddAuthenticationSchemes(Token).RequireAuthenticatedUser());
        });
        return services;
    }

    /// <summary>The claims a session or a token carries: enough to rebuild the principal without a read.</summary>
    public static ClaimsPrincipal Claims(Principal principal, string scheme, string? stamp = null)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, principal.UserName),
            new(ClaimTypes.Role, principal.Role.Name()),
            new(WebPrincipal.OrganizationClaim, principal.OrganizationId.ToString()),
        };
        if (principal.CoderId is { } coder)
        {
            claims.Add(new(WebPrincipal.CoderClaim, coder.ToString()));
        }

        if (principal.PhysicianNpi is { } npi)
        {
            claims.Add(new(WebPrincipal.NpiClaim, npi));
        }

        if (stamp is not null)
        {
            claims.Add(new(WebPrincipal.StampClaim, stamp));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    private static Task RedirectAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>A session ends when its user is disabled, their password reset, or their role changed: the security stamp moved.</summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.Identity?.Name;
        var stamp = context.Principal?.FindFirst(WebPrincipal.StampClaim)?.Value;
        var desk = context.HttpContext.RequestServices.GetRequiredService<AccountDesk>();
        if (name is null || stamp is null || await desk.StampAsync(name, context.HttpContext.RequestAborted) != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Cookie);
        }
    }

    /// <summary>
    /// <c>Authorization: Bearer cl_...</c>: the token's user, as they are now. A refusal answers 401
    /// ProblemDetails with the token's code (expired, revoked, invalid, user disabled).
    /// </summary>
    private sealed class TokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccountDesk desk)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        private DomainException? _refusal;

        protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var header = Request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return AuthenticateResult.NoResult();
            }

            try
            {
                var principal = await desk.AuthenticateTokenAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
                return AuthenticateResult.Success(new AuthenticationTicket(Claims(principal, Token), Token));
            }
            catch (DomainException e)
            {
                _refusal = e;
                return AuthenticateResult.Fail(e.Error.Value);
            }
        }

        protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
            (_refusal is { } e ? CodedProblem.From(e)
                : CodedProblem.From(AccountErrors.SignInRequired, "the API takes a personal access token: Authorization: Bearer cl_...")).ExecuteAsync(Context);

        protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
            CodedProblem.From(CodeLedger.Core.Tenancy.TenancyErrors.RoleRefused, "this token's user may not do this").ExecuteAsync(Context);
    }
}

/// <summary>The signed-in user as the desks take them.</summary>
public static class WebPrincipal
{
    public const string OrganizationClaim = "codeledger:organization";
    public const string CoderClaim = "codeledger:coder";
    public const string NpiClaim = "codeledger:npi";
    public const string StampClaim = "codeledger:stamp";

    /// <summary>The principal of an authenticated request (the fallback policy guarantees one); null for an anonymous one.</summary>
    public static Principal? Of(ClaimsPrincipal user)
    {
        if (user.Identity is not { IsAuthenticated: true, Name: { } name } || !UserRoles.TryParse(user.FindFirst(ClaimTypes.Role)?.Value, out var role)
            || !Guid.TryParse(user.FindFirst(OrganizationClaim)?.Value, out var org))
        {
            return null;
        }

        Guid? coder = Guid.TryParse(user.FindFirst(CoderClaim)?.Value, out var c) ? c : null;
        return new Principal(name, role, org, coder, user.FindFirst(NpiClaim)?.Value);
    }
}
