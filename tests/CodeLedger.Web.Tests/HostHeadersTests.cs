using System.Net;
using System.Text.Json;
using CodeLedger.Web.Hosting;
using CodeLedger.Web.Tests.Hosting;

namespace CodeLedger.Web.Tests;

/// <summary>
/// The security headers are on every response the host sends, whatever wrote it: a 200, a 401 at
/// the door, a 404 for no route, a ProblemDetails from an endpoint. HSTS only over HTTPS. The API
/// reference page alone gets a nonce for its inline start-up script, fresh on every response.
/// </summary>
public sealed class HostHeadersTests : IDisposable
{
    private readonly TestHost host = new();

    public void Dispose() => host.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string?, HttpStatusCode> Responses => new()
    {
        { "/health", null, HttpStatusCode.OK },
        { "/api/queries?physician=1234567893", null, HttpStatusCode.Unauthorized },
        { "/api/queries", "dr-test", HttpStatusCode.BadRequest },
        { "/no/such/path", "dr-test", HttpStatusCode.NotFound },
        { "/openapi/v1.json", "dr-test", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Every_response_carries_the_security_headers(string path, string? user, HttpStatusCode status)
    {
        using var client = host.Client(user);

        using var response = await client.GetAsync(path, Ct);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS over plain HTTP");
    }

    [Fact]
    public void The_policy_allows_no_inline_script_and_no_framing()
    {
        var scriptSrc = SecurityHeaders.ContentSecurityPolicy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src", StringComparison.Ordinal));

        Assert.Equal("script-src 'self'", scriptSrc);
        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hsts_is_sent_over_https()
    {
        using var client = host.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        using var response = await client.GetAsync("/health", Ct);

        Assert.Equal(SecurityHeaders.StrictTransportSecurity, response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task The_api_reference_admits_its_own_inline_script_by_a_nonce_drawn_per_response()
    {
        using var client = host.Client("dr-test");

        var nonces = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var response = await client.GetAsync("/scalar/", Ct);
            var html = await response.Content.ReadAsStringAsync(Ct);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode} {response.Headers.Location}: {html}");
            var nonce = csp.Split("'nonce-")[1].Split('\'')[0];

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains($"nonce=\"{nonce}\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("'unsafe-inline'", csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
            Assert.DoesNotContain("cdn.", html, StringComparison.OrdinalIgnoreCase);
            nonces.Add(nonce);

            // Its scripts are served by the host itself ('self'), not fetched from a CDN.
            foreach (var src in System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]* src=\"([^\"]+)\"").Select(m => m.Groups[1].Value))
            {
                Assert.False(src.Contains("//", StringComparison.Ordinal), src);
                using var script = await client.GetAsync(new Uri(new Uri("http://localhost/scalar/"), src), Ct);
                Assert.True(script.StatusCode == HttpStatusCode.OK, $"{src}: {script.StatusCode}");
            }
        }

        Assert.NotEqual(nonces[0], nonces[1]);
    }

    [Fact]
    public async Task The_api_reference_and_the_openapi_document_need_a_signed_in_user()
    {
        using var anonymous = host.Client();

        // The reference is a page a browser opens: sent to sign in. The document is for programs: a coded 401.
        var page = await anonymous.GetAsync("/scalar", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/sign-in", page.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.AbsolutePath : page.Headers.Location?.OriginalString.Split('?')[0]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/openapi/v1.json", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_every_endpoint_and_its_coded_problems()
    {
        using var client = host.Client("dr-test");

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", Ct));

        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, Operation: o.Value)))
            .ToDictionary(o => o.Operation.GetProperty("operationId").GetString()!);
        Assert.Equal(["AdjudicateAuditFinding", "AnswerQuery", "AuditReport", "AuditSample", "AuditVendorCoding", "Health", "ListAudits", "ListQueries", "RebutAuditFinding", "RecordAuditCoding"],
            operations.Keys.Order(StringComparer.Ordinal));
        foreach (var name in new[] { "AdjudicateAuditFinding", "AuditReport", "AuditSample", "AuditVendorCoding", "ListAudits", "RebutAuditFinding", "RecordAuditCoding" })
        {
            foreach (var status in new[] { "401", "404", "429" })
            {
                Assert.True(operations[name].Operation.GetProperty("responses").GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _), $"{name} {status}");
            }
        }

        Assert.Equal(("/api/queries/{id}/answer", "post"), (operations["AnswerQuery"].Path, operations["AnswerQuery"].Method));
        Assert.True(operations["AnswerQuery"].Operation.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.Contains(operations["ListQueries"].Operation.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "physician");
        foreach (var name in new[] { "AnswerQuery", "ListQueries" })
        {
            var responses = operations[name].Operation.GetProperty("responses");
            foreach (var status in new[] { "400", "401", "404", "429" })
            {
                Assert.True(responses.GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _), $"{name} {status}");
            }
        }

        var problem = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("ProblemDetails").GetProperty("properties");
        Assert.True(problem.TryGetProperty("code", out _));
        Assert.True(problem.TryGetProperty("field", out _));
    }
}
