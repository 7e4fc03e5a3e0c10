using Scalar.AspNetCore;

namespace CodeLedger.Web.Hosting;

/// <summary>
/// The response headers every answer carries, errors and 404s included (they are set when the
/// response starts, whatever wrote it): a content security policy with no inline script, frame
/// denial, no MIME sniffing, no referrer, and HSTS on HTTPS. The one exception is the API
/// reference page (<c>/scalar</c>), whose start-up script is inline: it is admitted by a nonce drawn
/// fresh for that response (never 'unsafe-inline' for scripts), and that page alone may use inline
/// styles, which its UI library injects at run time.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy of every response but the API reference page.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>One year, subdomains included: sent only on HTTPS responses (RFC 6797 §7.2: a browser ignores it over HTTP).</summary>
    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state => Apply((HttpContext)state), context);
            return next(context);
        });

    /// <summary>The policy of the API reference page: its inline start-up script by nonce, and inline styles.</summary>
    public static string ReferencePolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static Task Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Items.TryGetValue(ScalarOptions.NonceHttpContextItemKey, out var nonce) && nonce is string { Length: > 0 } value
            ? ReferencePolicy(value)
            : ContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = StrictTransportSecurity;
        }

        return Task.CompletedTask;
    }
}
