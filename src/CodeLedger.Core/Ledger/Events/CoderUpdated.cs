namespace CodeLedger.Core.Ledger.Events;

/// <summary>
/// An enrolled coder changed: the whole record as it now is, and which fields changed
/// (<c>name</c>, <c>lead</c>, <c>active</c>, <c>specialties</c>, <c>credentials</c>, <c>absences</c>).
/// A coder missing from a reapplied setup file is deactivated this way (<see cref="Active"/> false),
/// never deleted, so their assignments and codings stay valid. Credentials are written as
/// <see cref="CoderEnrolled"/> writes them (kind and validity, no certificate number); absences as
/// their first and last day, without the reason (an employee's leave is not the ledger's business).
/// Subject: the coder's user name.
/// </summary>
public sealed record CoderUpdated(
    Guid Id,
    string Vendor,
    string DisplayName,
    bool IsLead,
    bool Active,
    IReadOnlyList<CoderEnrolled.Credential> Credentials,
    IReadOnlyList<string> Specialties,
    IReadOnlyList<CoderUpdated.Absence> Absences,
    IReadOnlyList<string> Changed) : ILedgerEvent
{
    public static string Type => "coder.updated";

    public static CoderUpdated Of(Coders.Coder coder, string vendorCode, IReadOnlyList<string> changed) =>
        new(coder.Id, vendorCode, coder.DisplayName, coder.IsLead, coder.Active,
            [.. coder.Credentials.Select(c => new CoderEnrolled.Credential(Coders.CredentialNames.Name(c.Kind), c.IssuedOn, c.ExpiresOn))],
            [.. coder.Specialties.Select(s => s.Value)], [.. coder.Absences.Select(a => new Absence(a.From, a.Through))], changed);

    /// <summary>Days away, first and last inclusive.</summary>
    public sealed record Absence(DateOnly From, DateOnly Through);
}
