namespace CodeLedger.X12.Remittance835;

/// <summary>One 835 transaction set read in full (for small files; large ones stream claims to a sink).</summary>
public sealed record RemittanceAdvice835(Remittance835Header Header, EquatableArray<ClaimPayment835> Claims, EquatableArray<ProviderAdjustment835> ProviderAdjustments);
