namespace CodeLedger.X12.Remittance835;

/// <summary>An LQ: qualifier HE (a RARC) or RX (an NCPDP reject code), and the code.</summary>
public sealed record Remark835(string Qualifier, string Code);
