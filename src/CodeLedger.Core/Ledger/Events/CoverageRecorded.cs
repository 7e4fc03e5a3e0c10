using System.Text.Json.Serialization;

namespace CodeLedger.Core.Ledger.Events;

/// <summary>
/// An encounter's coverage as intake received it (docs/INTAKE.md, "Coverage"): version 1 with the
/// encounter's first file that carried one, a new version when a re-imported file changes the policy
/// or the patient's address. The payer's code is the practice's, in clear (claims are batched by it);
/// the policy (member id, relationship, group, subscriber) and the address are PHI and enter the
/// ledger only as keyed hashes (<c>hmac-sha256:KEYID:HEX</c>) of their canonical forms. Subject: the encounter's external id.
/// </summary>
public sealed record CoverageRecorded(
    Guid Encounter,
    int Version,
    string PayerCode,
    string PolicyHash,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AddressHash) : ILedgerEvent
{
    public static string Type => "coverage.recorded";
}
