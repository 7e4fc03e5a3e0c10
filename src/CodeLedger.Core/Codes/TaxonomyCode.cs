using System.Diagnostics.CodeAnalysis;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Codes;

/// <summary>
/// A NUCC Health Care Provider Taxonomy code: ten characters, letters and digits, ending in X
/// (207Q00000X family medicine, 207RC0000X cardiovascular disease).
/// </summary>
public readonly record struct TaxonomyCode
{
    private TaxonomyCode(string value) => Value = value;

    public string Value { get; }

    public static TaxonomyCode Parse(string? text) =>
        TryParse(text, out var code, out var error) ? code : throw new FormatException(error);

    public static bool TryParse(string? text, out TaxonomyCode code, [NotNullWhen(false)] out string? error)
    {
        code = default;
        var s = (text?.Trim() ?? string.Empty).ToUpperInvariant();
        if (s.Length != 10 || s[9] != 'X' || !s.All(char.IsAsciiLetterOrDigit))
        {
            error = $"taxonomy code {Echo.Quote(text)} must be 10 letters or digits ending in X";
            return false;
        }

        error = null;
        code = new TaxonomyCode(s);
        return true;
    }

    public override string ToString() => Value ?? string.Empty;
}
