namespace CodeLedger.Core.Ledger.Replay;

/// <summary>
/// One way the stored state differs from the state the ledger describes, or one event that
/// contradicts the state built so far. <see cref="Message"/> is the line `ledger verify` prints.
/// Values are never PHI: PHI columns are compared by the hash the events carry.
/// </summary>
public sealed record StateDivergence(string Message, long Event)
{
    public const string Prefix = "STATE-DIVERGES: ";

    public override string ToString() => Prefix + Message;

    public static StateDivergence Column(string table, StateRow ledger, string column, string? stored, string? expected) =>
        new($"{table} row for {ledger.Label}: {column} {Show(stored)}, ledger says {Show(expected)} (event {ledger.Event})", ledger.Event);

    public static StateDivergence MissingRow(string table, StateRow ledger) =>
        new($"{table} row for {ledger.Label} is not in the database, ledger says it exists (event {ledger.Event})", ledger.Event);

    public static StateDivergence ExtraRow(string table, StateRow stored) =>
        new($"{table} row for {stored.Label} is in the database, but no ledger event records it", 0);

    public static StateDivergence Contradiction(long sequence, string type, string reason) =>
        new($"event {sequence} ({type}): {reason}", sequence);

    private static string Show(string? value) => value is null ? "null" : value.Length > 80 ? value[..80] + "..." : value;
}
