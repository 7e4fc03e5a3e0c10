using System.Diagnostics.CodeAnalysis;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Codes;

/// <summary>
/// A clinical specialty as CodeLedger names it: a lower-case slug (family-medicine, cardiology).
/// Specialty is what coder credentials are matched against and what E/M benchmarks are keyed by.
/// </summary>
public readonly record struct Specialty
{
    private Specialty(string value) => Value = value;

    public string Value { get; }

    public static Specialty Parse(string? text) =>
        TryParse(text, out var s, out var error) ? s : throw new FormatException(error);

    public static bool TryParse(string? text, out Specialty specialty, [NotNullWhen(false)] out string? error)
    {
        specialty = default;
        var s = (text?.Trim() ?? string.Empty).ToLowerInvariant();
        if (s.Length is 0 or > 60 || !s.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') || s[0] == '-' || s[^1] == '-')
        {
            error = $"specialty {Echo.Quote(text)} must be a lower-case slug like family-medicine";
            return false;
        }

        error = null;
        specialty = new Specialty(s);
        return true;
    }

    public override string ToString() => Value ?? string.Empty;
}
