using System.Globalization;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Ledger.Replay;

/// <summary>
/// The state tables in one comparable shape: per table, rows by key, each a set of named column
/// values as invariant text. The ledger's replay and the stored tables are both written into this
/// shape (<see cref="ReplayedState.ToRows"/> and the storage reader), so the comparison is one
/// plain diff and a difference names its table, row, column and both values.
/// </summary>
public sealed class StateRows : IStateRowSink
{
    private readonly Dictionary<string, Dictionary<string, StateRow>> _tables = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, Dictionary<string, StateRow>> Tables => _tables;

    /// <summary>Adds a row; <paramref name="event"/> is the sequence of the ledger event that last set it (0 for a stored row).</summary>
    public StateRow Add(string table, string key, string label, long @event)
    {
        if (!_tables.TryGetValue(table, out var rows))
        {
            _tables[table] = rows = new Dictionary<string, StateRow>(StringComparer.Ordinal);
        }

        var row = new StateRow(label, @event);
        rows[key] = row;
        return row;
    }

    /// <summary>Adds a row built elsewhere (the replay builds a row the same way for a whole table and for one key).</summary>
    public void Put(string table, string key, StateRow row)
    {
        if (!_tables.TryGetValue(table, out var rows))
        {
            _tables[table] = rows = new Dictionary<string, StateRow>(StringComparer.Ordinal);
        }

        rows[key] = row;
    }

    /// <summary>The tables this shape covers, so a table with no rows on one side still compares as empty.</summary>
    public void Declare(string table)
    {
        if (!_tables.ContainsKey(table))
        {
            _tables[table] = new Dictionary<string, StateRow>(StringComparer.Ordinal);
        }
    }

    public static string Text(DateTimeOffset value) => Instants.Format(value);

    public static string? Text(DateTimeOffset? value) => value is { } v ? Instants.Format(v) : null;

    public static string Text(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Text(DateOnly? value) => value is { } v ? Text(v) : null;

    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string Text(bool value) => value ? "true" : "false";

    /// <summary>Decimals without trailing zeros, so 95 and 95.00 (a column's precision) compare equal.</summary>
    public static string Text(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    public static string Text(Guid value) => value.ToString("D");

    public static string Text(IEnumerable<string> values) => string.Join(" ", values);
}

/// <summary>One row: its label as a divergence names it, the event that last set it, and its columns.</summary>
public sealed class StateRow(string label, long @event)
{
    /// <summary>Marks a column the ledger does not record for this row (an event written before the field was added): not compared.</summary>
    public const string NotRecorded = "\u0000not-recorded";

    // Sized for the widest table's columns (work items, contracts), so setting them never grows the list.
    private readonly List<KeyValuePair<string, string?>> _columns = new(14);

    public string Label { get; set; } = label;

    public long Event { get; set; } = @event;

    public IReadOnlyList<KeyValuePair<string, string?>> Columns => _columns;

    /// <summary>Makes this row a new, empty one: a sink that digests each row before the next starts reuses one row for all.</summary>
    internal StateRow Reset(string label, long @event)
    {
        Label = label;
        Event = @event;
        _columns.Clear();
        return this;
    }

    public StateRow Set(string column, string? value)
    {
        for (var i = 0; i < _columns.Count; i++)
        {
            if (_columns[i].Key == column)
            {
                _columns[i] = new(column, value);
                return this;
            }
        }

        _columns.Add(new(column, value));
        return this;
    }

    public string? Get(string column)
    {
        foreach (var c in _columns)
        {
            if (c.Key == column)
            {
                return c.Value;
            }
        }

        return null;
    }
}
