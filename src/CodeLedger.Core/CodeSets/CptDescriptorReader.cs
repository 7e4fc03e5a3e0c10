using CodeLedger.Core.Codes;

namespace CodeLedger.Core.CodeSets;

/// <summary>Reads a user-supplied CPT CSV: code, descriptor; an optional header line whose first field is not a code.</summary>
public static class CptDescriptorReader
{
    public static List<KeyValuePair<string, string>> Read(TextReader reader, string fileName)
    {
        var entries = new List<KeyValuePair<string, string>>(12_000);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long lineNumber = 0;
        using var csv = CmsCsv.Open(reader);
        foreach (var row in csv)
        {
            lineNumber = CmsCsv.Line(row);
            if (row.ColCount == 1 && row[0].Span.IsEmpty)
            {
                continue;
            }

            var fields = CmsCsv.Fields(row, fileName);
            if (fields.Length < 2)
            {
                throw new CodeSetFormatException(fileName, lineNumber, "expected two columns: code, descriptor");
            }

            var code = fields[0];
            if (!ProcedureCode.TryParse(code, out var parsed, out var error) || !parsed.IsCpt)
            {
                if (lineNumber == 1 && entries.Count == 0)
                {
                    continue;
                }

                throw new CodeSetFormatException(fileName, lineNumber, error ?? $"{code} is a HCPCS Level II code, not CPT");
            }

            if (!seen.Add(code))
            {
                throw new CodeSetFormatException(fileName, lineNumber, $"{code} appears twice");
            }

            entries.Add(new(code, fields[1]));
        }

        if (entries.Count == 0)
        {
            throw new CodeSetFormatException(fileName, lineNumber, "no CPT rows in the file");
        }

        return entries;
    }
}
