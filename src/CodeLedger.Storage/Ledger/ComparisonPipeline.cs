using CodeLedger.Core.Ledger.Replay;

namespace CodeLedger.Storage.Ledger;

/// <summary>
/// The stored rows handed to a <see cref="StreamingStateComparison"/> running on another thread: this
/// thread reads the tables (EF Core materialization, decryption, keyed hashes), the other builds each
/// key's replayed row and compares. A row is handed over when the next one starts (its columns are all
/// set by then), in batches through a bounded queue (<see cref="HandOff{T}"/>), so the rows in flight are a few thousand whatever
/// the database's size, and the comparison sees them in exactly the order they were read.
/// </summary>
internal sealed class ComparisonPipeline : IStateRowSink, IDisposable
{
    private const int BatchSize = 1024;
    private readonly HandOff<(string Table, string Key, StateRow Row)[]> _batches;
    private readonly CancellationTokenSource _stop;
    private readonly Task<List<StateDivergence>> _comparison;
    private List<(string Table, string Key, StateRow Row)> _batch = new(BatchSize);
    private (string Table, string Key, StateRow Row)? _started;

    public ComparisonPipeline(StreamingStateComparison comparison, CancellationToken ct)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _batches = new HandOff<(string Table, string Key, StateRow Row)[]>(capacity: 8, _stop.Token);
        _comparison = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    foreach (var batch in _batches.Consume())
                    {
                        foreach (var (table, key, row) in batch)
                        {
                            comparison.Add(table, key, row);
                        }
                    }

                    return comparison.Finish();
                }
                catch
                {
                    // The reader must not wait on a full queue nobody takes from.
                    _stop.Cancel();
                    throw;
                }
            },
            _stop.Token,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    public StateRow Add(string table, string key, string label, long @event)
    {
        HandOver();
        var row = new StateRow(label, @event);
        _started = (table, key, row);
        return row;
    }

    /// <summary>Hands over the last row and waits for the comparison's divergences (<see cref="StreamingStateComparison.Finish"/>).</summary>
    public async Task<List<StateDivergence>> FinishAsync()
    {
        try
        {
            HandOver();
            if (_batch.Count > 0)
            {
                _batches.Add([.. _batch]);
            }
        }
        catch (OperationCanceledException) when (_comparison.IsFaulted)
        {
            // The comparison failed: its exception, awaited below, is the one to report.
        }
        finally
        {
            _batches.CompleteAdding();
        }

        return await _comparison;
    }

    /// <summary>Ends the comparison thread when reading failed before <see cref="FinishAsync"/>.</summary>
    public void Dispose()
    {
        if (!_batches.IsAddingCompleted)
        {
            _stop.Cancel();
            _batches.CompleteAdding();
            try
            {
                _comparison.Wait();
            }
            catch (AggregateException)
            {
                // Reading failed first; that failure is the one being reported.
            }
        }

        _batches.Dispose();
        _stop.Dispose();
    }

    private void HandOver()
    {
        if (_started is not { } started)
        {
            return;
        }

        _started = null;
        _batch.Add(started);
        if (_batch.Count == BatchSize)
        {
            _batches.Add([.. _batch]);
            _batch.Clear();
        }
    }
}
