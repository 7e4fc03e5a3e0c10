using System.Text.Json;
using CodeLedger.Core.Common;
using CodeLedger.Core.Physicians;
using CodeLedger.Core.Queries;
using CodeLedger.Storage;
using CodeLedger.Storage.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CodeLedger.Web.Queries;

/// <summary>
/// The physician's side of documentation queries as JSON: list by NPI, answer one. Refusals are
/// ProblemDetails carrying the stable error code (extension "code") with the HTTP status its
/// catalogue gives, e.g. 409 QUERY-EXPIRED. The endpoints read their parameters and body
/// themselves rather than through minimal-API binding, whose failures are an empty 400 or a
/// message quoting the value sent: here a missing NPI, an id that is not a GUID and a body that is
/// not the request's JSON each have their own code and name the field, never its value.
/// </summary>
public static class QueryEndpoints
{
    private static readonly JsonSerializerOptions Strict = StrictJson.Options();

    public sealed record AnswerRequest(string Text, string? AnsweredBy);

    public static IEndpointRouteBuilder MapQueries(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/queries").WithTags("Queries").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status500InternalServerError);
        group.MapGet("/", ListAsync).WithName("ListQueries")
            .WithSummary("A physician's documentation queries, oldest first, with due times.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/answer", AnswerAsync).WithName("AnswerQuery")
            .WithSummary("Answer a documentation query before it is due.")
            .Accepts<AnswerRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <param name="physician">The physician's NPI (ten digits with its check digit).</param>
    private static async Task<Results<Ok<IReadOnlyList<QueryView>>, ProblemHttpResult>> ListAsync(string? physician, CodeLedgerStore store, CancellationToken ct)
    {
        if (physician is not { Length: > 0 })
        {
            return CodedProblem.From(RequestErrors.ParameterMissing, "the query parameter 'physician' (the physician's NPI) is required", "physician");
        }

        try
        {
            return TypedResults.Ok(await new QueryDesk(store).ListAsync(physician, ct));
        }
        catch (DomainException e)
        {
            return CodedProblem.From(e, e.Error == PhysicianErrors.NpiInvalid ? "physician" : null);
        }
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
            var query = await new QueryDesk(store).AnswerAsync(queryId, request.Text, "web:" + (request.AnsweredBy ?? "physician"), ct);
            return TypedResults.Ok(await new QueryDesk(store).ListByIdAsync(query.Id, ct));
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
                ? $"the body is not JSON (line {line + 1}, byte {e.BytePositionInLine + 1}); send {{\"text\": \"...\", \"answeredBy\": \"...\"}}"
                : "the body is empty or not JSON; send {\"text\": \"...\", \"answeredBy\": \"...\"}", "body");
        }

        using (document)
        {
            return StrictJson.TryRead<AnswerRequest>(document.RootElement, Strict, out var request, out var problems)
                ? (request, null, null)
                : (null, "the body is not an answer: " + string.Join("; ", problems), ProblemField.Of(problems));
        }
    }
}
