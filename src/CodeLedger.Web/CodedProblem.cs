using CodeLedger.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CodeLedger.Web;

/// <summary>
/// A refusal as ProblemDetails: the HTTP status its catalogue gives (docs/ERRORS.md), the code as
/// title and as the extension "code", the message as detail. Messages never quote PHI.
/// </summary>
public static class CodedProblem
{
    public static ProblemHttpResult From(ICodedError e) =>
        TypedResults.Problem(detail: e.Message, statusCode: e.Error.HttpStatus, title: e.Error.Value, extensions: new Dictionary<string, object?> { ["code"] = e.Error.Value });
}
