using System.Diagnostics.CodeAnalysis;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Encounters;

/// <summary>A CMS place-of-service code: two digits (11 office, 22 outpatient hospital, 02/10 telehealth).</summary>
public readonly record struct PlaceOfService
{
    private PlaceOfService(string value) => Value = value;

    public static PlaceOfService Office { get; } = new("11");

    public string Value { get; }

    public static PlaceOfService Parse(string? text) =>
        TryParse(text, out var pos, out var error) ? pos : throw new FormatException(error);

    public static bool TryParse(string? text, out PlaceOfService pos, [NotNullWhen(false)] out string? error)
    {
        pos = default;
        var s = text?.Trim() ?? string.Empty;
        if (s.Length != 2 || !char.IsAsciiDigit(s[0]) || !char.IsAsciiDigit(s[1]) || s == "00")
        {
            error = $"place of service {Echo.Quote(text)} must be a two-digit CMS code such as 11";
            return false;
        }

        error = null;
        pos = new PlaceOfService(s);
        return true;
    }

    public override string ToString() => Value ?? string.Empty;
}
