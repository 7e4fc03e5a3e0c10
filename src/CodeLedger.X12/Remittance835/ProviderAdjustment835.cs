namespace CodeLedger.X12.Remittance835;

/// <summary>
/// One PLB adjustment: provider id (PLB01), fiscal period end (PLB02), reason (WO overpayment
/// recovery, FB forwarding balance, L6 interest, …), reference and amount. A positive amount
/// reduces the payment, a negative one increases it.
/// </summary>
public sealed record ProviderAdjustment835(string ProviderId, DateOnly? FiscalPeriodEnd, string Reason, string? Reference, decimal Amount);
