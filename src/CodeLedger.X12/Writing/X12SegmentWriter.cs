using System.Buffers;
using System.Globalization;
using System.Text;
using CodeLedger.X12.Reading;

namespace CodeLedger.X12.Writing;

/// <summary>
/// Writes segments element by element into an <see cref="IBufferWriter{T}"/>, dropping trailing
/// empty elements and components as X12.6 requires, and counting segments for SE01.
/// </summary>
public sealed class X12SegmentWriter(IBufferWriter<byte> output, X12Delimiters delimiters)
{
    public X12Delimiters Delimiters { get; } = delimiters;

    /// <summary>Segments written since the last <see cref="ResetCount"/>.</summary>
    public int Count { get; private set; }

    public void ResetCount() => Count = 0;

    /// <summary>Writes one segment; null or empty elements at the end are omitted.</summary>
    public void Segment(string id, params ReadOnlySpan<string?> elements)
    {
        var last = elements.Length - 1;
        while (last >= 0 && string.IsNullOrEmpty(elements[last]))
        {
            last--;
        }

        var builder = new StringBuilder(64).Append(id);
        for (var i = 0; i <= last; i++)
        {
            builder.Append((char)Delimiters.Element).Append(elements[i]);
        }

        builder.Append((char)Delimiters.Segment);
        var text = builder.ToString();
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        var written = Encoding.UTF8.GetBytes(text, span);
        output.Advance(written);
        Count++;
    }

    /// <summary>A composite with trailing empty components removed.</summary>
    public string? Composite(params ReadOnlySpan<string?> components)
    {
        var last = components.Length - 1;
        while (last >= 0 && string.IsNullOrEmpty(components[last]))
        {
            last--;
        }

        if (last < 0)
        {
            return null;
        }

        var builder = new StringBuilder();
        for (var i = 0; i <= last; i++)
        {
            if (i > 0)
            {
                builder.Append((char)Delimiters.Component);
            }

            builder.Append(components[i]);
        }

        return builder.ToString();
    }

    /// <summary>X12 "R": no exponent, no trailing zeros after the decimal point, no culture.</summary>
    public static string Amount(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    public static string? Amount(decimal? value) => value is { } v ? Amount(v) : null;

    public static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
