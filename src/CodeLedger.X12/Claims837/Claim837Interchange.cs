using CodeLedger.X12.Envelope;

namespace CodeLedger.X12.Claims837;

/// <summary>What the writer writes and the collecting reader gives back: one ISA, one GS, its 837P sets.</summary>
public sealed record Claim837Interchange(X12InterchangeHeader Interchange, X12GroupHeader Group, EquatableArray<Transaction837> Transactions);
