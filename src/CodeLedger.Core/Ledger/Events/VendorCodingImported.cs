namespace CodeLedger.Core.Ledger.Events;

/// <summary>
/// A version of a vendor's coding of record was loaded from its 837P by the practice
/// (docs/CLAIMS-IMPORT.md). Codes, control numbers and the file's SHA-256 only: no name, member id or
/// birth date from the claim. Subject: the encounter's external id.
/// </summary>
/// <param name="Id">The stored row's id.</param>
/// <param name="PatientControlNumber">CLM01, the practice's account number (the encounter's external id).</param>
public sealed record VendorCodingImported(
    Guid Id,
    Guid Encounter,
    int Version,
    string Practice,
    string Vendor,
    string FileSha256,
    string InterchangeControl,
    string GroupControl,
    string TransactionControl,
    string PatientControlNumber,
    IReadOnlyList<string> Diagnoses,
    IReadOnlyList<CodingSubmitted.Line> Lines) : ILedgerEvent
{
    public static string Type => "claims.vendor-coding-imported";
}
