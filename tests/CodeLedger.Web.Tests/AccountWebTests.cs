using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CodeLedger.Core.Accounts;
using CodeLedger.Storage.Accounts;

namespace CodeLedger.Web.Tests;

/// <summary>
/// Sign-in and tokens on the real host: the API takes tokens only and answers as the token's
/// physician; pages sign in with a password and a TOTP code; a refusal changes nothing.
/// </summary>
public sealed partial class AccountWebTests : IAsyncLifetime
{
    private WebWorld world = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => world = await WebWorld.CreateAsync();

    public ValueTask DisposeAsync() => world.DisposeAsync();

    private static async Task<string> CodeAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {body}");
        using var problem = JsonDocument.Parse(body);
        return problem.RootElement.GetProperty("code").GetString()!;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private async Task<string> QueryStatusAsync() => (await new Storage.Workflow.QueryDesk(world.Store).ListByIdAsync(world.Query, Ct)).Status;

    private async Task<int> LedgerCountAsync() => (await StorageLedger()).Count;

    private async Task<List<Core.Ledger.LedgerEntry>> StorageLedger()
    {
        var list = new List<Core.Ledger.LedgerEntry>();
        await foreach (var e in world.Store.ReadLedgerAsync(Ct))
        {
            list.Add(e);
        }

        return list;
    }

    [Fact]
    public async Task Without_a_token_the_api_answers_401_and_health_stays_open()
    {
        using var anonymous = world.Client();

        Assert.Equal("SIGN-IN-REQUIRED", await CodeAsync(await anonymous.GetAsync("/api/queries", Ct), HttpStatusCode.Unauthorized));
        Assert.Equal("SIGN-IN-REQUIRED", await CodeAsync(await anonymous.PostAsync($"/api/queries/{world.Query}/answer", Json("""{"text": "left"}"""), Ct), HttpStatusCode.Unauthorized));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health", Ct)).StatusCode);
        Assert.Equal("open", await QueryStatusAsync());
    }

    [Fact]
    public async Task An_expired_a_revoked_a_disabled_users_and_a_made_up_token_get_401_with_their_code()
    {
        var now = world.Clock.GetUtcNow();
        var accounts = world.Accounts;
        var expiring = await accounts.IssueTokenAsync("test", "dr-chen", "short", now.AddHours(1), Ct);
        var revoked = await accounts.IssueTokenAsync("test", "dr-chen", "revoked", now.AddDays(1), Ct);
        var disabled = await accounts.IssueTokenAsync("test", "acme-admin", "admin", now.AddDays(1), Ct);
        await accounts.RevokeTokenAsync("test", "dr-chen", revoked.Id.ToString(), Ct);
        await accounts.DisableAsync("test", "acme-admin", Ct);
        using var beforeExpiry = world.Client(expiring.Token);
        Assert.Equal(HttpStatusCode.OK, (await beforeExpiry.GetAsync("/api/queries", Ct)).StatusCode);
        world.Clock.Advance(TimeSpan.FromHours(1));

        foreach (var (token, code) in new[] { (expiring.Token, "TOKEN-EXPIRED"), (revoked.Token, "TOKEN-REVOKED"), (disabled.Token, "USER-DISABLED"), (AccessTokenText.New().Text, "TOKEN-INVALID"), ("cl_short", "TOKEN-INVALID") })
        {
            using var client = world.Client(token);
            Assert.Equal(code, await CodeAsync(await client.GetAsync("/api/queries", Ct), HttpStatusCode.Unauthorized));
        }
    }

    [Fact]
    public async Task The_answer_is_the_token_physicians_and_anyone_else_changes_nothing()
    {
        using var coder = await world.ApiClientAsync("jdoe");
        using var otherPhysician = await world.ApiClientAsync("dr-south");
        using var physician = await world.ApiClientAsync("dr-chen");
        var before = await LedgerCountAsync();

        var asCoder = await CodeAsync(await coder.PostAsync($"/api/queries/{world.Query}/answer", Json("""{"text": "left"}"""), Ct), HttpStatusCode.Forbidden);
        var asOther = await CodeAsync(await otherPhysician.PostAsync($"/api/queries/{world.Query}/answer", Json("""{"text": "left"}"""), Ct), HttpStatusCode.NotFound);
        var impersonating = await CodeAsync(await otherPhysician.PostAsync($"/api/queries/{world.Query}/answer", Json("""{"text": "left", "answeredBy": "dr-chen"}"""), Ct), HttpStatusCode.BadRequest);
        var otherList = await otherPhysician.GetStringAsync("/api/queries", Ct);

        Assert.Equal(("ACCESS-ROLE-REFUSED", "QUERY-UNKNOWN", "REQUEST-BODY-INVALID"), (asCoder, asOther, impersonating));
        Assert.Equal("[]", otherList);
        Assert.Equal("open", await QueryStatusAsync());
        Assert.Equal(before, await LedgerCountAsync());

        var answered = await physician.PostAsync($"/api/queries/{world.Query}/answer", Json("""{"text": "left"}"""), Ct);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal("answered", await QueryStatusAsync());
        Assert.Equal("dr-chen", (await StorageLedger()).Single(e => e.Type == "query.answered").Actor);
    }

