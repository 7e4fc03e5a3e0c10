using System.Text;
using CodeLedger.Core.Accounts;
using Microsoft.AspNetCore.Routing;

namespace CodeLedger.Web.Tests.Authorization;

/// <summary>What a role gets from an endpoint for a record of its own tenant (for another tenant's record every reachable endpoint answers 404).</summary>
public enum Outcome
{
    /// <summary>2xx.</summary>
    Allowed,

    /// <summary>403 REQUEST-FORBIDDEN: the role may not use this endpoint at all (nothing about any record is revealed).</summary>
    Refused,

    /// <summary>404: the record is outside what the role reaches, told apart from a record that does not exist by nothing (a page: the one "not found" page).</summary>
    NotFound,

    /// <summary>A page that sends the user elsewhere (a sign-in step without its first step).</summary>
    Redirect,
}

/// <summary>
/// The authorization matrix as data: for every endpoint of the running host (by "METHOD pattern"),
/// how to call it about a tenant's records, and what each role gets for its own tenant. A new
/// endpoint gets a row here or <see cref="AuthorizationMatrixTests"/> fails (docs/WEB.md, "Adding an
/// endpoint"). Tenant-free endpoints (the API description) answer every signed-in role alike.
/// The expectations state issue 16's rules: vendor staff reach the practices bound to their vendor,
/// practice staff their practice, a physician their own queries (and alone answers them), an
/// auditor only what an engagement grants (the tenant's audit, MatrixAudit).
/// </summary>
public static class MatrixRequests
{
    /// <param name="Page">A Razor page (cookie sign-in; anonymous users are sent to /sign-in, refusals to the "not found" page).</param>
    public sealed record Row(Func<MatrixTenant, HttpRequestMessage> Request, IReadOnlyDictionary<UserRole, Outcome> Own, bool TenantFree = false, bool Page = false);

    private static Dictionary<UserRole, Outcome> Every(Outcome outcome) => Enum.GetValues<UserRole>().ToDictionary(r => r, _ => outcome);

