using System.Diagnostics;

namespace CodeLedger.Web.Hosting;

/// <summary>
/// One log line per request: method, path, status and time. The path may hold ids (a query's GUID);
/// the query string and the body never appear, since a physician's NPI, a search or an answer may
/// be PHI. ASP.NET Core's own request lines (Hosting.Diagnostics, which print the query string) and
/// the categories that can echo a bound value are held at Warning by <see cref="CodeLedgerWebApp"/>.
/// </summary>
public static partial class RequestLog
{
    public const string Category = "CodeLedger.Web.Requests";

    public static IApplicationBuilder UseRequestLog(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        return app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                Served(logger, context.Request.Method, context.Request.Path.Value ?? "/", context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} {Status} in {Milliseconds:0.0} ms")]
    private static partial void Served(ILogger logger, string method, string path, int status, double milliseconds);
}
