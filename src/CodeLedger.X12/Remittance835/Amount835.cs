namespace CodeLedger.X12.Remittance835;

/// <summary>An AMT (B6 allowed, AU coverage, …): informational, never part of balancing (X12 RFI #2601).</summary>
public readonly record struct Amount835(string Qualifier, decimal Amount);
