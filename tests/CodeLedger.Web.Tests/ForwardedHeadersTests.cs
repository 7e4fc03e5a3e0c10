using System.Net;
using CodeLedger.Web.Hosting;
using CodeLedger.Web.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace CodeLedger.Web.Tests;

/// <summary>
/// Behind a TLS-ending proxy the host learns the scheme from X-Forwarded-Proto, and only from the
/// addresses in CodeLedger:Web:TrustedProxies: nothing by default, not even loopback. HSTS (and the
/// cookie's Secure flag, which follows the same Request.IsHttps) is the visible consequence.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.5");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>GET /health from <paramref name="from"/> with X-Forwarded-Proto: https; the response's headers and the scheme and address the host saw.</summary>
    private static async Task<HttpContext> FromAsync(TestHost host, IPAddress from)
    {
        using var _ = host.Client();
        return await host.Factory.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = from;
            c.Request.Method = "GET";
            c.Request.Path = "/health";
            c.Request.Headers["X-Forwarded-Proto"] = "https";
            c.Request.Headers["X-Forwarded-For"] = "203.0.113.7";
        }, Ct);
    }

    [Fact]
    public async Task By_default_no_address_is_trusted_not_even_loopback()
    {
        using var host = new TestHost();

        foreach (var from in new[] { IPAddress.Loopback, IPAddress.IPv6Loopback, Proxy })
        {
            var context = await FromAsync(host, from);

            Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
            Assert.False(context.Response.Headers.ContainsKey("Strict-Transport-Security"), $"HSTS from an untrusted {from}");
            Assert.Equal(("http", from), (context.Request.Scheme, context.Connection.RemoteIpAddress));
        }
    }

    [Fact]
    public async Task A_trusted_proxy_is_honoured_and_any_other_address_still_ignored()
    {
        using var host = new TestHost(b => b.UseSetting($"{ForwardedHeaders.Setting}:0", Proxy.ToString()));

        var trusted = await FromAsync(host, Proxy);
        var untrusted = await FromAsync(host, IPAddress.Parse("10.0.0.6"));

        Assert.Equal(SecurityHeaders.StrictTransportSecurity, trusted.Response.Headers.StrictTransportSecurity.ToString());
        Assert.Equal(("https", IPAddress.Parse("203.0.113.7")), (trusted.Request.Scheme, trusted.Connection.RemoteIpAddress));
        Assert.False(untrusted.Response.Headers.ContainsKey("Strict-Transport-Security"));
        Assert.Equal("http", untrusted.Request.Scheme);
    }

    [Fact]
    public void A_setting_that_is_not_an_address_is_refused_naming_the_setting_and_entry()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{ForwardedHeaders.Setting}:0"] = "10.0.0.5",
            [$"{ForwardedHeaders.Setting}:1"] = "proxy.internal",
        }).Build();

        var e = Assert.Throws<InvalidOperationException>(() => ForwardedHeaders.TrustedProxies(configuration));

        Assert.Equal($"{ForwardedHeaders.Setting}: entry 2 is not an IP address (list each proxy's address, e.g. 10.0.0.5)", e.Message);
        Assert.Equal([IPAddress.Parse("10.0.0.5"), IPAddress.Parse("10.0.0.6")],
            ForwardedHeaders.TrustedProxies(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [ForwardedHeaders.Setting] = "10.0.0.5, 10.0.0.6" }).Build()));
    }
}
