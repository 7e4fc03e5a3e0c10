using System.Diagnostics.CodeAnalysis;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Codes;

/// <summary>
/// An ICD-10-CM code in its canonical form: upper case, no dot, 3 to 7 characters, a letter
/// first, a digit second, then letters or digits (ICD-10-CM Official Guidelines, Section I.A).
/// The one exception to "a digit second" is the block FY2026 opened with a letter there: QA0-
/// (neurodevelopmental disorders related to specific genetic pathogenic variants;
/// icd10cm_order_2026.txt line 30493). Such blocks are listed, not guessed, so a typo like EE1
/// is still refused.
/// Input may carry the dot after the third character; it is removed. Whether the code exists
/// and is billable on a date of service is a question for a code-set release, not for this type.
/// </summary>
public readonly record struct IcdCode : IComparable<IcdCode>
{
    /// <summary>Two-character starts with a letter second that CMS has published (FY2026: QA).</summary>
    private static readonly HashSet<string> LetterSecondBlocks = new(["QA"], StringComparer.Ordinal);

    private IcdCode(string value) => Value = value;

    /// <summary>Canonical form without the dot, as CMS order files and X12 HI segments carry it.</summary>
    public string Value { get; }

    /// <summary>The form people read: a dot after the category (E11.9).</summary>
    public string Dotted => Value.Length > 3 ? string.Concat(Value.AsSpan(0, 3), ".", Value.AsSpan(3)) : Value;

    public static IcdCode Parse(string? text) =>
        TryParse(text, out var code, out var error) ? code : throw new FormatException(error);

    public static bool TryParse(string? text, out IcdCode code) => TryParse(text, out code, out _);

    public static bool TryParse(string? text, out IcdCode code, [NotNullWhen(false)] out string? error)
    {
        code = default;
        var s = text?.Trim() ?? string.Empty;
        if (s.Length > 3 && s[3] == '.')
        {
            s = string.Concat(s.AsSpan(0, 3), s.AsSpan(4));
        }

        s = s.ToUpperInvariant();
        if (s.Length is < 3 or > 7)
        {
            error = $"ICD-10-CM code {Echo.Quote(text)} must have 3 to 7 characters";
            return false;
        }

        if (!char.IsAsciiLetterUpper(s[0]))
        {
            error = $"ICD-10-CM code {Echo.Quote(text)} must start with a letter";
            return false;
        }

        if (!char.IsAsciiDigit(s[1]) && !LetterSecondBlocks.Contains(s[..2]))
        {
            error = $"ICD-10-CM code {Echo.Quote(text)} must have a digit in position 2";
            return false;
        }

        for (var i = 2; i < s.Length; i++)
        {
            if (!char.IsAsciiLetterUpper(s[i]) && !char.IsAsciiDigit(s[i]))
            {
                error = $"ICD-10-CM code {Echo.Quote(text)} has {Echo.Quote(s[i])} in position {i + 1}; only letters and digits are allowed";
                return false;
            }
        }

        error = null;
        code = new IcdCode(s);
        return true;
    }

    public int CompareTo(IcdCode other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value ?? string.Empty;
}
