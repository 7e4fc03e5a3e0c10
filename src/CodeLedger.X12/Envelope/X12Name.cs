namespace CodeLedger.X12.Envelope;

/// <summary>
/// An NM1 (or 835 N1) party: entity code (NM101), type (1 person, 2 organization), name parts and
/// its identifier (NM108 qualifier, NM109 id: XX is the NPI, MI a member id, PI a payer id).
/// </summary>
public sealed record X12Name(
    string EntityCode,
    string EntityType,
    string LastOrOrganization,
    string? First = null,
    string? Middle = null,
    string? Suffix = null,
    string? IdQualifier = null,
    string? Id = null);
