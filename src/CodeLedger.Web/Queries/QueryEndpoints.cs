using System.Text.Json;
using CodeLedger.Core.Accounts;
using CodeLedger.Core.Common;
using CodeLedger.Core.Physicians;
using CodeLedger.Core.Queries;
using CodeLedger.Core.Tenancy;
using CodeLedger.Storage;
using CodeLedger.Storage.Workflow;
using CodeLedger.Web.Accounts;
using CodeLedger.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CodeLedger.Web.Queries;

/// <summary>
/// The physician's side of documentation queries as JSON: list by NPI, answer one. Refusals are
/// ProblemDetails carrying the stable error code (extension "code") with the HTTP status its
/// catalogue gives, e.g. 409 QUERY-EXPIRED. The endpoints read their parameters and body
/// themselves rather than through minimal-API binding, whose failures are an empty 400 or a
/// message quoting the value sent: here a missing NPI, an id that is not a GUID and a body that is
/// not the request's JSON each have their own code and name the field, never its value.
/// Both take a bearer token (<see cref="WebAccounts.Api"/>); who answers is the token's user,
/// never a field of the body.
/// </summary>
public static class QueryEndpoints
{
    private static readonly JsonSerializerOptions Strict = StrictJson.Options();

    public sealed record AnswerRequest(string Text);

