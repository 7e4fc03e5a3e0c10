namespace CodeLedger.Core.Ledger.Replay;

/// <summary>
/// Compares the stored tables with the replayed ones, row by row and column by column: a row on
/// one side only, or a column whose values differ, is a named divergence. Columns the ledger marks
/// <see cref="StateRow.NotRecorded"/> are not compared.
/// </summary>
public static class StateComparison
{
    public static List<StateDivergence> Compare(StateRows ledger, StateRows stored)
    {
        var divergences = new List<StateDivergence>();
        foreach (var (table, expectedRows) in ledger.Tables.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var storedRows = stored.Tables.TryGetValue(table, out var s) ? s : [];
            foreach (var (key, expected) in expectedRows.OrderBy(r => r.Value.Event).ThenBy(r => r.Key, StringComparer.Ordinal))
            {
                if (!storedRows.TryGetValue(key, out var actual))
                {
                    divergences.Add(StateDivergence.MissingRow(table, expected));
                    continue;
                }

                foreach (var (column, value) in expected.Columns)
                {
                    if (ReferenceEquals(value, StateRow.NotRecorded) || value == StateRow.NotRecorded)
                    {
                        continue;
                    }

                    var storedValue = actual.Get(column);
                    if (!string.Equals(storedValue, value, StringComparison.Ordinal))
                    {
                        divergences.Add(StateDivergence.Column(table, expected, column, storedValue, value));
                    }
                }
            }

            foreach (var (key, actual) in storedRows.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                if (!expectedRows.ContainsKey(key))
                {
                    divergences.Add(StateDivergence.ExtraRow(table, actual));
                }
            }
        }

        foreach (var (table, storedRows) in stored.Tables.Where(t => !ledger.Tables.ContainsKey(t.Key)))
        {
            divergences.AddRange(storedRows.Values.Select(r => StateDivergence.ExtraRow(table, r)));
        }

        return divergences;
    }
}
