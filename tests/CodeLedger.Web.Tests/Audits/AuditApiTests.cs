using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CodeLedger.Core.Accounts;
using CodeLedger.Storage;
using CodeLedger.Storage.Accounts;
using CodeLedger.Web.Tests.Authorization;
using CodeLedger.Web.Tests.Hosting;

namespace CodeLedger.Web.Tests.Audits;

/// <summary>
/// The audit API end to end with real tokens (docs/WEB.md, "Audits"): the auditor records through the
/// API, the vendor's codes are refused before and shown after, the vendor rebuts and the adjudicator
/// reverses through the API, and the report's final accuracy moves; every malformed request is a
/// coded problem naming its field; another tenant's audit is 404 AUDIT-UNKNOWN and absent from the list.
/// </summary>
public sealed class AuditApiTests
{
    /// <summary>The auditor's coding: the vendor's plus a diagnosis the vendor did not list (one finding).</summary>
    private const string AuditorCoding = """{"diagnoses": ["M25561", "Z23"], "lines": [{"code": "99213", "charge": "100.00", "pointers": [1]}]}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient client, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = json is null ? null : Json(json) };
        using var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static async Task<HttpClient> JudgeAsync(TestHost host, MatrixTenant tenant)
    {
        var store = await CodeLedgerStore.OpenAsync(host.Database, TimeProvider.System, Ct);
        var judge = $"judge-{tenant.Name.ToLowerInvariant()}";
        var token = await new AccountDesk(store).IssueTokenAsync("matrix-setup", judge, "test", store.Time.GetUtcNow().AddDays(1), Ct);
        var client = host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return client;
    }

    private static double? FinalEncounterAccuracy(JsonElement report)
    {
        var point = report.GetProperty("figures").GetProperty("final").GetProperty("encounterAccuracy").GetProperty("point");
        return point.ValueKind == JsonValueKind.Null ? null : point.GetDouble();
    }

    [Fact]
    public async Task The_auditor_records_blind_then_a_rebuttal_reversed_through_the_api_changes_the_final_accuracy()
    {
        using var host = new TestHost();
        var world = await MatrixWorld.CreateAsync(host.Database, Ct);
        var a = world.A;
        using var auditor = await MatrixSignIn.SignIn!(host, a, UserRole.Auditor, Ct);
        using var vendor = await MatrixSignIn.SignIn!(host, a, UserRole.VendorAdmin, Ct);
        using var judge = await JudgeAsync(host, a);
        var audit = $"/api/audits/{a.AuditId}";

        var empty = await SendAsync(auditor, HttpMethod.Get, $"{audit}/report");
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Null(FinalEncounterAccuracy(empty.Body));

        var sample = await SendAsync(auditor, HttpMethod.Get, $"{audit}/sample");
        Assert.Equal(a.EncounterId, sample.Body[0].GetProperty("encounter").GetString());
        Assert.False(sample.Body[0].GetProperty("recorded").GetBoolean());

        var before = await SendAsync(auditor, HttpMethod.Get, $"{audit}/encounters/{a.EncounterId}/vendor-coding");
        Assert.Equal(HttpStatusCode.Forbidden, before.Status);
        Assert.Equal("AUDIT-BLIND", before.Body.GetProperty("code").GetString());
        Assert.Contains($"encounter {a.EncounterId}:", before.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var recorded = await SendAsync(auditor, HttpMethod.Post, $"{audit}/encounters/{a.EncounterId}/coding", AuditorCoding);
        Assert.Equal(HttpStatusCode.OK, recorded.Status);
        Assert.Equal(1, recorded.Body.GetProperty("findings").GetInt32());
        var twice = await SendAsync(auditor, HttpMethod.Post, $"{audit}/encounters/{a.EncounterId}/coding", AuditorCoding);
        Assert.Equal(HttpStatusCode.Conflict, twice.Status);
        Assert.Equal("AUDIT-RECORDED-TWICE", twice.Body.GetProperty("code").GetString());

        var after = await SendAsync(auditor, HttpMethod.Get, $"{audit}/encounters/{a.EncounterId}/vendor-coding");
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Equal(["M25561"], after.Body.GetProperty("diagnoses").EnumerateArray().Select(d => d.GetString()));

        var initial = (await SendAsync(vendor, HttpMethod.Get, $"{audit}/report")).Body;
        Assert.Equal(0.0, FinalEncounterAccuracy(initial));
        var finding = initial.GetProperty("findings")[0].GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(vendor, HttpMethod.Post, $"{audit}/findings/{finding}/rebuttal", """{"reason": "Z23 is not supported by the note"}""")).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(judge, HttpMethod.Post, $"{audit}/findings/{finding}/adjudication", """{"decision": "reverse"}""")).Status);

        var final = (await SendAsync(auditor, HttpMethod.Get, $"{audit}/report")).Body;
        Assert.Equal(1.0, FinalEncounterAccuracy(final));
        Assert.Equal("reversed", final.GetProperty("findings")[0].GetProperty("status").GetString());
    }

    [Theory]
    // The coding body is read by the same parser as `codeledger code`: its code, CODING-INVALID, with the member in the message.
    [InlineData("/encounters/ENC-A-1/coding", "{\"diagnoses\": [", "CODING-INVALID", "body")]
    [InlineData("/encounters/ENC-A-1/coding", "{\"diagnoses\": [\"M25561\"], \"lines\": [], \"patient\": \"y\"}", "CODING-INVALID", "body")]
    [InlineData("/encounters/ENC-A-1/coding", "", "REQUEST-BODY-INVALID", "body")]
    [InlineData("/encounters/ENC-NOPE/coding", AuditorCoding, "AUDIT-NOT-IN-SAMPLE", "encounterId")]
    [InlineData("/findings/F-0000000000000000/rebuttal", "{\"reason\": \"x\", \"patient\": \"y\"}", "REQUEST-BODY-INVALID", "patient")]
    [InlineData("/findings/F-0000000000000000/rebuttal", "not json", "REQUEST-BODY-INVALID", "body")]
    [InlineData("/findings/F-0000000000000000/adjudication", "{\"decision\": \"maybe\"}", "REQUEST-BODY-INVALID", "decision")]
    public async Task A_malformed_request_is_a_coded_problem_naming_its_field_and_changes_nothing(string path, string body, string code, string field)
    {
        using var host = new TestHost();
        var world = await MatrixWorld.CreateAsync(host.Database, Ct);
        var role = path.Contains("rebuttal", StringComparison.Ordinal) ? UserRole.VendorAdmin : UserRole.Auditor;
        using var client = path.Contains("adjudication", StringComparison.Ordinal) ? await JudgeAsync(host, world.A) : await MatrixSignIn.SignIn!(host, world.A, role, Ct);

        var (status, problem) = await SendAsync(client, HttpMethod.Post, $"/api/audits/{world.A.AuditId}{path}", body);

        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.True((int)status is 400 or 404, $"{status}");
        var sample = await SendAsync(await MatrixSignIn.SignIn!(host, world.A, UserRole.PracticeAdmin, Ct), HttpMethod.Get, $"/api/audits/{world.A.AuditId}/sample");
        Assert.False(sample.Body[0].GetProperty("recorded").GetBoolean());
    }

    [Fact]
    public async Task Another_tenants_audit_is_unknown_and_absent_from_the_list()
    {
        using var host = new TestHost();
        var world = await MatrixWorld.CreateAsync(host.Database, Ct);
        using var auditorB = await MatrixSignIn.SignIn!(host, world.B, UserRole.Auditor, Ct);

        var list = await SendAsync(auditorB, HttpMethod.Get, "/api/audits");
        var other = await SendAsync(auditorB, HttpMethod.Get, $"/api/audits/{world.A.AuditId}/report");
        var notAnId = await SendAsync(auditorB, HttpMethod.Get, "/api/audits/not-an-id/sample");

        Assert.Equal([world.B.AuditId], list.Body.EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.NotFound, other.Status);
        Assert.Equal("AUDIT-UNKNOWN", other.Body.GetProperty("code").GetString());
        Assert.Equal("id", other.Body.GetProperty("field").GetString());
        Assert.Equal("AUDIT-UNKNOWN", notAnId.Body.GetProperty("code").GetString());
    }
}
