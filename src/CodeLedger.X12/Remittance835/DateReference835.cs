namespace CodeLedger.X12.Remittance835;

/// <summary>A DTM: qualifier (472 service, 150/151 period, 232/233 statement, 050 received…) and date.</summary>
public readonly record struct DateReference835(string Qualifier, DateOnly Date);
