namespace CodeLedger.X12.Claims837;

/// <summary>
/// One HI composite: qualifier ABK (ICD-10-CM principal) or ABF (other); BK/BF are the ICD-9
/// qualifiers older senders still use. The code is sent without its decimal point.
/// </summary>
public sealed record Diagnosis837(string Qualifier, string Code);
