namespace CodeLedger.Core.Ledger.Events;

/// <summary>A business associate agreement between a practice and a vendor was signed. Subject: the practice's code.</summary>
public sealed record BaaSigned(
    Guid Id,
    string Practice,
    string Vendor,
    string PracticeSignatory,
    string VendorSignatory,
    DateOnly SignedOn,
    DateOnly EffectiveOn,
    DateOnly? ExpiresOn,
    string DocumentSha256) : ILedgerEvent
{
    public static string Type => "baa.signed";
}
