namespace CodeLedger.Core.Edits;

/// <summary>
/// Stable rule identifiers of the edit engine (catalogue with sources: docs/EDITS.md). Tests and
/// reports key on these, never on message text.
/// </summary>
public static class EditRules
{
    public const string CodeUnknown = "CODE-UNKNOWN";
    public const string CodeInactive = "CODE-INACTIVE";
    public const string IcdNotBillable = "ICD-NOT-BILLABLE";
    public const string IcdFormat = "ICD-FORMAT";
    public const string DxPointer = "DX-POINTER";
    public const string DxManifestationFirst = "DX-MANIFESTATION-FIRST";
    public const string ModInvalid = "MOD-INVALID";
    public const string ModConflict = "MOD-CONFLICT";
    public const string NcciPtp = "NCCI-PTP";
    public const string Mue = "MUE";
    public const string EmModifier25 = "EM-MODIFIER-25";
    public const string NpiInvalid = "NPI-INVALID";
    public const string ClaimDuplicateLine = "CLAIM-DUPLICATE-LINE";
    public const string EmLevelSupport = "EM-LEVEL-SUPPORT";
    public const string InputMalformed = "INPUT-MALFORMED";
}
