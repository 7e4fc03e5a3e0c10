using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace CodeLedger.X12.Reading;

/// <summary>
/// Conversions from element bytes to values without intermediate strings. Every numeric form is
/// the X12 "R" (decimal) or "N0" type: ASCII digits, an optional leading minus and one optional
/// decimal point; no exponent, no thousands separator, no culture.
/// </summary>
public static class X12Bytes
{
    /// <summary>Component <paramref name="index"/> (1-based) of a composite; empty when absent.</summary>
    public static ReadOnlySpan<byte> Component(ReadOnlySpan<byte> element, int index, byte separator)
    {
        // Composites are a few bytes long: one pass with a counter beats repeated searches.
        var start = 0;
        var current = 1;
        for (var i = 0; i < element.Length; i++)
        {
            if (element[i] != separator)
            {
                continue;
            }

            if (current == index)
            {
                return element[start..i];
            }

            current++;
            start = i + 1;
        }

        return current == index ? element[start..] : default;
    }

    /// <summary>
    /// Parses an X12 "R" value exactly into a decimal: digits accumulate into a 64-bit mantissa
    /// and the digits after the point give the scale, so no string and no culture is involved.
    /// </summary>
    public static bool TryParseDecimal(ReadOnlySpan<byte> value, out decimal result)
    {
        result = 0m;
        var length = value.Length;
        var i = 0;
        var negative = false;
        if (length != 0 && value[0] == '-')
        {
            negative = true;
            i = 1;
        }

        // X12 R is at most 15 digits (X12.6 §3.5.3); 18 keeps the mantissa inside a long.
        if (length - i is < 1 or > 19)
        {
            return false;
        }

        // Whole digits, then at most one point and the fraction: two tight loops instead of a
        // point test on every byte. At most 19 bytes of which at most 18 digits, so the mantissa
        // cannot overflow.
        ulong mantissa = 0;
        var digits = 0;
        var scale = 0;
        unchecked
        {
            uint digit;
            while (i < length && (digit = (uint)(value[i] - '0')) <= 9)
            {
                mantissa = (mantissa * 10) + digit;
                i++;
                digits++;
            }

            if (i < length)
            {
                if (value[i] != '.')
                {
                    return false;
                }

                i++;
                scale = length - i;
                while (i < length)
                {
                    digit = (uint)(value[i] - '0');
                    if (digit > 9)
                    {
                        return false;
                    }

                    mantissa = (mantissa * 10) + digit;
                    i++;
                    digits++;
                }
            }
        }

        if (digits == 0 || digits > 18)
        {
            return false;
        }

        result = new decimal(unchecked((int)(uint)mantissa), unchecked((int)(uint)(mantissa >> 32)), 0, negative, (byte)scale);
        return true;
    }

    /// <summary>Parses an unsigned X12 "N0" value (counts, control numbers).</summary>
    public static bool TryParseCount(ReadOnlySpan<byte> value, out long result)
    {
        result = 0;
        if (value.IsEmpty || value.Length > 18)
        {
            return false;
        }

        foreach (var b in value)
        {
            if (!IsDigit(b))
            {
                return false;
            }

            result = (result * 10) + (b - '0');
        }

        return true;
    }

    /// <summary>Parses a CCYYMMDD date (format qualifier D8).</summary>
    public static bool TryParseDate(ReadOnlySpan<byte> value, out DateOnly date)
    {
        date = default;
        if (value.Length != 8)
        {
            return false;
        }

        // Eight digits CCYYMMDD checked at once: every byte must be 0x30–0x39, i.e. its high
        // nibble 3 both as is and after adding 6 (which carries a byte above 9 into 4; no byte
        // can carry into its neighbour).
        var word = BinaryPrimitives.ReadUInt64LittleEndian(value);
        const ulong HighNibbles = 0xF0F0F0F0F0F0F0F0UL;
        const ulong Threes = 0x3030303030303030UL;
        if ((word & HighNibbles) != Threes || ((word + 0x0606060606060606UL) & HighNibbles) != Threes)
        {
            return false;
        }

        var digits = word & 0x0F0F0F0F0F0F0F0FUL;
        var year = (int)(((digits & 0xFF) * 1000) + (((digits >> 8) & 0xFF) * 100) + (((digits >> 16) & 0xFF) * 10) + ((digits >> 24) & 0xFF));
        var month = (int)((((digits >> 32) & 0xFF) * 10) + ((digits >> 40) & 0xFF));
        var day = (int)((((digits >> 48) & 0xFF) * 10) + (digits >> 56));
        if (year < 1 || month is < 1 or > 12 || day < 1)
        {
            return false;
        }

        // The month's length decides the day; the day number is counted directly instead of
        // through DateTime, which would check the same things again.
        var before = DateTime.IsLeapYear(year) ? DaysBeforeMonthLeap : DaysBeforeMonth;
        if (day > before[month] - before[month - 1])
        {
            return false;
        }

        var years = year - 1;
        date = DateOnly.FromDayNumber((years * 365) + (years / 4) - (years / 100) + (years / 400) + before[month - 1] + day - 1);
        return true;
    }

    private static readonly int[] DaysBeforeMonth = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

    private static readonly int[] DaysBeforeMonthLeap = [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366];

    public static string Text(ReadOnlySpan<byte> value) => value.IsEmpty ? string.Empty : Decode(value);

    public static string? TextOrNull(ReadOnlySpan<byte> value) => value.IsEmpty ? null : Decode(value);

    // ASCII (every X12 basic and extended character) widens byte for byte, which skips UTF-8's
    // counting pass; anything else is decoded as UTF-8.
    private static string Decode(ReadOnlySpan<byte> value) => Ascii.IsValid(value) ? Encoding.Latin1.GetString(value) : Encoding.UTF8.GetString(value);

    /// <summary>Fixed-width ISA values are space padded; the model keeps them trimmed.</summary>
    public static string Trimmed(ReadOnlySpan<byte> value) => Text(value.Trim((byte)' '));

    public static bool IsWhitespace(byte b) => b is (byte)'\r' or (byte)'\n' or (byte)' ' or (byte)'\t';

    public static bool IsAlphanumeric(byte b) => IsDigit(b) || IsUpper(b) || b is >= (byte)'a' and <= (byte)'z';

    public static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    public static bool IsUpper(byte b) => b is >= (byte)'A' and <= (byte)'Z';

    /// <summary>A printable rendering of a short byte value for messages.</summary>
    public static string Show(ReadOnlySpan<byte> value)
    {
        var builder = new StringBuilder(Math.Min(value.Length, 40));
        foreach (var b in value[..Math.Min(value.Length, 40)])
        {
            builder.Append(b is >= 0x20 and < 0x7F ? (char)b : '?');
        }

        return builder.ToString();
    }

    /// <summary>A value read earlier and kept as text, cut and cleaned as <see cref="Show(ReadOnlySpan{byte})"/> does.</summary>
    public static string Show(string value) => Show(System.Text.Encoding.UTF8.GetBytes(value.Length > 40 ? value[..40] : value));

    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
