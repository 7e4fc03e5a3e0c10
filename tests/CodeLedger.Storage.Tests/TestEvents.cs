using CodeLedger.Core.Ledger.Events;

namespace CodeLedger.Storage.Tests;

/// <summary>Events that exist only to exercise the chain: their content does not matter, their order and count do.</summary>
internal sealed record Tick(int I) : ILedgerEvent
{
    public static string Type => "test.tick";
}

/// <summary>A second test event type, so interleaved writers append different types.</summary>
internal sealed record Tock(int I) : ILedgerEvent
{
    public static string Type => "test.tock";
}

/// <summary>A row a storage test stored, named by its id.</summary>
internal sealed record Stored(Guid Id) : ILedgerEvent
{
    public static string Type => "test.stored";
}
