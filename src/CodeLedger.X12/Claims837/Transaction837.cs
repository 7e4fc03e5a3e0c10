namespace CodeLedger.X12.Claims837;

/// <summary>One 837P transaction set: its header and claims in file order.</summary>
public sealed record Transaction837(Transaction837Header Header, EquatableArray<Claim837> Claims);
