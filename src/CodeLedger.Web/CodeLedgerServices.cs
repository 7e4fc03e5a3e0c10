using CodeLedger.Storage;
using CodeLedger.Web.Queries;

namespace CodeLedger.Web;

/// <summary>
/// The web host's services: one opened store (the database named by CodeLedger:Database or
/// CODELEDGER_DB, default ./codeledger.db), the system clock, and the query-expiry worker.
/// </summary>
public static class CodeLedgerServices
{
    public static IServiceCollection AddCodeLedger(this IServiceCollection services, IConfiguration configuration)
    {
        var spec = configuration["CodeLedger:Database"] ?? configuration["CODELEDGER_DB"] ?? "codeledger.db";
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => CodeLedgerStore.OpenAsync(spec, sp.GetRequiredService<TimeProvider>()).GetAwaiter().GetResult());
        services.AddSingleton<Reports.PackageCache>();
        services.Configure<QueryExpiryOptions>(configuration.GetSection("CodeLedger:QueryExpiry"));
        services.AddHostedService<QueryExpiryService>();
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (CodeLedgerStore store, CancellationToken ct) =>
        {
            await using var db = store.CreateContext();
            var reachable = await db.Database.CanConnectAsync(ct);
            return reachable
                ? Results.Ok(new { status = "ok", database = store.Location.Provider.ToString().ToLowerInvariant() })
                : Results.Json(new { status = "database-unreachable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        })
        // A load balancer's probe has no account: the one endpoint open to anyone (it says nothing but up or down).
        .AllowAnonymous()
        .WithName("Health")
        .WithSummary("Whether the host is up and reaches its database (no sign-in needed).");
        return app;
    }
}
