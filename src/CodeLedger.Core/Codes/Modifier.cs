using System.Diagnostics.CodeAnalysis;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Codes;

/// <summary>
/// A CPT or HCPCS modifier: exactly two letters or digits (25, 59, XS, LT, TC). Whether the
/// modifier exists is a question for the HCPCS release (modifiers are its RECID 7 rows).
/// </summary>
public readonly record struct Modifier
{
    private Modifier(string value) => Value = value;

    public string Value { get; }

    public static Modifier Parse(string? text) =>
        TryParse(text, out var m, out var error) ? m : throw new FormatException(error);

    public static bool TryParse(string? text, out Modifier modifier) => TryParse(text, out modifier, out _);

    public static bool TryParse(string? text, out Modifier modifier, [NotNullWhen(false)] out string? error)
    {
        modifier = default;
        var s = (text?.Trim() ?? string.Empty).ToUpperInvariant();
        if (s.Length != 2 || !char.IsAsciiLetterOrDigit(s[0]) || !char.IsAsciiLetterOrDigit(s[1]))
        {
            error = $"modifier {Echo.Quote(text)} must be exactly two letters or digits";
            return false;
        }

        error = null;
        modifier = new Modifier(s);
        return true;
    }

    public override string ToString() => Value ?? string.Empty;
}
