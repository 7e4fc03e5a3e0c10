namespace CodeLedger.Core.Ledger.Replay;

/// <summary>Where the stored tables' rows are written as they are read: a whole <see cref="StateRows"/>, or a <see cref="StreamingStateComparison"/>.</summary>
public interface IStateRowSink
{
    /// <summary>Starts a row; its columns are set on the returned row before the next row starts.</summary>
    StateRow Add(string table, string key, string label, long @event);
}

/// <summary>
/// One table's replayed rows, each built when it is asked for: a comparison looks up the row of each
/// stored key and walks the whole table only when some replayed row was not matched, so a large
/// table's text form is never held whole (<see cref="ReplayedState.Table"/>).
/// </summary>
public interface IReplayedTable
{
    /// <summary>How many rows the table has.</summary>
    int Count { get; }

    /// <summary>The row with this key, or null when the ledger describes none.</summary>
    StateRow? Find(string key);

    /// <summary>Every row with its key.</summary>
    IEnumerable<KeyValuePair<string, StateRow>> Rows();
}

/// <summary>
/// <see cref="StateComparison.Compare"/> without holding either side whole: stored rows are compared
/// as they are read, one table at a time, each against the replayed row of its key, built on demand
/// (<see cref="IReplayedTable"/>); what is kept per table is the set of keys matched (compactly: a
/// Guid, or a Guid and a version, for the encounter tables' keys) and the divergences found. The
/// divergences, and their order, are exactly those of <see cref="StateComparison.Compare"/>: per
/// table in ordinal order, the ledger's rows by (event, key) with missing rows and differing
/// columns, then rows only in the database by key.
/// </summary>
public sealed class StreamingStateComparison : IStateRowSink
{
    private readonly Func<string, IReplayedTable> _tableOf;
    private readonly SortedDictionary<string, List<StateDivergence>> _byTable = new(StringComparer.Ordinal);
    private readonly List<(long Event, string Key, StateDivergence Divergence)> _expectedSide = [];
    private readonly List<(string Key, StateDivergence Divergence)> _extra = [];
    private readonly MatchedKeys _matched = new();
    private string? _table;
    private IReplayedTable? _replayed;
    private (string Key, StateRow Row)? _pending;

    /// <summary>Compares against whole tables of replayed rows (<c>expectedOf(table)</c>, one table at a time).</summary>
    public StreamingStateComparison(Func<string, StateRows> expectedOf)
        : this(table => new WholeTable(expectedOf(table).Tables.GetValueOrDefault(table) ?? []))
    {
    }

    private StreamingStateComparison(Func<string, IReplayedTable> tableOf) => _tableOf = tableOf;

    /// <summary>Compares against replayed rows built one at a time as stored keys ask for them.</summary>
    public static StreamingStateComparison OnDemand(Func<string, IReplayedTable> tableOf) => new(tableOf);

    public StateRow Add(string table, string key, string label, long @event)
    {
        var row = new StateRow(label, @event);
        Add(table, key, row);
        return row;
    }

    /// <summary>Adds a stored row built elsewhere (on another thread, whole before it is handed over): the same as <see cref="Add(string, string, string, long)"/> with its columns set.</summary>
    public void Add(string table, string key, StateRow row)
    {
        ComparePending();
        if (table != _table)
        {
            Switch(table);
        }

        _pending = (key, row);
    }

    /// <summary>Ends the comparison: tables no stored row was read from are compared as empty.</summary>
    public List<StateDivergence> Finish()
    {
        ComparePending();
        CloseTable();
        foreach (var table in StateTables.All)
        {
            if (!_byTable.ContainsKey(table))
            {
                Switch(table);
                CloseTable();
            }
        }

        return [.. _byTable.Values.SelectMany(d => d)];
    }

    private void Switch(string table)
    {
        CloseTable();
        if (_byTable.ContainsKey(table))
        {
            throw new InvalidOperationException($"the rows of {table} must be read together");
        }

        _table = table;
        _replayed = _tableOf(table);
    }

    private void ComparePending()
    {
        if (_pending is not { } pending)
        {
            return;
        }

        _pending = null;

        // A key already matched is a second stored row for it: only one can be the ledger's.
        if (_matched.Contains(pending.Key) || _replayed!.Find(pending.Key) is not { } expected)
        {
            _extra.Add((pending.Key, StateDivergence.ExtraRow(_table!, pending.Row)));
            return;
        }

        _matched.Add(pending.Key);
        foreach (var (column, value) in expected.Columns)
        {
            if (ReferenceEquals(value, StateRow.NotRecorded) || value == StateRow.NotRecorded)
            {
                continue;
            }

            var storedValue = pending.Row.Get(column);
            if (!string.Equals(storedValue, value, StringComparison.Ordinal))
            {
                _expectedSide.Add((expected.Event, pending.Key, StateDivergence.Column(_table!, expected, column, storedValue, value)));
            }
        }
    }

    private void CloseTable()
    {
        if (_table is null)
        {
            return;
        }

        // Every matched key is one of the table's distinct keys, so equal counts mean none is missing
        // and the table need not be walked (the usual case: a database that agrees with its ledger).
        if (_matched.Count != _replayed!.Count)
        {
            foreach (var (key, missing) in _replayed.Rows())
            {
                if (!_matched.Contains(key))
                {
                    _expectedSide.Add((missing.Event, key, StateDivergence.MissingRow(_table, missing)));
                }
            }
        }

        // A stable sort keeps a row's columns in their order, as the whole-table comparison does.
        var divergences = _expectedSide.OrderBy(d => d.Event).ThenBy(d => d.Key, StringComparer.Ordinal).Select(d => d.Divergence)
            .Concat(_extra.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => d.Divergence)).ToList();
        _byTable[_table] = divergences;
        _expectedSide.Clear();
        _extra.Clear();
        _matched.Clear();
        _replayed = null;
        _table = null;
    }

    private sealed class WholeTable(Dictionary<string, StateRow> rows) : IReplayedTable
    {
        public int Count => rows.Count;

        public StateRow? Find(string key) => rows.GetValueOrDefault(key);

        public IEnumerable<KeyValuePair<string, StateRow>> Rows() => rows;
    }

    /// <summary>
    /// The keys matched in one table: an encounter table's key (a Guid, or a Guid and a version, in
    /// their one text form) as 20 bytes rather than a 36-character string, any other key as text.
    /// </summary>
    private sealed class MatchedKeys
    {
        private readonly HashSet<(Guid Id, int Version)> _ids = [];
        private readonly HashSet<string> _texts = new(StringComparer.Ordinal);

        public int Count => _ids.Count + _texts.Count;

        public bool Contains(string key) => Parse(key) is { } id ? _ids.Contains(id) : _texts.Contains(key);

        public void Add(string key)
        {
            if (Parse(key) is { } id)
            {
                _ids.Add(id);
            }
            else
            {
                _texts.Add(key);
            }
        }

        public void Clear()
        {
            _ids.Clear();
            _texts.Clear();
        }

        /// <summary>The key as (Guid, -1) or (Guid, version) when it is exactly that form's text; otherwise null.</summary>
        private static (Guid, int)? Parse(string key) => StateTables.ParseKey(key);
    }
}
