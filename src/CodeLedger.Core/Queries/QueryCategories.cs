namespace CodeLedger.Core.Queries;

/// <summary>The kebab-case names of query categories used on the command line, in JSON and in the ledger.</summary>
public static class QueryCategories
{
    private static readonly Dictionary<QueryCategory, string> Names = new()
    {
        [QueryCategory.DiagnosisSpecificity] = "diagnosis-specificity",
        [QueryCategory.Laterality] = "laterality",
        [QueryCategory.AcuityOrSeverity] = "acuity-or-severity",
        [QueryCategory.EmSupport] = "em-support",
        [QueryCategory.ProcedureDetail] = "procedure-detail",
        [QueryCategory.ConflictingDocumentation] = "conflicting-documentation",
        [QueryCategory.MissingSignatureOrAttestation] = "missing-signature-or-attestation",
        [QueryCategory.MedicalNecessity] = "medical-necessity",
    };

    public static IEnumerable<string> All => Names.Values;

    public static string Name(QueryCategory category) => Names[category];

    public static bool TryParse(string? text, out QueryCategory category)
    {
        foreach (var (c, name) in Names)
        {
            if (string.Equals(name, text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                category = c;
                return true;
            }
        }

        category = default;
        return false;
    }
}
