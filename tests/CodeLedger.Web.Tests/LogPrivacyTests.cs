using System.Collections.Concurrent;
using System.Net;
using System.Text;
using CodeLedger.Web.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace CodeLedger.Web.Tests;

/// <summary>
/// No PHI in the logs: a request's query string, headers and body never reach a log line, even
/// with every category at Trace, while the request line itself (method, path, status) is logged.
/// The value stands for a patient's name sent where a client should not send one.
/// </summary>
public sealed class LogPrivacyTests : IDisposable
{
    private const string Sentinel = "Quillfeather";

    private readonly CapturedLogs logs = new();
    private readonly TestHost host;

    public LogPrivacyTests()
    {
        host = new TestHost(configure: b => b
            .UseSetting("Logging:LogLevel:Default", "Trace")
            .ConfigureLogging(l => l.AddProvider(logs)));
    }

    public void Dispose() => host.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Errors_driven_with_a_phi_looking_value_log_the_request_but_not_the_value()
    {
        using var signedIn = host.Client("dr-test");
        using var anonymous = host.Client();

        var statuses = new List<HttpStatusCode>
        {
            (await anonymous.GetAsync($"/api/queries?physician=1234567893&patient={Sentinel}", Ct)).StatusCode,
            (await signedIn.GetAsync($"/api/queries?physician=1234567893&patient={Sentinel}", Ct)).StatusCode,
            (await signedIn.PostAsync($"/api/queries/{Guid.NewGuid()}/answer?note={Sentinel}",
                new StringContent($$"""{"text": "Mrs {{Sentinel}} says", "patient": "{{Sentinel}}"}""", Encoding.UTF8, "application/json"), Ct)).StatusCode,
            (await signedIn.PostAsync($"/api/queries/{Guid.NewGuid()}/answer",
                new StringContent($$"""{"text": "other: {{Sentinel}}"}""", Encoding.UTF8, "application/json"), Ct)).StatusCode,
            (await signedIn.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/queries?q={Sentinel}") { Headers = { { "X-Patient", Sentinel } } }, Ct)).StatusCode,
        };

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.NotFound, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.BadRequest], statuses);
        var lines = logs.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("GET /api/queries 401", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("POST /api/queries/", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(Sentinel, StringComparison.OrdinalIgnoreCase));
    }

    private sealed class CapturedLogs : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull
            {
                lines.Enqueue($"{category} scope: {state}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {state} {exception}");
        }
    }
}
