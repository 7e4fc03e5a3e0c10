using CodeLedger.Web.Accounts;
using CodeLedger.Web.Audits;
using CodeLedger.Web.Hosting;
using CodeLedger.Web.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Configuration.Memory;
using Scalar.AspNetCore;

namespace CodeLedger.Web;

/// <summary>
/// The web host, built in one place: <c>Program.cs</c> (<c>dotnet run --project src/CodeLedger.Web</c>)
/// and <c>codeledger serve</c> both run what <see cref="Create"/> returns, so the two can never
/// differ in a header, a limit or an endpoint. The pipeline, in order: security headers on every
/// response; coded ProblemDetails for every error; one PHI-free log line per request; routing;
/// rate limits; authentication and authorization (closed by default: every endpoint needs a
/// signed-in user unless it says AllowAnonymous, and only <c>/health</c> does); the endpoints.
/// </summary>
public static class CodeLedgerWebApp
{
    /// <summary>Paths of endpoints anyone may call, signed in or not. The authorization matrix test fails on any other anonymous endpoint.</summary>
    public static IReadOnlyList<string> AnonymousPaths { get; } = ["/health", "/sign-in", "/sign-in/code", "/sign-in/enrol", "/sign-out"];

    /// <summary>
    /// The host for <paramref name="args"/> (ASP.NET Core's command line: <c>--urls</c>,
    /// <c>--CodeLedger:Database=...</c>). <paramref name="configure"/> runs on the builder before it
    /// is built (the CLI sets the database; a test sets a test server).
    /// </summary>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        // Defaults under every other source (appsettings, environment, command line override them):
        // the framework's own chatter at Warning, CodeLedger's request lines at Information.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = DefaultSettings });
        AddServices(builder);
        configure?.Invoke(builder);
        var app = builder.Build();
        UsePipeline(app);
        MapEndpoints(app);
        return app;
    }

    private static readonly Dictionary<string, string?> DefaultSettings = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
    };

    private static void AddServices(WebApplicationBuilder builder)
    {
        KeepPhiOutOfLogs(builder.Logging);
        builder.Services.AddCodeLedger(builder.Configuration);
        builder.Services.AddProblemDetails();
        builder.Services.AddCodeLedgerRateLimits(builder.Configuration);
        builder.Services.AddCodeLedgerForwardedHeaders(builder.Configuration);
        // Sign-in: a cookie for pages, a bearer token for the API, and the fallback policy that
        // closes every endpoint that does not say AllowAnonymous (Accounts/WebAccounts).
        builder.Services.AddCodeLedgerAccounts(builder.Configuration);
        // Razor Pages: server-rendered forms with anti-forgery built in, no client framework and no
        // script at all, so a CSP without inline scripts holds (docs/ACCOUNTS.md).
        builder.Services.AddRazorPages();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, CodedAuthorizationResultHandler>();
        builder.Services.AddCodeLedgerOpenApi();
    }

    /// <summary>
    /// ASP.NET Core's categories that print a request's query string or a value a parameter was
    /// bound from are held at Warning whatever the configured level (a more specific category rule
    /// wins over a Default one); <see cref="RequestLog"/> writes the request line without them.
    /// </summary>
    private static void KeepPhiOutOfLogs(ILoggingBuilder logging)
    {
        foreach (var category in PhiEchoingCategories)
        {
            logging.AddFilter(category, LogLevel.Warning);
        }
    }

    public static IReadOnlyList<string> PhiEchoingCategories { get; } =
    [
        "Microsoft.AspNetCore.Hosting.Diagnostics",
        "Microsoft.AspNetCore.HttpLogging",
        "Microsoft.AspNetCore.Http.RequestDelegateFactory",
        "Microsoft.AspNetCore.Routing.Matching",
        "Microsoft.AspNetCore.Server.Kestrel.BadRequests",
        "Microsoft.EntityFrameworkCore.Database.Command",
        "Microsoft.EntityFrameworkCore.Query",
    ];

    private static void UsePipeline(WebApplication app)
    {
        app.UseCodeLedgerForwardedHeaders(app.Configuration);
        app.UseSecurityHeaders();
        app.UseCodedProblems();
        app.UseRequestLog();
        app.UseRouting();
        app.UseCodeLedgerRateLimits();
        app.UseAuthentication();
        app.UseAuthorization();
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.MapHealth();
        app.MapQueries();
        app.MapAudits();
        app.MapRazorPages();
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization();
        // The reference page's start-up script is inline; a fresh nonce per response admits it
        // under the content security policy (SecurityHeaders), and nothing is fetched from a CDN.
        app.MapScalarApiReference("/scalar", o => o.WithTitle("CodeLedger API").WithOpenApiRoutePattern("/openapi/{documentName}.json").DisableDefaultFonts().WithNonce())
            .RequireAuthorization()
            // Scalar marks its static files (scalar.js, favicon) AllowAnonymous, which would open
            // three endpoints past the policy; they need sign-in like the page that loads them.
            .Finally(endpoint =>
            {
                foreach (var open in endpoint.Metadata.OfType<IAllowAnonymous>().ToList())
                {
                    endpoint.Metadata.Remove(open);
                }
            });
    }
}