    private static Dictionary<UserRole, Outcome> Only(UserRole role, Outcome outcome, Outcome others) =>
        Enum.GetValues<UserRole>().ToDictionary(r => r, r => r == role ? outcome : others);

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage Post(string path, string json) => new(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    /// <summary>A monthly package: its practice's admins and its vendor's admin and coding lead (under the BAA); anyone else "not found".</summary>
    private static Dictionary<UserRole, Outcome> Readers() => Enum.GetValues<UserRole>().ToDictionary(r => r,
        r => r is UserRole.PracticeAdmin or UserRole.VendorAdmin or UserRole.CodingLead ? Outcome.Allowed : Outcome.NotFound);

    /// <summary>An audit endpoint: what each party of the tenant's audit gets; a coder and a physician are no party (404).</summary>
    private static Dictionary<UserRole, Outcome> Party(Outcome vendorAdmin, Outcome codingLead, Outcome practiceAdmin, Outcome auditor) => new()
    {
        [UserRole.VendorAdmin] = vendorAdmin,
        [UserRole.CodingLead] = codingLead,
        [UserRole.Coder] = Outcome.NotFound,
        [UserRole.PracticeAdmin] = practiceAdmin,
        [UserRole.Physician] = Outcome.NotFound,
        [UserRole.Auditor] = auditor,
    };

    public static IReadOnlyDictionary<string, Row> Rows { get; } = new Dictionary<string, Row>(StringComparer.Ordinal)
    {
        ["GET /health"] = new(_ => Get("/health"), Every(Outcome.Allowed), TenantFree: true),
        ["GET /openapi/{documentName}.json"] = new(_ => Get("/openapi/v1.json"), Every(Outcome.Allowed), TenantFree: true),
        ["GET /scalar/{documentName?}"] = new(_ => Get("/scalar/"), Every(Outcome.Allowed), TenantFree: true),
        ["GET /scalar/scalar.js"] = new(_ => Get("/scalar/scalar.js"), Every(Outcome.Allowed), TenantFree: true),
        ["GET /scalar/scalar.aspnetcore.js"] = new(_ => Get("/scalar/scalar.aspnetcore.js"), Every(Outcome.Allowed), TenantFree: true),
        ["GET /scalar/favicon.svg"] = new(_ => Get("/scalar/favicon.svg"), Every(Outcome.Allowed), TenantFree: true),
        ["GET /api/queries/"] = new(t => Get($"/api/queries?physician={t.Physician.Npi.Value}"), new Dictionary<UserRole, Outcome>
        {
            [UserRole.VendorAdmin] = Outcome.Allowed,
            [UserRole.CodingLead] = Outcome.Allowed,
            [UserRole.Coder] = Outcome.Allowed,
            // Their practice's queries, every physician's, state only: no text, no phi.read (Queries/QueryListTests checks the body).
            [UserRole.PracticeAdmin] = Outcome.Allowed,
            [UserRole.Physician] = Outcome.Allowed,
            [UserRole.Auditor] = Outcome.NotFound,
        }),
        ["GET /sign-in"] = new(_ => Get("/sign-in"), Every(Outcome.Allowed), TenantFree: true, Page: true),
        ["GET /sign-in/code"] = new(_ => Get("/sign-in/code"), Every(Outcome.Redirect), TenantFree: true, Page: true),
        ["GET /sign-in/enrol"] = new(_ => Get("/sign-in/enrol"), Every(Outcome.Redirect), TenantFree: true, Page: true),
        ["GET /sign-out"] = new(_ => Get("/sign-out"), Every(Outcome.Allowed), TenantFree: true, Page: true),
        ["GET /not-found"] = new(_ => Get("/not-found"), Every(Outcome.NotFound), TenantFree: true, Page: true),
        ["GET /tokens"] = new(_ => Get("/tokens"), Every(Outcome.Allowed), TenantFree: true, Page: true),
        ["GET /queries"] = new(_ => Get("/queries"), Only(UserRole.Physician, Outcome.Allowed, Outcome.NotFound), TenantFree: true, Page: true),
        ["GET /queries/{id}"] = new(t => Get($"/queries/{t.QueryId}"), Only(UserRole.Physician, Outcome.Allowed, Outcome.NotFound), Page: true),
        ["GET /reports"] = new(_ => Get("/reports"), Readers(), TenantFree: true, Page: true),
        ["GET /reports/{practice}/{month}"] = new(t => Get($"/reports/{t.Practice.Code}/2026-01"), Readers(), Page: true),
        ["GET /reports/{practice}/{month}/{file}"] = new(t => Get($"/reports/{t.Practice.Code}/2026-01/manifest.json"), Readers(), Page: true),
        ["POST /api/queries/{id}/answer"] = new(t => new HttpRequestMessage(HttpMethod.Post, $"/api/queries/{t.QueryId}/answer")
        {
            Content = new StringContent("""{"text": "left knee"}""", Encoding.UTF8, "application/json"),
        }, new Dictionary<UserRole, Outcome>
        {
            [UserRole.VendorAdmin] = Outcome.Refused,
            [UserRole.CodingLead] = Outcome.Refused,
            [UserRole.Coder] = Outcome.Refused,
            [UserRole.PracticeAdmin] = Outcome.Refused,
            [UserRole.Physician] = Outcome.Allowed,
            // The tenant's audit grants its auditor the sampled encounter (MatrixAudit): the query is there for them, but only the physician answers.
            [UserRole.Auditor] = Outcome.Refused,
        }),
        // Audits (MatrixAudit): the practice's admin and auditor and the coding vendor's admin and lead take part; a coder or a
        // physician does not, and is told 404 AUDIT-UNKNOWN exactly as for another tenant's audit.
        ["GET /api/audits/"] = new(_ => Get("/api/audits"), Every(Outcome.Allowed), TenantFree: true),
        ["GET /api/audits/{id}/sample"] = new(t => Get($"/api/audits/{t.AuditId}/sample"), Party(Outcome.Allowed, Outcome.Allowed, Outcome.Allowed, Outcome.Allowed)),
        ["GET /api/audits/{id}/report"] = new(t => Get($"/api/audits/{t.AuditId}/report"), Party(Outcome.Allowed, Outcome.Allowed, Outcome.Allowed, Outcome.Allowed)),
        // Rows run in key order, so the auditor asks for the vendor's codes before recording: refused (AUDIT-BLIND), and the vendor's staff never see them here.
        ["GET /api/audits/{id}/encounters/{encounterId}/vendor-coding"] = new(t => Get($"/api/audits/{t.AuditId}/encounters/{t.EncounterId}/vendor-coding"),
            Party(vendorAdmin: Outcome.Refused, codingLead: Outcome.Refused, practiceAdmin: Outcome.Refused, auditor: Outcome.Refused)),
        ["POST /api/audits/{id}/encounters/{encounterId}/coding"] = new(t => Post($"/api/audits/{t.AuditId}/encounters/{t.EncounterId}/coding", MatrixAudit.VendorCoding),
            Party(vendorAdmin: Outcome.Refused, codingLead: Outcome.Refused, practiceAdmin: Outcome.Refused, auditor: Outcome.Allowed)),
        // No finding yet (nothing recorded when the row runs): the vendor's rebuttal finds none; the others may not rebut at all.
        ["POST /api/audits/{id}/findings/{findingId}/rebuttal"] = new(t => Post($"/api/audits/{t.AuditId}/findings/F-0000000000000000/rebuttal", """{"reason": "guideline I.B.1"}"""),
            Party(vendorAdmin: Outcome.NotFound, codingLead: Outcome.NotFound, practiceAdmin: Outcome.Refused, auditor: Outcome.Refused)),
        ["POST /api/audits/{id}/findings/{findingId}/adjudication"] = new(t => Post($"/api/audits/{t.AuditId}/findings/F-0000000000000000/adjudication", """{"decision": "reverse"}"""),
            Party(vendorAdmin: Outcome.Refused, codingLead: Outcome.Refused, practiceAdmin: Outcome.NotFound, auditor: Outcome.NotFound)),
    };

    /// <summary>The endpoint's key: its HTTP method and route pattern as mapped.</summary>
    public static IEnumerable<string> Keys(RouteEndpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
        return methods.Select(m => $"{m} {endpoint.RoutePattern.RawText?.TrimStart('/').Insert(0, "/")}");
    }
}
