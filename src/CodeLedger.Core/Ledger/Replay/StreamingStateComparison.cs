namespace CodeLedger.Core.Ledger.Replay;

/// <summary>Where the stored tables' rows are written as they are read: a whole <see cref="StateRows"/>, or a <see cref="StreamingStateComparison"/>.</summary>
public interface IStateRowSink
{
    /// <summary>Starts a row; its columns are set on the returned row before the next row starts.</summary>
    StateRow Add(string table, string key, string label, long @event);
}

/// <summary>
/// <see cref="StateComparison.Compare"/> without holding either side whole: stored rows are compared
/// as they are read, one table at a time, against that table's replayed rows only
/// (<c>expectedOf(table)</c>), each matched row dropped as soon as it is compared, so at most one
/// table's replayed rows and one stored row are in memory. The divergences, and their order, are
/// exactly those of <see cref="StateComparison.Compare"/>: per table in ordinal order, the ledger's
/// rows by (event, key) with missing rows and differing columns, then rows only in the database by key.
/// </summary>
public sealed class StreamingStateComparison(Func<string, StateRows> expectedOf) : IStateRowSink
{
    private readonly SortedDictionary<string, List<StateDivergence>> _byTable = new(StringComparer.Ordinal);
    private readonly List<(long Event, string Key, StateDivergence Divergence)> _expectedSide = [];
    private readonly List<(string Key, StateDivergence Divergence)> _extra = [];
    private string? _table;
    private Dictionary<string, StateRow>? _expected;
    private (string Key, StateRow Row)? _pending;

    public StateRow Add(string table, string key, string label, long @event)
    {
        ComparePending();
        if (table != _table)
        {
            Switch(table);
        }

        var row = new StateRow(label, @event);
        _pending = (key, row);
        return row;
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
        _expected = expectedOf(table).Tables.GetValueOrDefault(table) ?? [];
    }

    private void ComparePending()
    {
        if (_pending is not { } pending)
        {
            return;
        }

        _pending = null;
        if (!_expected!.Remove(pending.Key, out var expected))
        {
            _extra.Add((pending.Key, StateDivergence.ExtraRow(_table!, pending.Row)));
            return;
        }

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

        foreach (var (key, missing) in _expected!)
        {
            _expectedSide.Add((missing.Event, key, StateDivergence.MissingRow(_table, missing)));
        }

        // A stable sort keeps a row's columns in their order, as the whole-table comparison does.
        var divergences = _expectedSide.OrderBy(d => d.Event).ThenBy(d => d.Key, StringComparer.Ordinal).Select(d => d.Divergence)
            .Concat(_extra.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => d.Divergence)).ToList();
        _byTable[_table] = divergences;
        _expectedSide.Clear();
        _extra.Clear();
        _expected = null;
        _table = null;
    }
}
