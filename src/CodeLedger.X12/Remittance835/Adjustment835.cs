namespace CodeLedger.X12.Remittance835;

/// <summary>
/// One CAS triplet: group (CO contractual, PR patient responsibility, OA other, PI payer
/// initiated), CARC reason, amount and optional quantity. A CAS segment carries up to six.
/// </summary>
public readonly record struct Adjustment835(string Group, string Reason, decimal Amount, decimal? Quantity);
