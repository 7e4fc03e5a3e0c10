using System.Text.Json.Serialization;

namespace CodeLedger.Core.Ledger.Events;

/// <summary>A coder joined a vendor with their credentials and specialties. Subject: the coder's user name.</summary>
/// <param name="IsLead">True for a lead coder; absent (not false) for the others, as the first ledgers wrote it.</param>
public sealed record CoderEnrolled(
    Guid Id,
    string Vendor,
    string DisplayName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? IsLead,
    IReadOnlyList<CoderEnrolled.Credential> Credentials,
    IReadOnlyList<string> Specialties) : ILedgerEvent
{
    public static string Type => "coder.enrolled";

    /// <summary>A coder's enrolment event; only a lead's says so (IsLead is left out for the others).</summary>
    public static CoderEnrolled Of(Coders.Coder coder, string vendorCode) =>
        new(coder.Id, vendorCode, coder.DisplayName, coder.IsLead ? true : null,
            [.. coder.Credentials.Select(c => new Credential(Coders.CredentialNames.Name(c.Kind), c.IssuedOn, c.ExpiresOn))],
            [.. coder.Specialties.Select(s => s.Value)]);

    /// <summary>A credential held: its kind (CPC, CCS-P...) and validity.</summary>
    public sealed record Credential(string Kind, DateOnly IssuedOn, DateOnly ExpiresOn);
}
