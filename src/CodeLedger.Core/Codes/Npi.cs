using System.Diagnostics.CodeAnalysis;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Codes;

/// <summary>
/// A National Provider Identifier: ten digits whose last is a Luhn check digit computed over the
/// card-issuer prefix 80840 followed by the first nine digits (45 CFR 162.406; CMS "NPI check digit").
/// </summary>
public readonly record struct Npi
{
    private Npi(string value) => Value = value;

    public string Value { get; }

    public static Npi Parse(string? text) =>
        TryParse(text, out var npi, out var error) ? npi : throw new FormatException(error);

    public static bool TryParse(string? text, out Npi npi) => TryParse(text, out npi, out _);

    public static bool TryParse(string? text, out Npi npi, [NotNullWhen(false)] out string? error)
    {
        npi = default;
        var s = text?.Trim();
        if (string.IsNullOrEmpty(s) || s.Length != 10 || !s.All(char.IsAsciiDigit))
        {
            error = $"NPI {Echo.Quote(text)} must be exactly 10 digits";
            return false;
        }

        if (CheckDigit(s.AsSpan(0, 9)) != s[9] - '0')
        {
            error = $"NPI {Echo.Quote(s)} fails the Luhn check digit over prefix 80840";
            return false;
        }

        error = null;
        npi = new Npi(s);
        return true;
    }

    /// <summary>The check digit for nine NPI digits (the constant 24 is the Luhn sum of the doubled prefix 80840).</summary>
    public static int CheckDigit(ReadOnlySpan<char> nineDigits)
    {
        if (nineDigits.Length != 9)
        {
            throw new ArgumentException("nine digits expected", nameof(nineDigits));
        }

        var sum = 24;
        for (var i = 0; i < 9; i++)
        {
            var d = nineDigits[i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return (10 - (sum % 10)) % 10;
    }

    public override string ToString() => Value ?? string.Empty;
}
