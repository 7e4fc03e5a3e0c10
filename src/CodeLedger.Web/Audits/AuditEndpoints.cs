using System.Text;
using System.Text.Json;
using CodeLedger.Core.Accounts;
using CodeLedger.Core.Audits;
using CodeLedger.Core.Common;
using CodeLedger.Storage;
using CodeLedger.Storage.Audits;
using CodeLedger.Web.Accounts;
using CodeLedger.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CodeLedger.Web.Audits;

/// <summary>
/// Coding audits through the API (docs/AUDIT.md, "Commands and API"; docs/WEB.md): the same
/// <see cref="AuditDesk"/> calls as <c>codeledger audit ...</c>, with the token's user as the
/// principal. The desk decides everything; these endpoints parse the path and body, call it and
/// print. Ids are the CLI's: the audit id (or a unique prefix of 8+ characters), the practice's
/// encounter id, the finding id (F-...). An audit the user takes no part in is 404 AUDIT-UNKNOWN
/// before any role is considered, exactly like one that does not exist, so nothing tells another
/// tenant an audit is there. Sampling stays CLI-only: it needs the conversion-factor file.
/// </summary>
public static class AuditEndpoints
{
    /// <summary>The largest coding body read (a coding is a few hundred bytes; 12 diagnoses and 50 lines fit many times over).</summary>
    public const int MaxBody = 64 * 1024;

    private static readonly JsonSerializerOptions Strict = StrictJson.Options();

    public sealed record RebuttalRequest(string Reason);

    public sealed record AdjudicationRequest(string Decision);

