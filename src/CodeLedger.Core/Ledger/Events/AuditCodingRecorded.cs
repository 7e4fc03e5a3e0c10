using System.Text.Json;

namespace CodeLedger.Core.Ledger.Events;

/// <summary>
/// An auditor recorded their blind re-coding of a sampled encounter. Carries both sides of the
/// comparison as they stood when it was recorded: the auditor's codes (and E/M elements, when
/// given), the vendor's coding of record (its source and version), the RVUs of every code the
/// comparison priced and the conversion factor of the date of service, so the audit's report is
/// recomputed from the ledger alone. Codes only: no PHI. Subject: the encounter's external id.
/// </summary>
/// <param name="VendorSource">"codeledger-final" or "vendor-claim" (an imported 837P).</param>
/// <param name="Prices">RVUs of one unit of each code with its modifiers on the date of service; null where no release prices it.</param>
public sealed record AuditCodingRecorded(
    Guid Id,
    Guid Audit,
    Guid Encounter,
    string Auditor,
    DateTimeOffset RecordedAt,
    IReadOnlyList<string> Diagnoses,
    IReadOnlyList<CodingSubmitted.Line> Lines,
    JsonElement? Em,
    string VendorSource,
    int VendorVersion,
    IReadOnlyList<string> VendorDiagnoses,
    IReadOnlyList<CodingSubmitted.Line> VendorLines,
    IReadOnlyList<AuditCodingRecorded.Price> Prices,
    decimal ConversionFactor) : ILedgerEvent
{
    public static string Type => "audit.coding-recorded";

    public sealed record Price(string Code, IReadOnlyList<string> Modifiers, decimal? Rvu);
}
