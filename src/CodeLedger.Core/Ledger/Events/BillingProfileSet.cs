namespace CodeLedger.Core.Ledger.Events;

/// <summary>
/// A practice's billing profile was set or changed (setup file, docs/SETUP.md): the whole profile
/// as it now is (billing provider NPI, EIN, address; submitter ETIN, name, contact; production or
/// test) and which fields changed (<c>npi</c>, <c>ein</c>, <c>address</c>, <c>submitter</c>,
/// <c>production</c>; empty when it is the first). The practice's own details, not PHI. Subject: the practice's code.
/// </summary>
public sealed record BillingProfileSet(
    string Practice,
    string Npi,
    string Ein,
    string AddressLine1,
    string? AddressLine2,
    string City,
    string State,
    string PostalCode,
    string SubmitterEtin,
    string SubmitterName,
    string ContactName,
    string ContactPhone,
    bool Production,
    IReadOnlyList<string> Changed) : ILedgerEvent
{
    public static string Type => "billing-profile.set";
}
