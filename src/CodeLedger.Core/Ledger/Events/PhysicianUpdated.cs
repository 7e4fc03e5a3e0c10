namespace CodeLedger.Core.Ledger.Events;

/// <summary>
/// An enrolled physician changed: the whole record as it now is, and which fields changed
/// (<c>name</c>, <c>taxonomy</c>, <c>specialty</c>, <c>active</c>). A physician missing from a
/// reapplied setup file is deactivated this way (<see cref="Active"/> false), never deleted, so
/// the encounters and queries that name them stay valid. Subject: the NPI.
/// </summary>
public sealed record PhysicianUpdated(Guid Id, string Practice, string Name, string Npi, string Taxonomy, string Specialty, bool Active, IReadOnlyList<string> Changed) : ILedgerEvent
{
    public static string Type => "physician.updated";
}
