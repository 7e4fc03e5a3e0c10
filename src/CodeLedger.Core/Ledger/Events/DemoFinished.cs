namespace CodeLedger.Core.Ledger.Events;

/// <summary>
/// The last event the demo writes, repeating its <see cref="DemoStarted"/> (seed, size, month). A
/// database whose ledger runs from demo.started to this event and holds nothing after it is
/// exactly a demo, and only such a database may be replaced by the next demo.
/// </summary>
public sealed record DemoFinished(int Seed, int Encounters, string Month) : ILedgerEvent
{
    public static string Type => "demo.finished";
}