    public static IEndpointRouteBuilder MapAudits(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audits").WithTags("Audits").RequireAuthorization(WebAccounts.Api).RequireRateLimiting(RateLimits.Token)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
        group.MapGet("/", ListAsync).WithName("ListAudits")
            .WithSummary("The audits the token's user takes part in, newest first (as `audit list --json`).");
        group.MapGet("/{id}/sample", SampleAsync).WithName("AuditSample")
            .WithSummary("The audit's sampled encounters in draw order, recorded or not (as `audit samples --json`).");
        group.MapPost("/{id}/encounters/{encounterId}/coding", RecordAsync).WithName("RecordAuditCoding")
            .WithSummary("The auditor's blind coding of a sampled encounter (the body `codeledger code` takes); once per encounter.")
            .Accepts<JsonElement>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id}/encounters/{encounterId}/vendor-coding", VendorCodingAsync).WithName("AuditVendorCoding")
            .WithSummary("The vendor's codes of a sampled encounter, only after the auditor's own are recorded (403 AUDIT-BLIND before).")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/{id}/findings/{findingId}/rebuttal", RebutAsync).WithName("RebutAuditFinding")
            .WithSummary("The vendor rebuts a finding: {\"reason\": \"...\"} (cite the guideline, not the patient); once per finding.")
            .Accepts<RebuttalRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id}/findings/{findingId}/adjudication", AdjudicateAsync).WithName("AdjudicateAuditFinding")
            .WithSummary("The engagement's adjudicator decides a rebutted finding: {\"decision\": \"uphold\"|\"reverse\"}; once per finding.")
            .Accepts<AdjudicationRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id}/report", ReportAsync).WithName("AuditReport")
            .WithSummary("The audit's report, the same JSON as `audit report --json`.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static Task<IResult> ListAsync(HttpContext http, CodeLedgerStore store, CancellationToken ct) =>
        RunAsync(http, async principal => TypedResults.Ok(await new AuditDesk(store).ListAsync(principal, ct)));

    private static Task<IResult> SampleAsync(string id, HttpContext http, CodeLedgerStore store, CancellationToken ct) =>
        RunAsync(http, async principal => TypedResults.Ok(await new AuditDesk(store).SampleListAsync(id, principal, ct)));

    private static Task<IResult> RecordAsync(string id, string encounterId, HttpContext http, CodeLedgerStore store, CancellationToken ct) =>
        RunAsync(http, async principal =>
        {
            var desk = new AuditDesk(store);
            await PartyAsync(desk, id, principal, ct);
            var body = await BodyAsync(http.Request, ct);
            if (body.Problem is not null)
            {
                return CodedProblem.From(RequestErrors.BodyInvalid, body.Problem, "body");
            }

            return TypedResults.Ok(await desk.RecordAsync(id, encounterId, body.Text!, principal, ct));
        });

    private static Task<IResult> VendorCodingAsync(string id, string encounterId, HttpContext http, CodeLedgerStore store, CancellationToken ct) =>
        RunAsync(http, async principal =>
        {
            var desk = new AuditDesk(store);
            await PartyAsync(desk, id, principal, ct);
            return TypedResults.Ok(await desk.VendorCodesAsync(id, encounterId, principal, ct));
        });

    private static Task<IResult> RebutAsync(string id, string findingId, HttpContext http, CodeLedgerStore store, CancellationToken ct) =>
        RunAsync(http, async principal =>
        {
            var desk = new AuditDesk(store);
            await PartyAsync(desk, id, principal, ct);
            var (request, problem, field) = await ReadAsync<RebuttalRequest>(http.Request, "{\"reason\": \"...\"}", ct);
            if (request is null)
            {
                return CodedProblem.From(RequestErrors.BodyInvalid, problem!, field);
            }

            var finding = await desk.RebutAsync(id, findingId, request.Reason, principal, ct);
            return TypedResults.Ok(new { audit = id, finding, status = "rebutted" });
        });

    private static Task<IResult> AdjudicateAsync(string id, string findingId, HttpContext http, CodeLedgerStore store, CancellationToken ct) =>
        RunAsync(http, async principal =>
        {
            var desk = new AuditDesk(store);
            await PartyAsync(desk, id, principal, ct);
            var (request, problem, field) = await ReadAsync<AdjudicationRequest>(http.Request, "{\"decision\": \"uphold\"|\"reverse\"}", ct);
            if (request is null)
            {
                return CodedProblem.From(RequestErrors.BodyInvalid, problem!, field);
            }

            AdjudicationOutcome? outcome = request.Decision switch
            {
                "uphold" => AdjudicationOutcome.Upheld,
                "reverse" => AdjudicationOutcome.Reversed,
                _ => null,
            };
            if (outcome is null)
            {
                return CodedProblem.From(RequestErrors.BodyInvalid, "the body's 'decision' is \"uphold\" or \"reverse\"", "decision");
            }

            var finding = await desk.AdjudicateAsync(id, findingId, outcome.Value, principal, ct);
            return TypedResults.Ok(new { audit = id, finding, status = outcome == AdjudicationOutcome.Upheld ? "upheld" : "reversed" });
        });

    private static Task<IResult> ReportAsync(string id, HttpContext http, CodeLedgerStore store, CancellationToken ct) =>
        RunAsync(http, async principal =>
        {
            var desk = new AuditDesk(store);
            await PartyAsync(desk, id, principal, ct);
            var report = await desk.ReportAsync(id, principal, ct);

            // The CLI's bytes (Core's one writer), so a report fetched here compares equal to `audit report --json` and the replay.
            return TypedResults.Text(AuditReportJson.Write(report), "application/json", Encoding.UTF8);
        });

    /// <summary>Refuses with 404 AUDIT-UNKNOWN an audit the user takes no part in, before a role refusal could tell that it exists.</summary>
    private static async Task PartyAsync(AuditDesk desk, string id, Principal principal, CancellationToken ct) => await desk.SampleListAsync(id, principal, ct);

    /// <summary>The signed-in principal, the work, and every refusal as coded ProblemDetails with the field it is about.</summary>
    private static async Task<IResult> RunAsync(HttpContext http, Func<Principal, Task<IResult>> work)
    {
        if (WebPrincipal.Of(http.User) is not { } principal)
        {
            return CodedProblem.From(AccountErrors.SignInRequired, "audits need a signed-in user");
        }

        try
        {
            return await work(principal);
        }
        catch (DomainException e)
        {
            return CodedProblem.From(e, FieldOf(e));
        }
    }

    /// <summary>The path parameter or body field a refusal is about.</summary>
    private static string? FieldOf(DomainException e) => e.Error.Value switch
    {
        "AUDIT-UNKNOWN" => "id",
        "AUDIT-NOT-IN-SAMPLE" or "AUDIT-BLIND" or "AUDIT-RECORDED-TWICE" => "encounterId",
        "AUDIT-FINDING-UNKNOWN" or "AUDIT-REBUTTED-TWICE" or "AUDIT-NOT-REBUTTED" or "AUDIT-ADJUDICATED-TWICE" => "findingId",
        "AUDIT-REBUTTAL-REASON" => "reason",
        // The coding body's own refusals name the member inside the message (lines[0], diagnoses); the field is the body.
        _ when e.Error.Value.StartsWith("CODING-", StringComparison.Ordinal) || e.Error == AuditErrors.CodingInvalid => "body",
        _ => null,
    };

    /// <summary>The body as text, at most <see cref="MaxBody"/> bytes.</summary>
    private static async Task<(string? Text, string? Problem)> BodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[MaxBody + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
        if (read > MaxBody)
        {
            return (null, $"the body is longer than {MaxBody} characters; a coding is far smaller");
        }

        return read == 0 ? (null, "the body is empty; send the coding JSON (diagnoses, lines)") : (new string(buffer, 0, read), null);
    }

    /// <summary>The body as <typeparamref name="T"/>, or why not (a position or member names, never a value) and the field at fault.</summary>
    private static async Task<(T? Request, string? Problem, string? Field)> ReadAsync<T>(HttpRequest http, string shape, CancellationToken ct)
        where T : class
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(http.Body, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            return (null, e.LineNumber is { } line
                ? $"the body is not JSON (line {line + 1}, byte {e.BytePositionInLine + 1}); send {shape}"
                : $"the body is empty or not JSON; send {shape}", "body");
        }

        using (document)
        {
            return StrictJson.TryRead<T>(document.RootElement, Strict, out var request, out var problems)
                ? (request, null, null)
                : (null, $"the body is not {shape}: " + string.Join("; ", problems), ProblemField.Of(problems));
        }
    }
}
