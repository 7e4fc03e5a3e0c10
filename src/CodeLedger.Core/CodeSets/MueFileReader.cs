using System.Globalization;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.CodeSets;

/// <summary>
/// Reads the NCCI practitioner MUE CSV: HCPCS/CPT Code, Practitioner Services MUE Values, MUE
/// Adjudication Indicator ("1 Line Edit", "2 Date of Service Edit: Policy", "3 Date of Service
/// Edit: Clinical"), MUE Rationale. CMS's copyright and title lines above the header are skipped.
/// </summary>
public static class MueFileReader
{
    public static List<MueEntry> Read(TextReader reader, string fileName)
    {
        var entries = new List<MueEntry>(16_000);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long lineNumber = 0;
        var headerSeen = false;
        using var csv = CmsCsv.Open(reader);
        foreach (var row in csv)
        {
            lineNumber = CmsCsv.Line(row);
            if (!headerSeen)
            {
                headerSeen = row[0].Span.TrimStart('"').StartsWith("HCPCS/CPT Code", StringComparison.OrdinalIgnoreCase);
                continue;
            }

            if (row.ColCount == 1 && row[0].Span.IsEmpty)
            {
                continue;
            }

            var fields = CmsCsv.Fields(row, fileName);
            if (fields.Length < 3)
            {
                throw new CodeSetFormatException(fileName, lineNumber, "expected code, MUE value, adjudication indicator, rationale");
            }

            var code = fields[0];
            if (ProcedureCode.PackKey(code) < 0)
            {
                throw new CodeSetFormatException(fileName, lineNumber, $"{Echo.Quote(code)} is not a five-character procedure code");
            }

            if (!int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                throw new CodeSetFormatException(fileName, lineNumber, $"MUE value {Echo.Quote(fields[1])} is not a whole number");
            }

            var mai = fields[2];
            if (mai.Length == 0 || mai[0] is not ('1' or '2' or '3') || (mai.Length > 1 && mai[1] != ' '))
            {
                throw new CodeSetFormatException(fileName, lineNumber, $"adjudication indicator {Echo.Quote(mai)} must start with 1, 2 or 3");
            }

            if (!seen.Add(code))
            {
                throw new CodeSetFormatException(fileName, lineNumber, $"{code} appears twice");
            }

            entries.Add(new MueEntry(code, value, (MueAdjudication)(mai[0] - '0'), fields.Length > 3 ? fields[3] : string.Empty));
        }

        if (!headerSeen)
        {
            throw new CodeSetFormatException(fileName, lineNumber, "no header line starting 'HCPCS/CPT Code'");
        }

        if (entries.Count == 0)
        {
            throw new CodeSetFormatException(fileName, lineNumber, "no MUE rows after the header");
        }

        return entries;
    }
}
