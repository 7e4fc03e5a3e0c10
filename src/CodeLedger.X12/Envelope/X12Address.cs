namespace CodeLedger.X12.Envelope;

/// <summary>N3 and N4 of a name loop.</summary>
public sealed record X12Address(string Line1, string? Line2, string City, string? State, string? PostalCode);
