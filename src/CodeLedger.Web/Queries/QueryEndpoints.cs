using CodeLedger.Core.Common;
using CodeLedger.Storage;
using CodeLedger.Storage.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CodeLedger.Web.Queries;

/// <summary>
/// The physician's side of documentation queries as JSON: list by NPI, answer one. Refusals are
/// ProblemDetails carrying the stable error code (extension "code") with the HTTP status its
/// catalogue gives, e.g. 409 QUERY-EXPIRED.
/// </summary>
public static class QueryEndpoints
{
    public sealed record AnswerRequest(string Text, string? AnsweredBy);

    public static IEndpointRouteBuilder MapQueries(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/queries");
        group.MapGet("/", ListAsync);
        group.MapPost("/{id:guid}/answer", AnswerAsync);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<QueryView>>, ProblemHttpResult>> ListAsync(string physician, CodeLedgerStore store, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok(await new QueryDesk(store).ListAsync(physician, ct));
        }
        catch (DomainException e)
        {
            return CodedProblem.From(e);
        }
    }

    private static async Task<Results<Ok<QueryView>, ProblemHttpResult>> AnswerAsync(Guid id, AnswerRequest request, CodeLedgerStore store, CancellationToken ct)
    {
        try
        {
            var query = await new QueryDesk(store).AnswerAsync(id, request.Text, "web:" + (request.AnsweredBy ?? "physician"), ct);
            return TypedResults.Ok(await new QueryDesk(store).ListByIdAsync(query.Id, ct));
        }
        catch (DomainException e)
        {
            return CodedProblem.From(e);
        }
    }
}
