using System.Net;
using System.Text.Json;
using CodeLedger.Web.Hosting;
using CodeLedger.Web.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace CodeLedger.Web.Tests;

/// <summary>
/// The named rate limits as an endpoint applies them (the accounts work puts <see cref="RateLimits.SignIn"/>
/// on its sign-in endpoints and <see cref="RateLimits.Token"/> on the bearer-authenticated API):
/// here two stand-in endpoints carry them on the real host, with small limits. A refusal is 429
/// REQUEST-RATE-LIMITED with Retry-After, counted before authentication, so wrong tokens and wrong
/// passwords use up the allowance too.
/// </summary>
public sealed class RateLimitTests : IAsyncDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("codeledger-web-").FullName;
    private WebApplication? app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> StartAsync(params string[] limits)
    {
        app = CodeLedgerWebApp.Create(
            ["--CodeLedger:Database=" + Path.Combine(folder, "web.db"), "--CodeLedger:QueryExpiry:IntervalSeconds=3600", .. limits.Select(l => "--CodeLedger:RateLimits:" + l)],
            b => b.WebHost.UseTestServer());
        app.MapGet("/test/token", () => "ok").RequireRateLimiting(RateLimits.Token);
        app.MapPost("/test/sign-in", () => "ok").RequireRateLimiting(RateLimits.SignIn).AllowAnonymous().DisableAntiforgery();
        await app.StartAsync(Ct);
        return app.GetTestClient();
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private static HttpRequestMessage WithToken(string token) =>
        new(HttpMethod.Get, "/test/token") { Headers = { { "Authorization", "Bearer " + token } } };

    private static HttpRequestMessage SignIn(string user) =>
        new(HttpMethod.Post, "/test/sign-in") { Content = new FormUrlEncodedContent([new("Input.UserName", user), new("Input.Password", "wrong")]) };

    private static async Task AssertRateLimitedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("REQUEST-RATE-LIMITED", problem.RootElement.GetProperty("code").GetString());
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After");
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task A_token_past_its_burst_is_refused_while_another_token_is_not()
    {
        using var client = await StartAsync("TokenBurst=3", "TokenRequestsPerSecond=1", "TokenRefillSeconds=3600");

        // No scheme accepts the token here, so each attempt is a 401: a wrong token uses up its allowance too.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(WithToken("token-a"), Ct)).StatusCode);
        }

        await AssertRateLimitedAsync(await client.SendAsync(WithToken("token-a"), Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(WithToken("token-b"), Ct)).StatusCode);
    }

    [Fact]
    public async Task Sign_in_attempts_for_one_user_name_are_limited_whatever_the_password()
    {
        using var client = await StartAsync("SignInPerUserName=2", "SignInPerAddress=100");

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(SignIn("alice"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(SignIn("ALICE "), Ct)).StatusCode);
        await AssertRateLimitedAsync(await client.SendAsync(SignIn("alice"), Ct));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(SignIn("bob"), Ct)).StatusCode);
    }

    [Fact]
    public async Task Sign_in_attempts_from_one_address_are_limited_across_user_names()
    {
        using var client = await StartAsync("SignInPerUserName=100", "SignInPerAddress=3");

        foreach (var user in new[] { "alice", "bob", "carol" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(SignIn(user), Ct)).StatusCode);
        }

        await AssertRateLimitedAsync(await client.SendAsync(SignIn("dave"), Ct));
    }

    [Fact]
    public async Task Endpoints_without_a_policy_are_not_limited()
    {
        using var client = await StartAsync("TokenBurst=1", "SignInPerAddress=1", "SignInPerUserName=1");

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", Ct)).StatusCode);
        }
    }
}
