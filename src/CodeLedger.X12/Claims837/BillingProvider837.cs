using CodeLedger.X12.Envelope;

namespace CodeLedger.X12.Claims837;

/// <summary>Loop 2010AA: NM1*85 with the NPI, address (N3/N4 required) and tax id (REF*EI or REF*SY).</summary>
public sealed record BillingProvider837(X12Name Name, X12Address? Address, string? TaxIdQualifier, string? TaxId);
