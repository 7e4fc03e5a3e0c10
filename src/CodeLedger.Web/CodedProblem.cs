using CodeLedger.Core.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CodeLedger.Web;

/// <summary>
/// A refusal as ProblemDetails: the HTTP status its catalogue gives (docs/ERRORS.md), the code as
/// title and as the extension "code", the message as detail, and the extension "field" when the
/// refusal is about one parameter or body field (its name or JSON path, never its value). Messages
/// never quote PHI. Every
/// error response of the host is one: the endpoints return them, and <see cref="UseCodedProblems"/>
/// turns what the framework would send with an empty body (no route, wrong method, a request it
/// could not bind, an exception) into one too.
/// </summary>
public static partial class CodedProblem
{
    public static ProblemHttpResult From(ICodedError e, string? field = null) => From(e.Error, e.Message, field);

    public static ProblemHttpResult From(ErrorCode code, string message, string? field = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code.Value };
        if (field is not null)
        {
            extensions["field"] = field;
        }

        return TypedResults.Problem(detail: message, statusCode: code.HttpStatus, title: code.Value, extensions: extensions);
    }

    public static WebApplication UseCodedProblems(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = HandleExceptionAsync });
        app.UseStatusCodePages(context => EmptyErrorAsync(context.HttpContext));
        return app;
    }

    private static Task HandleExceptionAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var problem = Coded(error) is { } coded
            ? From(coded)
            : error is BadHttpRequestException
                ? From(RequestErrors.Unreadable, "the request could not be read")
                : From(RequestErrors.Failed, "the request failed inside CodeLedger; the error is logged");
        if (problem.StatusCode >= 500)
        {
            Failed(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("CodeLedger.Web"), error);
        }

        return problem.ExecuteAsync(context);
    }

    /// <summary>An error status with no body yet: the catalogue's code for it.</summary>
    private static Task EmptyErrorAsync(HttpContext context) => (context.Response.StatusCode switch
    {
        Http.NotFound => From(RequestErrors.NotFound, "no endpoint at this path"),
        Http.MethodNotAllowed => From(RequestErrors.MethodNotAllowed, "this path does not take that HTTP method"),
        Http.Unauthorized => Unauthenticated(),
        Http.Forbidden => Forbidden(),
        Http.TooManyRequests => RateLimited(),
        _ => From(RequestErrors.Unreadable, "the request could not be read"),
    }).ExecuteAsync(context);

    /// <summary>An authentication scheme's challenge, or a request that reached a protected endpoint with no scheme to challenge.</summary>
    public static ProblemHttpResult Unauthenticated() =>
        From(RequestErrors.Unauthenticated, "sign in first: this endpoint needs a session cookie or a bearer token");

    public static ProblemHttpResult Forbidden() =>
        From(RequestErrors.Forbidden, "the signed-in user's role may not use this endpoint");

    public static ProblemHttpResult RateLimited() =>
        From(RequestErrors.RateLimited, "too many requests; wait for the time in Retry-After and try again");

    /// <summary>A coded error, possibly wrapped (EF Core wraps a PHI key problem met while reading).</summary>
    private static ICodedError? Coded(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is ICodedError coded)
            {
                return coded;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "request failed")]
    private static partial void Failed(ILogger logger, Exception? error);
}
