using CodeLedger.Storage;
using CodeLedger.Storage.Workflow;
using Microsoft.Extensions.Options;

namespace CodeLedger.Web.Queries;

/// <summary>
/// Closes overdue documentation queries on a timer, the same operation as
/// <c>codeledger queries expire</c>. The run is idempotent, and concurrent runs expire each query
/// once (a run that loses the race runs again and finds nothing: docs/STORAGE.md, "Writes and the
/// ledger"), so any number of web instances (and a cron job) may run it.
/// Time comes from the injected TimeProvider, so tests drive it with a fake clock.
/// </summary>
public sealed partial class QueryExpiryService(CodeLedgerStore store, TimeProvider time, IOptions<QueryExpiryOptions> options, ILogger<QueryExpiryService> logger) : BackgroundService
{
    public const string Actor = "query-expiry";

    public Task<ExpirySummary> RunOnceAsync(CancellationToken ct) => new QueryDesk(store).ExpireOverdueAsync(Actor, ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.IntervalSeconds)), time);
        do
        {
            try
            {
                var summary = await RunOnceAsync(stoppingToken);
                if (summary.Expired > 0)
                {
                    Expired(logger, summary.Expired, summary.FinalizedWithoutResponse);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed run is retried at the next tick; the worker must outlive a database hiccup.
                Failed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "query expiry: {Expired} queries unresolved, {Finalized} encounters finalized without query response")]
    private static partial void Expired(ILogger logger, int expired, int finalized);

    [LoggerMessage(Level = LogLevel.Warning, Message = "query expiry run failed; retrying at the next tick")]
    private static partial void Failed(ILogger logger, Exception error);
}
