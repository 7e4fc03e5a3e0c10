using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CodeLedger.Web.Tests.Hosting;

namespace CodeLedger.Web.Tests;

/// <summary>
/// Every error the web host sends is ProblemDetails with a catalogued code (docs/ERRORS.md), as
/// served by the real host over HTTP: a missing parameter, an id that is not a GUID, a body that is
/// not JSON or not the request, an unknown path or method, and the domain's own refusals. None
/// quotes the value that was sent; where one parameter or field is at fault, "field" names it.
/// The requests are signed in (the tests' stand-in scheme): these are the errors past the door.
/// </summary>
public sealed class ErrorBodyTests : IAsyncLifetime
{
    /// <summary>Stands for anything a caller might send that must not come back (it could be PHI).</summary>
    private const string Sentinel = "Quillfeather";

    private WebWorld world = null!;

    /// <summary>Signed in with a token of the physician dr-chen.</summary>
    private HttpClient client = null!;

    public async ValueTask InitializeAsync()
    {
        world = await WebWorld.CreateAsync();
        client = await world.ApiClientAsync("dr-chen");
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await world.DisposeAsync();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(code, problem.RootElement.GetProperty("code").GetString());
        Assert.Equal(code, problem.RootElement.GetProperty("title").GetString());
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
        Assert.DoesNotContain(Sentinel, body, StringComparison.OrdinalIgnoreCase);
        return problem.RootElement.GetProperty("detail").GetString()!;
    }

    private async Task<string?> FieldAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return problem.RootElement.TryGetProperty("field", out var field) ? field.GetString() : null;
    }

    private Task<HttpResponseMessage> PostAsync(string path, string body) =>
        client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"), Ct);

    [Fact]
    public async Task A_missing_physician_parameter_is_named()
    {
        using var admin = await world.ApiClientAsync("acme-admin");

        var response = await admin.GetAsync("/api/queries", Ct);
        var detail = await ProblemAsync(response, HttpStatusCode.BadRequest, "REQUEST-PARAMETER-MISSING");

        Assert.Contains("'physician'", detail, StringComparison.Ordinal);
        Assert.Equal("physician", await FieldAsync(response));
    }

    [Fact]
    public async Task An_id_that_is_not_a_guid_is_refused_without_quoting_it()
    {
        var response = await PostAsync($"/api/queries/{Sentinel}/answer", """{"text": "left knee"}""");
        await ProblemAsync(response, HttpStatusCode.BadRequest, "REQUEST-ID-INVALID");
        Assert.Equal("id", await FieldAsync(response));
    }

    [Theory]
    [InlineData("{\"text\": \"Mrs " + Sentinel + " says")]
    [InlineData(Sentinel)]
    [InlineData("")]
    [InlineData("[\"" + Sentinel + "\"]")]
    public async Task A_body_that_is_not_the_answer_json_is_refused_without_quoting_it(string body)
    {
        var response = await PostAsync($"/api/queries/{Guid.NewGuid()}/answer", body);
        await ProblemAsync(response, HttpStatusCode.BadRequest, "REQUEST-BODY-INVALID");
        Assert.Equal("body", await FieldAsync(response));
    }

    [Fact]
    public async Task An_unknown_field_is_refused_by_name()
    {
        var response = await PostAsync($"/api/queries/{Guid.NewGuid()}/answer", $$"""{"text": "left knee", "patient": "{{Sentinel}}"}""");
        var detail = await ProblemAsync(response, HttpStatusCode.BadRequest, "REQUEST-BODY-INVALID");

        Assert.Contains("unknown field 'patient'", detail, StringComparison.Ordinal);
        Assert.Equal("patient", await FieldAsync(response));
    }

    [Fact]
    public async Task A_query_that_does_not_exist_is_the_domains_coded_404()
    {
        await ProblemAsync(await PostAsync($"/api/queries/{Guid.NewGuid()}/answer", $$"""{"text": "other: {{Sentinel}}"}"""), HttpStatusCode.NotFound, "QUERY-UNKNOWN");
    }

    [Fact]
    public async Task Another_physicians_queries_are_the_domains_coded_unknown_physician()
    {
        await ProblemAsync(await client.GetAsync($"/api/queries?physician={WebWorld.SouthNpi}", Ct), HttpStatusCode.NotFound, "PHYSICIAN-UNKNOWN");
    }

    [Fact]
    public async Task An_npi_with_a_wrong_check_digit_names_the_parameter_not_the_value()
    {
        var response = await client.GetAsync("/api/queries?physician=1234567890", Ct);

        await ProblemAsync(response, HttpStatusCode.BadRequest, "NPI-INVALID");
        Assert.Equal("physician", await FieldAsync(response));
    }

    [Fact]
    public async Task An_unknown_path_and_a_wrong_method_are_coded_too()
    {
        await ProblemAsync(await client.GetAsync($"/api/{Sentinel}", Ct), HttpStatusCode.NotFound, "REQUEST-NOT-FOUND");
        await ProblemAsync(await client.DeleteAsync("/api/queries", Ct), HttpStatusCode.MethodNotAllowed, "REQUEST-METHOD");
    }

    [Fact]
    public async Task Health_still_answers_plain_json()
    {
        var health = await client.GetFromJsonAsync<JsonElement>("/health", Ct);

        Assert.Equal("ok", health.GetProperty("status").GetString());
    }
}
