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
        var negative = false;
        var i = 0;
        if (!value.IsEmpty && value[0] == '-')
        {
            negative = true;
            i = 1;
        }

        // X12 R is at most 15 digits (X12.6 §3.5.3); 18 keeps the mantissa inside a long.
        if (value.Length - i is < 1 or > 19)
        {
            return false;
        }

        // At most 19 bytes of which at most 18 digits: the mantissa cannot overflow, so the loop
        // runs unchecked (the build checks arithmetic by default).
        ulong mantissa = 0;
        var point = -1;
        unchecked
        {
            for (; i < value.Length; i++)
            {
                var digit = (uint)(value[i] - '0');
                if (digit <= 9)
                {
                    mantissa = (mantissa * 10) + digit;
                }
                else if (value[i] == '.' && point < 0)
                {
                    point = i;
                }
                else
                {
                    return false;
                }
            }
        }

        var scale = point < 0 ? 0 : value.Length - point - 1;
        var digits = value.Length - (negative ? 1 : 0) - (point < 0 ? 0 : 1);
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
        if (value.Length != 8 || !TryParseCount(value[..4], out var year) || !TryParseCount(value.Slice(4, 2), out var month)
            || !TryParseCount(value.Slice(6, 2), out var day))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth((int)year, (int)month))
        {
            return false;
        }

        date = new DateOnly((int)year, (int)month, (int)day);
        return true;
    }

    public static string Text(ReadOnlySpan<byte> value) => value.IsEmpty ? string.Empty : Encoding.UTF8.GetString(value);

    public static string? TextOrNull(ReadOnlySpan<byte> value) => value.IsEmpty ? null : Encoding.UTF8.GetString(value);

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

    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
