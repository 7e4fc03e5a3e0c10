using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CodeLedger.Web.Hosting;

/// <summary>
/// Behind a reverse proxy that ends TLS (the usual deployment), the host sees plain HTTP from the
/// proxy's address: HSTS would never be sent, the sign-in cookie (SameAsRequest) would lose its
/// Secure flag, and the rate limits would count every client as the proxy. The proxy says what it
/// saw in <c>X-Forwarded-Proto</c> and <c>X-Forwarded-For</c>; those are honoured only from the
/// addresses listed in <c>CodeLedger:Web:TrustedProxies</c>. Nothing is trusted by default, not
/// even loopback (ASP.NET Core's own default trusts it): any client can send the headers, and a
/// host reached directly must not take "https" or another client address from whoever asks.
/// docs/WEB.md, "Behind a reverse proxy".
/// </summary>
public static class ForwardedHeaders
{
    public const string Setting = "CodeLedger:Web:TrustedProxies";

    /// <summary>The trusted proxies' addresses from configuration (a list: <c>TrustedProxies:0</c>, <c>:1</c>...; or one comma-separated value).</summary>
    public static IReadOnlyList<IPAddress> TrustedProxies(IConfiguration configuration)
    {
        var section = configuration.GetSection(Setting);
        var values = section.Value is { Length: > 0 } one
            ? one.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(c => c.Value?.Trim()).OfType<string>().Where(v => v.Length > 0).ToArray();
        return [.. values.Select((v, i) => IPAddress.TryParse(v, out var ip)
            ? ip
            : throw new InvalidOperationException($"{Setting}: entry {i + 1} is not an IP address (list each proxy's address, e.g. 10.0.0.5)"))];
    }

    public static IServiceCollection AddCodeLedgerForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = TrustedProxies(configuration);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(proxy);
            }
        });
        return services;
    }

    /// <summary>First in the pipeline, so that HSTS, the cookie and the rate limits see the client's scheme and address; absent when no proxy is trusted.</summary>
    public static IApplicationBuilder UseCodeLedgerForwardedHeaders(this IApplicationBuilder app, IConfiguration configuration) =>
        TrustedProxies(configuration).Count == 0 ? app : app.UseForwardedHeaders();
}
