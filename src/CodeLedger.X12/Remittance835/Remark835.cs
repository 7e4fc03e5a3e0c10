namespace CodeLedger.X12.Remittance835;

/// <summary>An LQ: qualifier HE (a RARC) or RX (an NCPDP reject code), and the code.</summary>
public readonly record struct Remark835(string Qualifier, string Code);
