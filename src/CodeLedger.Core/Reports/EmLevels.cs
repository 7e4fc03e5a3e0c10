using CodeLedger.Core.EvaluationAndManagement;

namespace CodeLedger.Core.Reports;

/// <summary>
/// The office/outpatient E/M levels the distribution counts (FACTS.md §1.1): new patients
/// 99202–99205 and established patients 99211–99215, in level order. 99201 was deleted on
/// 2021-01-01 (AMA CPT 2021): it is not mapped to 99202, because which level the visit would have
/// been under the 2021 rules is not known from the code alone; an encounter coded with it is left
/// out of the distribution and counted apart (and code-set compliance flags it as inactive).
/// </summary>
public static class EmLevels
{
    public const string Deleted99201 = "99201";

    public static IReadOnlyList<string> New { get; } = ["99202", "99203", "99204", "99205"];

    public static IReadOnlyList<string> Established { get; } = ["99211", "99212", "99213", "99214", "99215"];

    public static IReadOnlyList<string> Of(PatientType type) => type == PatientType.New ? New : Established;

    /// <summary>The patient type and level index of an office E/M code, or null for any other code.</summary>
    public static (PatientType Type, int Index)? Classify(string? code)
    {
        if (code is null)
        {
            return null;
        }

        var i = IndexOf(New, code);
        if (i >= 0)
        {
            return (PatientType.New, i);
        }

        i = IndexOf(Established, code);
        return i >= 0 ? (PatientType.Established, i) : null;
    }

    public static string Token(PatientType type) => type == PatientType.New ? "new" : "established";

    private static int IndexOf(IReadOnlyList<string> codes, string code)
    {
        for (var i = 0; i < codes.Count; i++)
        {
            if (string.Equals(codes[i], code, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
