using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CodeLedger.Load;

/// <summary>
/// The load: each client acts for one physician (and sends one token, if given), and loops until
/// the time is up: list the physician's queue, or answer the oldest open query in the last list.
/// Every response but a 2xx is an error, except an answer that lost to another client (409: the
/// query was answered meanwhile), which is counted apart. Latency is per request, wall clock.
/// </summary>
internal static class LoadRun
{
    public static async Task<LoadReport> RunAsync(LoadOptions options, CancellationToken ct)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(30) };
        using (var health = await http.GetAsync("/health", ct))
        {
            health.EnsureSuccessStatusCode();
        }

        var hostCpu = HostCpu(options.HostPid);
        var started = Stopwatch.GetTimestamp();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(options.Duration);
        var results = await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(i => ClientAsync(http, options, i, stop.Token)));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpu = HostCpu(options.HostPid) - hostCpu;
        return LoadReport.Of(results, elapsed, cpu);
    }

    private static TimeSpan HostCpu(int? pid) => pid is { } id ? Process.GetProcessById(id).TotalProcessorTime : TimeSpan.Zero;

    private static async Task<ClientResult> ClientAsync(HttpClient http, LoadOptions options, int index, CancellationToken stop)
    {
        var result = new ClientResult();
        var npi = options.Physicians[index % options.Physicians.Count];
        var token = options.Tokens.Count > 0 ? options.Tokens[index % options.Tokens.Count] : null;
        var random = new Random(index);
        var open = new Queue<string>();
        while (!stop.IsCancellationRequested)
        {
            var answering = open.Count > 0 && random.NextDouble() < options.AnswerShare;
            using var request = answering
                ? new HttpRequestMessage(HttpMethod.Post, $"/api/queries/{open.Dequeue()}/answer") { Content = new StringContent("""{"text": "left knee"}""", Encoding.UTF8, "application/json") }
                : new HttpRequestMessage(HttpMethod.Get, $"/api/queries?physician={npi}{(options.ListQuery is { Length: > 0 } q ? "&" + q : string.Empty)}");
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            var sent = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.SendAsync(request, stop);
                var body = await response.Content.ReadAsStringAsync(stop);
                var latency = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                if (response.IsSuccessStatusCode)
                {
                    result.Latencies.Add(latency);
                    if (!answering)
                    {
                        Refill(open, body);
                    }
                }
                else if (answering && response.StatusCode == HttpStatusCode.Conflict)
                {
                    result.Latencies.Add(latency);
                    result.Conflicts++;
                }
                else
                {
                    result.Latencies.Add(latency);
                    result.Errors.Add($"{(int)response.StatusCode} {(answering ? "answer" : "list")}");
                }

                if (answering)
                {
                    result.Answers++;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Time is up mid-request: the request is not counted.
            }
            catch (HttpRequestException e)
            {
                result.Errors.Add("transport " + e.HttpRequestError);
            }
        }

        return result;
    }

    /// <summary>The open queries of the listed queue, oldest first.</summary>
    private static void Refill(Queue<string> open, string body)
    {
        open.Clear();
        using var list = JsonDocument.Parse(body);
        foreach (var query in list.RootElement.EnumerateArray())
        {
            if (query.GetProperty("status").GetString() == "open")
            {
                open.Enqueue(query.GetProperty("id").GetString()!);
                if (open.Count == 5)
                {
                    break;
                }
            }
        }
    }
}

internal sealed class ClientResult
{
    public List<double> Latencies { get; } = [];

    public List<string> Errors { get; } = [];

    public int Answers { get; set; }

    public int Conflicts { get; set; }
}

internal sealed record LoadReport(int Requests, int Answers, int Conflicts, int Errors, IReadOnlyDictionary<string, int> ErrorKinds, double P50, double P95, double P99, double Max, TimeSpan Elapsed, TimeSpan HostCpu)
{
    public static LoadReport Of(IReadOnlyList<ClientResult> clients, TimeSpan elapsed, TimeSpan hostCpu)
    {
        var latencies = clients.SelectMany(c => c.Latencies).Order().ToArray();
        var errors = clients.SelectMany(c => c.Errors).ToList();
        return new LoadReport(latencies.Length, clients.Sum(c => c.Answers), clients.Sum(c => c.Conflicts), errors.Count,
            errors.GroupBy(e => e).ToDictionary(g => g.Key, g => g.Count()),
            Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99), latencies.LastOrDefault(), elapsed, hostCpu);
    }

    /// <summary>Nearest-rank percentile.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    public string ToText(LoadOptions options)
    {
        var text = new StringBuilder();
        var seconds = Elapsed.TotalSeconds;
        text.AppendLine(CultureInfo.InvariantCulture, $"clients {options.Clients}, {seconds:0.0} s, {options.Url}{(options.Tokens.Count > 0 ? $", {options.Tokens.Count} tokens" : ", no token")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"requests {Requests} ({Requests / seconds:0.0}/s), answers {Answers} ({Conflicts} already answered by another client), errors {Errors}");
        foreach (var (kind, count) in ErrorKinds.OrderByDescending(k => k.Value))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {count} x {kind}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"latency ms: p50 {Format.Ms(P50)}, p95 {Format.Ms(P95)}, p99 {Format.Ms(P99)}, max {Format.Ms(Max)}");
        if (options.HostPid is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"host CPU {HostCpu.TotalSeconds:0.0} s over the run ({HostCpu.TotalSeconds / seconds:0.00} cores), {(HostCpu.TotalMilliseconds / Math.Max(1, Requests)):0.00} ms per request");
        }

        return text.ToString();
    }
}
