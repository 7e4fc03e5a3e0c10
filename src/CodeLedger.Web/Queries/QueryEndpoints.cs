using System.Text.Json;
using CodeLedger.Core.Accounts;
using CodeLedger.Core.Common;
using CodeLedger.Storage;
using CodeLedger.Storage.Workflow;
using CodeLedger.Web.Accounts;
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
        var group = app.MapGroup("/api/queries").RequireAuthorization(WebAccounts.Api);
        group.MapGet("/", ListAsync);
        group.MapPost("/{id}/answer", AnswerAsync);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<QueryView>>, ProblemHttpResult>> ListAsync(HttpRequest http, CodeLedgerStore store, CancellationToken ct)
    {
        var physician = http.Query["physician"].ToString();
        if (WebPrincipal.Of(http.HttpContext.User) is { Role: UserRole.Physician, PhysicianNpi: { } own })
        {
            // A physician lists their own queries; another physician's NPI is answered as unknown,
            // so a physician cannot learn who else is enrolled.
            if (physician.Length > 0 && physician != own)
            {
                return CodedProblem.From(Core.Physicians.PhysicianErrors.Unknown, "no physician with that NPI among yours");
            }

            physician = own;
        }

        if (physician is not { Length: > 0 })
        {
            return CodedProblem.From(RequestErrors.ParameterMissing, "the query parameter 'physician' (the physician's NPI) is required");
        }

        try
        {
            return TypedResults.Ok(await new QueryDesk(store).ListAsync(physician, ct));
        }
        catch (DomainException e)
        {
            return CodedProblem.From(e);
        }
    }

    private static async Task<Results<Ok<QueryView>, ProblemHttpResult>> AnswerAsync(string id, HttpRequest http, CodeLedgerStore store, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var queryId))
        {
            return CodedProblem.From(RequestErrors.IdInvalid, "the query id in the path is not a GUID");
        }

        var (request, problem) = await ReadAsync(http, ct);
        if (request is null)
        {
            return CodedProblem.From(RequestErrors.BodyInvalid, problem!);
        }

        try
        {
            var principal = WebPrincipal.Of(http.HttpContext.User)
                ?? throw new DomainException(AccountErrors.SignInRequired, "answering a query needs a signed-in physician");
            var query = await new QueryDesk(store).AnswerAsync(queryId, request.Text, principal, ct);
            return TypedResults.Ok(await new QueryDesk(store).ListByIdAsync(query.Id, ct));
        }
        catch (DomainException e)
        {
            return CodedProblem.From(e);
        }
    }

    /// <summary>The body as an <see cref="AnswerRequest"/>, or why not (a position or field names, no value).</summary>
    private static async Task<(AnswerRequest? Request, string? Problem)> ReadAsync(HttpRequest http, CancellationToken ct)
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
                : "the body is empty or not JSON; send {\"text\": \"...\"}");
        }

        using (document)
        {
            return StrictJson.TryRead<AnswerRequest>(document.RootElement, Strict, out var request, out var problems)
                ? (request, null)
                : (null, "the body is not an answer: " + string.Join("; ", problems));
        }
    }
}
