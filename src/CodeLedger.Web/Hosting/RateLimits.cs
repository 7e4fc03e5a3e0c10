using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CodeLedger.Web.Hosting;

/// <summary>
/// The host's rate limits (Microsoft.AspNetCore.RateLimiting), by name. Endpoints opt in:
/// <c>.RequireRateLimiting(RateLimits.SignIn)</c> on the sign-in endpoints and
/// <c>.RequireRateLimiting(RateLimits.Token)</c> on the bearer-authenticated API group. A refused
/// request gets 429 REQUEST-RATE-LIMITED as ProblemDetails with Retry-After. The limiter runs
/// before authentication, so attempts with a wrong password or a wrong token count too.
/// </summary>
public static class RateLimits
{
    /// <summary>
    /// Sign-in attempts: limited per client address (this policy) and, for a POSTed form, per user
    /// name as well (whatever address it comes from: a distributed guess at one account), so neither
    /// many names from one address nor one name from many addresses gets unlimited tries. Identity's
    /// lockout still locks the account after repeated failures; this limit keeps the guessing slow
    /// before that and for names that do not exist.
    /// </summary>
    public const string SignIn = "sign-in";

    /// <summary>Requests carrying a bearer token: limited per token (its hash; the token itself is never kept), else per client address.</summary>
    public const string Token = "token";

    /// <summary>The form fields the per-user-name sign-in limit reads the user name from (a page model's <c>Input.UserName</c>, or a plain form).</summary>
    public static IReadOnlyList<string> UserNameFields { get; } = ["Input.UserName", "UserName", "username"];

    public static IServiceCollection AddCodeLedgerRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (rejected, _) =>
            {
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                {
                    rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await CodedProblem.RateLimited().ExecuteAsync(rejected.HttpContext);
            };
            o.AddPolicy(SignIn, context =>
            {
                var limits = Limits(context);
                return RateLimitPartition.GetFixedWindowLimiter("address:" + Address(context), _ => Window(limits.SignInPerAddress, limits.SignInWindowSeconds));
            });
            o.AddPolicy(Token, context =>
            {
                var limits = Limits(context);
                var key = BearerHash(context) is { } hash ? "token:" + hash : "address:" + Address(context);
                return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.TokenBurst,
                    TokensPerPeriod = limits.TokenRequestsPerSecond * limits.TokenRefillSeconds,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(limits.TokenRefillSeconds),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });

            // The global limiter carries the second dimension of sign-in: the user name. It limits
            // nothing else (a policy can partition on one key only).
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSignInAttempt(context) && SubmittedUserName(context) is { } user
                    ? RateLimitPartition.GetFixedWindowLimiter("user:" + Hash(user.ToUpperInvariant()), _ => Window(Limits(context).SignInPerUserName, Limits(context).SignInWindowSeconds))
                    : RateLimitPartition.GetNoLimiter(string.Empty));
        });
        return services;
    }

    /// <summary>
    /// The rate limiter, after routing (policies are endpoint metadata). A sign-in form is read
    /// (buffered, so the page still binds it) before the limiter, which reads the user name from it.
    /// </summary>
    public static IApplicationBuilder UseCodeLedgerRateLimits(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (IsSignInAttempt(context) && context.Request.HasFormContentType)
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }

            await next(context);
        });
        return app.UseRateLimiter();
    }

    private static bool IsSignInAttempt(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>() is { PolicyName: SignIn };

    private static string? SubmittedUserName(HttpContext context)
    {
        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IFormFeature>()?.Form is not { } form)
        {
            return null;
        }

        foreach (var field in UserNameFields)
        {
            if (form[field].ToString() is { Length: > 0 } name)
            {
                return name.Trim();
            }
        }

        return null;
    }

    private static RateLimitOptions Limits(HttpContext context) => context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue;

    private static FixedWindowRateLimiterOptions Window(int permits, int seconds) =>
        new() { PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromSeconds(Math.Max(1, seconds)), QueueLimit = 0, AutoReplenishment = true };

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string? BearerHash(HttpContext context) =>
        context.Request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7
            ? Hash(header[7..].Trim())
            : null;

    private static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