    public static IEndpointRouteBuilder MapQueries(this IEndpointRouteBuilder app)
    {
        // The API takes bearer tokens only (WebAccounts.Api), limited per token (RateLimits.Token).
        var group = app.MapGroup("/api/queries").WithTags("Queries").RequireAuthorization(WebAccounts.Api).RequireRateLimiting(RateLimits.Token)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status500InternalServerError);
        group.MapGet("/", ListAsync).WithName("ListQueries")
            .WithSummary("The signed-in user's documentation queries (a physician's own; ?physician=NPI for others who may read them; a practice admin's practice, state only), by due time, a page at a time (?limit=, ?after= from the Link: rel=\"next\" header, ?status=open|closed|all).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/answer", AnswerAsync).WithName("AnswerQuery")
            .WithSummary("Answer a documentation query before it is due, as the token's physician.")
            .Accepts<AnswerRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <param name="physician">The physician's NPI (ten digits with its check digit); a physician's own when they list; optional for a practice admin (all their practice's physicians).</param>
    /// <param name="limit">How many queries a page holds: 1 to 200, default 50.</param>
    /// <param name="after">The cursor of the page to continue from, as the previous page's <c>Link: rel="next"</c> gives it.</param>
    /// <param name="status">open, closed or all (default).</param>
    /// <remarks>
    /// Through the tenant boundary (<see cref="QueryDesk.ListAsync(Principal, Core.Codes.Npi?, QueryPaging, CancellationToken)"/>):
    /// the queries the signed-in user may list, in due order, one page at a time, each text shown
    /// ledgered; a physician sees their own, and another physician's NPI is answered as unknown, so
    /// a physician cannot learn who else is enrolled. When more follow, the response carries
    /// <c>Link: &lt;/api/queries?...&amp;after=CURSOR&gt;; rel="next"</c> (RFC 8288): the body stays the
    /// array it always was, and the cursor holds across answers given meanwhile (docs/WEB.md, "Paging").
    /// </remarks>
    private static async Task<Results<Ok<IReadOnlyList<QueryView>>, ProblemHttpResult>> ListAsync(string? physician, string? limit, string? after, string? status,
        HttpContext http, CodeLedgerStore store, CancellationToken ct)
    {
        if (WebPrincipal.Of(http.User) is not { } principal)
        {
            return CodedProblem.From(AccountErrors.SignInRequired, "listing queries needs a signed-in user");
        }

        if (physician is { Length: > 0 } && !Core.Codes.Npi.TryParse(physician, out _))
        {
            return CodedProblem.From(PhysicianErrors.NpiInvalid, "the query parameter 'physician' is not an NPI (ten digits ending in its check digit)", "physician");
        }

        if (!QueryPaging.TryParse(limit, after, status, out var paging, out var field, out var problem))
        {
            return CodedProblem.From(RequestErrors.ParameterInvalid, problem!, field);
        }

        if (principal is { Role: UserRole.Physician, PhysicianNpi: { } own })
        {
            if (physician is { Length: > 0 } && physician != own)
            {
                return CodedProblem.From(PhysicianErrors.Unknown, "no physician with that NPI among yours", "physician");
            }

            physician = own;
        }

        // A practice admin follows the whole practice's queries (their state; no text): the NPI
        // narrows to one physician but is not needed. Others name the physician whose queue they read.
        if (physician is not { Length: > 0 } && principal.Role != UserRole.PracticeAdmin)
        {
            return CodedProblem.From(RequestErrors.ParameterMissing, "the query parameter 'physician' (the physician's NPI) is required", "physician");
        }

        try
        {
            var page = await new QueryDesk(store).ListAsync(principal, physician is { Length: > 0 } ? Core.Codes.Npi.Parse(physician) : null, paging, ct);
            if (page.Next is { } next)
            {
                http.Response.Headers.Link = $"<{NextPage(http.Request, next)}>; rel=\"next\"";
            }

            return TypedResults.Ok(page.Queries);
        }
        catch (DomainException e)
        {
            return CodedProblem.From(e, e.Error == PhysicianErrors.NpiInvalid || e.Error == PhysicianErrors.Unknown ? "physician" : null);
        }
    }

    /// <summary>The same request with <c>after</c> set to the next page's cursor (a relative URL: the host behind a proxy need not know its public name).</summary>
    private static string NextPage(HttpRequest request, string cursor)
    {
        var query = request.Query.Where(q => q.Key != "after")
            .Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString()))
            .Append(new KeyValuePair<string, string?>("after", cursor));
        return request.PathBase + request.Path + QueryString.Create(query);
    }

    private static async Task<Results<Ok<QueryView>, ProblemHttpResult>> AnswerAsync(string id, HttpRequest http, CodeLedgerStore store, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var queryId))
        {
            return CodedProblem.From(RequestErrors.IdInvalid, "the query id in the path is not a GUID", "id");
        }

        var (request, problem, field) = await ReadAsync(http, ct);
        if (request is null)
        {
            return CodedProblem.From(RequestErrors.BodyInvalid, problem!, field);
        }

        try
        {
            var principal = WebPrincipal.Of(http.HttpContext.User)
                ?? throw new DomainException(AccountErrors.SignInRequired, "answering a query needs a signed-in physician");
            var desk = new QueryDesk(store);
            var query = await desk.AnswerAsync(queryId, request.Text, principal, ct);
            return TypedResults.Ok(await desk.GetAsync(query.Id, principal, ct));
        }
        catch (DomainException e)
        {
            return CodedProblem.From(e, e.Error == QueryErrors.AnswerNotAChoice || e.Error.Value.StartsWith("FIELD-", StringComparison.Ordinal) ? "text" : null);
        }
    }

    /// <summary>The body as an <see cref="AnswerRequest"/>, or why not (a position or field names, no value) and the field at fault ("body" when it is not JSON).</summary>
    private static async Task<(AnswerRequest? Request, string? Problem, string? Field)> ReadAsync(HttpRequest http, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(http.Body, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            return (null, e.LineNumber is { } line
                ? $"the body is not JSON (line {line + 1}, byte {e.BytePositionInLine + 1}); send {{\"text\": \"...\"}}"
                : "the body is empty or not JSON; send {\"text\": \"...\"}", "body");
        }

        using (document)
        {
            return StrictJson.TryRead<AnswerRequest>(document.RootElement, Strict, out var request, out var problems)
                ? (request, null, null)
                : (null, "the body is not an answer: " + string.Join("; ", problems), ProblemField.Of(problems));
        }
    }
}
