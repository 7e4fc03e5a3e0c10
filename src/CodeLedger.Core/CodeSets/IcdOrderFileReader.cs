using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.CodeSets;

/// <summary>
/// Reads the CMS/CDC ICD-10-CM order file (icd10OrderFiles.pdf in each release zip): order number
/// in columns 1-5, code in 7-13 without the dot, header flag in 15 (0 header, 1 valid for
/// claims), short description in 17-76, long description from 78.
/// </summary>
public static class IcdOrderFileReader
{
    public static List<IcdEntry> Read(TextReader reader, string fileName)
    {
        var entries = new List<IcdEntry>(100_000);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            if (line.Length < 78)
            {
                throw new CodeSetFormatException(fileName, lineNumber, $"line has {line.Length} characters; an order-file line has at least 78");
            }

            if (line.AsSpan(0, 5).ContainsAnyExceptInRange('0', '9') || line[5] != ' ')
            {
                throw new CodeSetFormatException(fileName, lineNumber, "columns 1-5 must hold the order number followed by a space");
            }

            if (!IcdCode.TryParse(line.Substring(6, 7), out var code, out var error))
            {
                throw new CodeSetFormatException(fileName, lineNumber, error);
            }

            var billable = line[14] switch
            {
                '1' => true,
                '0' => false,
                _ => throw new CodeSetFormatException(fileName, lineNumber, $"header flag in column 15 is {Echo.Quote(line[14])}; expected 0 or 1"),
            };

            if (!seen.Add(code.Value))
            {
                throw new CodeSetFormatException(fileName, lineNumber, $"code {code.Value} appears twice");
            }

            entries.Add(new IcdEntry(code, billable, line[16..76].TrimEnd(), line[77..].TrimEnd()));
        }

        if (entries.Count == 0)
        {
            throw new CodeSetFormatException(fileName, lineNumber, "no codes in the file");
        }

        return entries;
    }
}
