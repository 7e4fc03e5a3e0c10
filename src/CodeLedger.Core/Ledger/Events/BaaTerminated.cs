namespace CodeLedger.Core.Ledger.Events;

/// <summary>
/// A business associate agreement was ended early: <see cref="LastDay"/> is its last day in force.
/// The signed terms (<see cref="BaaSigned"/>) are not edited; the termination is added to them.
/// Subject: the practice's code.
/// </summary>
public sealed record BaaTerminated(Guid Id, string Practice, string Vendor, DateOnly LastDay) : ILedgerEvent
{
    public static string Type => "baa.terminated";
}
