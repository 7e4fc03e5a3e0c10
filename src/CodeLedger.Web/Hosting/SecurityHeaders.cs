using Scalar.AspNetCore;

namespace CodeLedger.Web.Hosting;

/// <summary>
/// The response headers every answer carries, errors and 404s included (they are set when the
/// response starts, whatever wrote it): a content security policy with no inline script, frame
/// denial, no MIME sniffing, no referrer, and HSTS on HTTPS. The one exception is the API
/// reference page (<c>/scalar</c>), whose start-up script is inline: it is admitted by a nonce drawn
/// fresh for that response (never 'unsafe-inline' for scripts), and that page alone may use inline
/// styles, which its UI library injects at run time. A monthly package's index.html, served as
/// written (its styles inline so the file stands alone), admits its one style element by hash, may be
/// framed by the host's own report page, and nothing else: no script, no request.
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

    /// <summary>The <see cref="HttpContext.Items"/> key a response sets to the SHA-256 (base64) of a package page's style element.</summary>
    public const string PackageStyleItemKey = "codeledger:package-style-sha256";

    /// <summary>The policy of a package's index.html: its style element by hash, data: images, nothing else; framed by the host's pages only.</summary>
    public static string PackagePolicy(string styleSha256) =>
        $"default-src 'none'; style-src 'sha256-{styleSha256}'; img-src data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    private static Task Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        var package = context.Items.TryGetValue(PackageStyleItemKey, out var style) && style is string { Length: > 0 } hash ? hash : null;
        headers.ContentSecurityPolicy = package is not null ? PackagePolicy(package)
            : context.Items.TryGetValue(ScalarOptions.NonceHttpContextItemKey, out var nonce) && nonce is string { Length: > 0 } value
            ? ReferencePolicy(value)
            : ContentSecurityPolicy;
        headers.XFrameOptions = package is not null ? "SAMEORIGIN" : "DENY";
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
