using System.Globalization;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.CodeSets;

/// <summary>
/// Reads NCCI practitioner PTP edits, tab-delimited. CMS's own layout has seven columns: column 1,
/// column 2, prior-1996 flag ('*'), effective date, deletion date ('*' = none), modifier indicator,
/// rationale. Copies that dropped the effective date (six columns) or also the 1996 flag (five)
/// are accepted; their rows take the release's effective date. The layout is fixed by the first
/// data row; banner and header lines above it (whose first field is not a code) are skipped.
/// </summary>
public static class PtpFileReader
{
    internal static PtpRows Read(TextReader reader, string fileName, DateOnly releaseEffective, int capacity = 2_600_000)
    {
        var rows = new PtpRows(capacity);
        long lineNumber = 0;
        var columns = 0;
        Span<Range> parts = stackalloc Range[9];
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var s = line.AsSpan();
            var n = s.Split(parts, '\t');
            var c1 = ProcedureCode.PackKey(s[parts[0]].Trim());
            if (columns == 0)
            {
                if (c1 < 0)
                {
                    continue;
                }

                columns = n;
                if (columns is < 5 or > 7)
                {
                    throw new CodeSetFormatException(fileName, lineNumber, $"{n} tab-separated columns; PTP files have 7 (CMS), 6 (no effective date) or 5 (no effective date, no 1996 flag)");
                }
            }

            if (n != columns)
            {
                throw new CodeSetFormatException(fileName, lineNumber, $"{n} columns where the file's first row had {columns}");
            }

            var c2 = ProcedureCode.PackKey(s[parts[1]].Trim());
            if (c1 < 0 || c2 < 0)
            {
                throw new CodeSetFormatException(fileName, lineNumber, $"{Echo.Quote(s[parts[c1 < 0 ? 0 : 1]])} is not a five-character procedure code");
            }

            var col = 2;
            var prior1996 = false;
            if (columns >= 6)
            {
                var flag = s[parts[col++]].Trim();
                if (flag.Length > 1 || (flag.Length == 1 && flag[0] != '*'))
                {
                    throw new CodeSetFormatException(fileName, lineNumber, $"prior-1996 flag {Echo.Quote(flag)} must be '*' or empty");
                }

                prior1996 = flag.Length == 1;
            }

            var effective = releaseEffective.DayNumber;
            if (columns == 7)
            {
                effective = ParseDate(s[parts[col++]].Trim(), fileName, lineNumber, "effective date")
                    ?? throw new CodeSetFormatException(fileName, lineNumber, "effective date is missing");
            }

            var deletion = ParseDate(s[parts[col++]].Trim(), fileName, lineNumber, "deletion date") ?? int.MaxValue;
            var ind = s[parts[col++]].Trim();
            if (ind.Length != 1 || ind[0] is not ('0' or '1' or '9'))
            {
                throw new CodeSetFormatException(fileName, lineNumber, $"modifier indicator {Echo.Quote(ind)} must be 0, 1 or 9");
            }

            rows.Add(CodeKeys.Pair(c1, c2), effective, deletion, (byte)(ind[0] - '0'), prior1996, s[parts[col]].Trim());
        }

        if (rows.Count == 0)
        {
            throw new CodeSetFormatException(fileName, lineNumber, "no PTP rows in the file");
        }

        return rows;
    }

    private static int? ParseDate(ReadOnlySpan<char> text, string fileName, long lineNumber, string field)
    {
        if (text.IsEmpty || text is "*")
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.DayNumber
            : throw new CodeSetFormatException(fileName, lineNumber, $"{field} {Echo.Quote(text)} is not YYYYMMDD or '*'");
    }
}
