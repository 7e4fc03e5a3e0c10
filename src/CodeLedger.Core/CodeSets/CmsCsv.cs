using System.Globalization;
using nietras.SeparatedValues;

namespace CodeLedger.Core.CodeSets;

/// <summary>
/// The CSV files CMS ships (PPRRVU, MUE) and the user's CPT CSV, read with Sep: comma separated,
/// double quotes around fields holding commas, doubled quotes inside. Their records are one line
/// each, so a row Sep finds spanning lines is a quote left open, reported at the line it opens.
/// Banner lines above the header are rows like any other; each reader skips them by content.
/// </summary>
internal static class CmsCsv
{
    public static SepReader Open(TextReader reader) =>
        Sep.New(',').Reader(o => o with { HasHeader = false, DisableColCountCheck = true, Unescape = true }).From(reader);

    /// <summary>
    /// The line the row starts on. Sep 0.18.0 without a header row gives the first row the line
    /// it ends on (its LineNumberFrom is 2 for a one-line first row), so the first row is line 1.
    /// </summary>
    public static int Line(SepReader.Row row) => row.RowIndex == 0 ? 1 : row.LineNumberFrom;

    /// <summary>The row's fields, trimmed; throws when a quote left open made the row span lines.</summary>
    public static string[] Fields(SepReader.Row row, string fileName)
    {
        if (row.LineNumberToExcl - Line(row) > 1)
        {
            throw new CodeSetFormatException(fileName, Line(row), string.Create(CultureInfo.InvariantCulture, $"a quoted field runs on to line {row.LineNumberToExcl - 1}: unbalanced quotes"));
        }

        var fields = new string[row.ColCount];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = row[i].Span.Trim().ToString();
        }

        return fields;
    }

    /// <summary>A row of empty or blank fields only (the spacer lines of CMS's banners and the end of file).</summary>
    public static bool IsBlank(SepReader.Row row)
    {
        for (var i = 0; i < row.ColCount; i++)
        {
            if (!row[i].Span.IsWhiteSpace())
            {
                return false;
            }
        }

        return true;
    }
}
