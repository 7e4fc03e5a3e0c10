using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;

namespace CodeLedger.Web.Hosting;

/// <summary>
/// The OpenAPI document (<c>/openapi/v1.json</c>, Microsoft.AspNetCore.OpenApi). Endpoints describe
/// themselves (name, summary, typed results, <c>ProducesProblem</c>); this adds what they share:
/// the two members CodeLedger's ProblemDetails always carry, the stable <c>code</c> and, when the
/// error is about one parameter or field, the <c>field</c>.
/// </summary>
public static class OpenApiDocument
{
    public static IServiceCollection AddCodeLedgerOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "CodeLedger";
                document.Info.Description = "Outsourced medical coding and billing, proven from a hash-chained ledger. Every endpoint but /health needs a signed-in user "
                    + "(a session cookie or a bearer token). Every error is ProblemDetails (application/problem+json) with the stable error code in 'code' "
                    + "(docs/ERRORS.md) and, when one parameter or field is at fault, its name in 'field'.";
                return Task.CompletedTask;
            });
            o.AddSchemaTransformer((schema, context, _) =>
            {
                if (typeof(ProblemDetails).IsAssignableFrom(context.JsonTypeInfo.Type))
                {
                    schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
                    schema.Properties["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The stable error code (docs/ERRORS.md), e.g. QUERY-EXPIRED." };
                    schema.Properties["field"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The parameter or JSON field at fault, by name or path; absent when the error is not about one field. Never the value sent." };
                }

                return Task.CompletedTask;
            });
        });
}
