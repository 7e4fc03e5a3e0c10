using System.Diagnostics.CodeAnalysis;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Codes;

public enum ProcedureCodeKind
{
    /// <summary>CPT Category I: five digits, or four digits and A (vaccine administration, 0001A-0174A).</summary>
    CptCategoryI,

    /// <summary>CPT Category II performance measures: four digits and F.</summary>
    CptCategoryII,

    /// <summary>CPT Category III emerging technology: four digits and T.</summary>
    CptCategoryIII,

    /// <summary>CPT proprietary laboratory analyses (four digits and U) and multianalyte assays (four digits and M).</summary>
    CptLaboratory,

    /// <summary>HCPCS Level II: a letter A–V and four digits.</summary>
    HcpcsLevelII,
}

/// <summary>
/// A CPT or HCPCS Level II procedure code (HCPCS Level I is CPT). The shape decides the system;
/// whether the code is active on a date of service is a question for a code-set release.
/// </summary>
public readonly record struct ProcedureCode : IComparable<ProcedureCode>
{
    private ProcedureCode(string value, ProcedureCodeKind kind)
    {
        Value = value;
        Kind = kind;
        Key = PackKey(value);
    }

    public string Value { get; }

    public ProcedureCodeKind Kind { get; }

    public bool IsCpt => Kind != ProcedureCodeKind.HcpcsLevelII;

    /// <summary>
    /// The code packed base 36 into an int (36^5 &lt; 2^31), unique per code. Code-set indices and
    /// the edit engine key on it so that a lookup on the hot path hashes an int, not a string.
    /// </summary>
    public int Key { get; }

    /// <summary>Any evaluation and management code (CPT 99202–99499): modifier 25, not 59, frees it from a PTP edit.</summary>
    public bool IsEm => Kind == ProcedureCodeKind.CptCategoryI && string.CompareOrdinal(Value, "99202") >= 0 && string.CompareOrdinal(Value, "99499") <= 0;

    /// <summary>Office or other outpatient E/M visit, new (99202–99205) or established (99211–99215).</summary>
    public bool IsOfficeEm => Value is "99202" or "99203" or "99204" or "99205"
        or "99211" or "99212" or "99213" or "99214" or "99215";

    public static ProcedureCode Parse(string? text) =>
        TryParse(text, out var code, out var error) ? code : throw new FormatException(error);

    public static bool TryParse(string? text, out ProcedureCode code) => TryParse(text, out code, out _);

    public static bool TryParse(string? text, out ProcedureCode code, [NotNullWhen(false)] out string? error)
    {
        code = default;
        var s = (text?.Trim() ?? string.Empty).ToUpperInvariant();
        if (s.Length != 5)
        {
            error = $"procedure code {Echo.Quote(text)} must have 5 characters";
            return false;
        }

        var fourDigits = s.AsSpan(1, 3).ContainsAnyExceptInRange('0', '9') is false;
        if (char.IsAsciiDigit(s[0]) && fourDigits)
        {
            var kind = s[4] switch
            {
                >= '0' and <= '9' or 'A' => ProcedureCodeKind.CptCategoryI,
                'F' => ProcedureCodeKind.CptCategoryII,
                'T' => ProcedureCodeKind.CptCategoryIII,
                'U' or 'M' => ProcedureCodeKind.CptLaboratory,
                _ => (ProcedureCodeKind?)null,
            };
            if (kind is { } k)
            {
                error = null;
                code = new ProcedureCode(s, k);
                return true;
            }
        }
        else if (s[0] is >= 'A' and <= 'V' && fourDigits && char.IsAsciiDigit(s[4]))
        {
            error = null;
            code = new ProcedureCode(s, ProcedureCodeKind.HcpcsLevelII);
            return true;
        }

        error = $"procedure code {Echo.Quote(text)} is neither CPT (5 digits, or 4 digits and A/F/T/U/M) nor HCPCS Level II (a letter A-V and 4 digits)";
        return false;
    }

    /// <summary>The <see cref="Key"/> of five code characters (digits or upper-case letters), or -1 when they are not a code's shape.</summary>
    public static int PackKey(ReadOnlySpan<char> code)
    {
        if (code.Length != 5)
        {
            return -1;
        }

        var key = 0;
        foreach (var c in code)
        {
            int digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'A' and <= 'Z' => c - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return -1;
            }

            key = (key * 36) + digit;
        }

        return key;
    }

    public int CompareTo(ProcedureCode other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value ?? string.Empty;
}
