namespace CodeLedger.Core.Ledger.Events;

/// <summary>The first event of a demo database: its seed and size, so the demo can be rebuilt and is never mistaken for real work.</summary>
public sealed record DemoStarted(int Seed, int Encounters, string Month) : ILedgerEvent
{
    public static string Type => "demo.started";
}