    /// <summary>A browser's sign-in: the form's anti-forgery token is read from the page and sent back with the cookies.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string path, params (string Name, string Value)[] fields)
    {
        var page = await browser.GetStringAsync(path, Ct);
        var token = AntiForgery().Match(page).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"{path} has no anti-forgery token");
        return await browser.PostAsync(path, new FormUrlEncodedContent([.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value)), KeyValuePair.Create("__RequestVerificationToken", token)]), Ct);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgery();

    [Fact]
    public async Task A_physician_without_a_second_factor_gets_no_further_than_enrolment_then_signs_in_with_a_code()
    {
        using var browser = world.Client();

        var password = await PostFormAsync(browser, "/sign-in", ("UserName", "dr-chen"), ("Password", WebWorld.Password));
        var inboxBeforeCode = await browser.GetAsync("/queries", Ct);
        var enrolPage = await browser.GetStringAsync("/sign-in/enrol", Ct);
        var key = Base32.Decode(Regex.Match(enrolPage, "id=\"key\">([A-Z2-7]+)<").Groups[1].Value)!;
        var code = Totp.Code(key, Totp.StepAt(world.Clock.GetUtcNow()));
        var enrolled = await PostFormAsync(browser, "/sign-in/enrol", ("Code", code));
        var inbox = await browser.GetStringAsync("/queries", Ct);
        var apiWithCookie = await browser.GetAsync("/api/queries", Ct);

        Assert.Equal((HttpStatusCode.Redirect, "/sign-in/enrol"), (password.StatusCode, password.Headers.Location?.OriginalString));
        Assert.Equal(HttpStatusCode.Redirect, inboxBeforeCode.StatusCode);
        Assert.StartsWith("/sign-in", inboxBeforeCode.Headers.Location?.AbsolutePath ?? inboxBeforeCode.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Redirect, "/queries"), (enrolled.StatusCode, enrolled.Headers.Location?.OriginalString));
        Assert.Contains($"/queries/{world.Query}", inbox, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, apiWithCookie.StatusCode);
    }

    [Fact]
    public async Task Another_practices_physician_opening_the_querys_page_gets_not_found()
    {
        await world.Accounts.StartSecondFactorAsync("dr-south", Ct);
        using var browser = world.Client();
        var password = await PostFormAsync(browser, "/sign-in", ("UserName", "dr-south"), ("Password", WebWorld.Password));
        var key = Base32.Decode(Regex.Match(await browser.GetStringAsync("/sign-in/enrol", Ct), "id=\"key\">([A-Z2-7]+)<").Groups[1].Value)!;
        await PostFormAsync(browser, "/sign-in/enrol", ("Code", Totp.Code(key, Totp.StepAt(world.Clock.GetUtcNow()))));

        var page = await browser.GetAsync($"/queries/{world.Query}", Ct);
        var notFound = await browser.GetAsync(page.Headers.Location!.OriginalString, Ct);
        var body = await notFound.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.Equal("/not-found", page.Headers.Location.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Contains("Not found", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Which knee", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_and_the_page_says_so()
    {
        using var browser = world.Client();

        for (var i = 0; i < 5; i++)
        {
            var wrong = await PostFormAsync(browser, "/sign-in", ("UserName", "jdoe"), ("Password", "wrong password " + i));
            Assert.Contains("Wrong user name or password", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        var locked = await PostFormAsync(browser, "/sign-in", ("UserName", "jdoe"), ("Password", WebWorld.Password));

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("locked", await locked.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_created_on_the_tokens_page_is_shown_once_works_on_the_api_and_stops_when_revoked()
    {
        await world.Accounts.StartSecondFactorAsync("dr-chen", Ct);
        using var browser = world.Client();
        await PostFormAsync(browser, "/sign-in", ("UserName", "dr-chen"), ("Password", WebWorld.Password));
        var key = Base32.Decode(Regex.Match(await browser.GetStringAsync("/sign-in/enrol", Ct), "id=\"key\">([A-Z2-7]+)<").Groups[1].Value)!;
        await PostFormAsync(browser, "/sign-in/enrol", ("Code", Totp.Code(key, Totp.StepAt(world.Clock.GetUtcNow()))));

        var created = await PostFormAsync(browser, "/tokens?handler=Create", ("Name", "laptop"), ("Days", "30"));
        var token = Regex.Match(await created.Content.ReadAsStringAsync(Ct), "id=\"new-token\">(cl_[A-Za-z0-9_-]+)<").Groups[1].Value;
        var listed = await browser.GetStringAsync("/tokens", Ct);
        using var api = world.Client(token);
        var before = await api.GetAsync("/api/queries", Ct);
        var id = (await world.Accounts.ListTokensAsync("dr-chen", Ct)).Single().Id;
        await PostFormAsync(browser, "/tokens?handler=Revoke", ("Id", id.ToString()));
        var after = await api.GetAsync("/api/queries", Ct);

        Assert.Equal(46, token.Length);
        Assert.True(created.Headers.CacheControl?.NoStore, "the page holding a new token is not stored");
        Assert.DoesNotContain(token, listed, StringComparison.Ordinal);
        Assert.Contains(token[..9], listed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal("TOKEN-REVOKED", await CodeAsync(after, HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task A_form_posted_without_its_anti_forgery_token_is_refused()
    {
        using var browser = world.Client();

        var posted = await browser.PostAsync("/sign-in", new FormUrlEncodedContent([KeyValuePair.Create("UserName", "jdoe"), KeyValuePair.Create("Password", WebWorld.Password)]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
    }
}
