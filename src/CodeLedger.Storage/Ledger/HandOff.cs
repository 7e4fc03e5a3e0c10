namespace CodeLedger.Storage.Ledger;

/// <summary>
/// A bounded queue between the one thread that reads and the one that folds or compares in
/// `ledger verify`. It blocks without spinning: <see cref="System.Collections.Concurrent.BlockingCollection{T}"/>
/// (SemaphoreSlim underneath) spins before it sleeps, and with a batch handed over every few
/// milliseconds that spinning was about a tenth of the verification's CPU in a profile at 100,000
/// encounters, taken from the other thread's core on a two-core machine (docs/PERFORMANCE.md).
/// </summary>
internal sealed class HandOff<T> : IDisposable
{
    private readonly Queue<T> _items = new();
    private readonly int _capacity;
    private readonly CancellationTokenRegistration _registration;
    private readonly CancellationToken _ct;
    private bool _completed;

    public HandOff(int capacity, CancellationToken ct)
    {
        _capacity = capacity;
        _ct = ct;

        // A cancellation wakes both sides, so neither waits on a queue the other has left.
        _registration = ct.Register(() =>
        {
            lock (_items)
            {
                Monitor.PulseAll(_items);
            }
        });
    }

    public bool IsAddingCompleted
    {
        get
        {
            lock (_items)
            {
                return _completed;
            }
        }
    }

    /// <summary>Adds an item, waiting while the queue is full; throws <see cref="OperationCanceledException"/> once cancelled.</summary>
    public void Add(T item)
    {
        lock (_items)
        {
            while (_items.Count >= _capacity)
            {
                _ct.ThrowIfCancellationRequested();
                Monitor.Wait(_items);
            }

            _ct.ThrowIfCancellationRequested();
            if (_completed)
            {
                throw new InvalidOperationException("items were added after the hand-off was completed");
            }

            _items.Enqueue(item);
            if (_items.Count == 1)
            {
                Monitor.PulseAll(_items);
            }
        }
    }

    /// <summary>Every item in the order added, until <see cref="CompleteAdding"/>; throws <see cref="OperationCanceledException"/> once cancelled.</summary>
    public IEnumerable<T> Consume()
    {
        while (true)
        {
            T item;
            lock (_items)
            {
                while (_items.Count == 0)
                {
                    _ct.ThrowIfCancellationRequested();
                    if (_completed)
                    {
                        yield break;
                    }

                    Monitor.Wait(_items);
                }

                _ct.ThrowIfCancellationRequested();
                item = _items.Dequeue();
                if (_items.Count == _capacity - 1)
                {
                    Monitor.PulseAll(_items);
                }
            }

            yield return item;
        }
    }

    public void CompleteAdding()
    {
        lock (_items)
        {
            _completed = true;
            Monitor.PulseAll(_items);
        }
    }

    public void Dispose() => _registration.Dispose();
}
