using System.Collections.Frozen;

namespace CodeLedger.Core.Setup;

/// <summary>
/// US postal codes as the 837P's N4 takes them (N402 state, N403 ZIP): the USPS two-letter codes of
/// the states, the District of Columbia, the territories and the armed forces' AA/AE/AP; a ZIP of five
/// digits, or nine (ZIP+4) written with or without the dash. Used by the setup file's billing address
/// and by intake's patient address.
/// </summary>
public static class UsPostal
{
    public static FrozenSet<string> States { get; } = new[]
    {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD",
        "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD",
        "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "AS", "GU", "MP", "PR", "VI", "FM", "MH", "PW", "AA", "AE", "AP",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsState(string? text) => text is not null && States.Contains(text);

    /// <summary>The ZIP's digits (5 or 9, the dash of ZIP+4 removed), or null when it is not a ZIP.</summary>
    public static string? Zip(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var digits = text.Length == 10 && text[5] == '-' ? string.Concat(text.AsSpan(0, 5), text.AsSpan(6)) : text;
        return digits.Length is 5 or 9 && digits.All(char.IsAsciiDigit) ? digits : null;
    }
}
