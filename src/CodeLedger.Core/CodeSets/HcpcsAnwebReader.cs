using System.Globalization;
using System.Text;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.CodeSets;

/// <summary>
/// Reads the CMS HCPCS Level II "ANWEB" contractor file, fixed width 320 (HCPCS record layout):
/// code 1-5 (modifier in 4-5), sequence 6-10, record id 11 (3 code, 4 code continuation, 7
/// modifier, 8 modifier continuation), long description 12-91 (continued on 4/8 records), short
/// description 92-119, added date 269-276, action effective date 277-284, termination date
/// 285-292, action code 293. CMS puts disclaimer lines above the first record; they are skipped.
/// </summary>
public static class HcpcsAnwebReader
{
    private const int RecordLength = 320;

    public static List<HcpcsEntry> Read(TextReader reader, string fileName)
    {
        var entries = new List<HcpcsEntry>(12_000);
        var seen = new HashSet<(string, bool)>();
        HcpcsEntry? current = null;
        StringBuilder? longText = null;
        long lineNumber = 0;
        var started = false;

        void Flush()
        {
            if (current is not null)
            {
                entries.Add(current with { LongDescription = longText!.ToString() });
                current = null;
            }
        }

        while (reader.ReadLine() is { } raw)
        {
            lineNumber++;
            var line = raw.Length < RecordLength ? raw.PadRight(RecordLength) : raw;
            var recordId = line[10];
            var looksLikeRecord = recordId is '3' or '4' or '7' or '8' && !line.AsSpan(5, 5).ContainsAnyExceptInRange('0', '9');
            if (!looksLikeRecord)
            {
                if (!started || string.IsNullOrWhiteSpace(raw))
                {
                    continue;
                }

                throw new CodeSetFormatException(fileName, lineNumber, $"column 11 holds record id {Echo.Quote(recordId)} and columns 6-10 {Echo.Quote(line.AsSpan(5, 5))}; expected 3, 4, 7 or 8 after a 5-digit sequence number");
            }

            started = true;
            var isModifier = recordId is '7' or '8';
            var code = isModifier ? line[3..5] : line[..5];
            var description = line[11..91].TrimEnd();
            if (recordId is '4' or '8')
            {
                if (current is null || current.Code != code || current.IsModifier != isModifier)
                {
                    throw new CodeSetFormatException(fileName, lineNumber, $"continuation record for {code.Trim()} does not follow its first record");
                }

                longText!.Append(' ').Append(description);
                continue;
            }

            Flush();
            if (isModifier ? !IsModifierShape(code) : !IsCodeShape(code))
            {
                throw new CodeSetFormatException(fileName, lineNumber, $"{Echo.Quote(code)} is not a HCPCS {(isModifier ? "modifier" : "code")}");
            }

            if (!seen.Add((code, isModifier)))
            {
                throw new CodeSetFormatException(fileName, lineNumber, $"{code} has two first records");
            }

            current = new HcpcsEntry(
                code,
                isModifier,
                string.Empty,
                line[91..119].TrimEnd(),
                Date(line, 268, fileName, lineNumber, "added date"),
                Date(line, 276, fileName, lineNumber, "action effective date"),
                Date(line, 284, fileName, lineNumber, "termination date"),
                line[292]);
            longText = new StringBuilder(description);
        }

        Flush();
        if (entries.Count == 0)
        {
            throw new CodeSetFormatException(fileName, lineNumber, "no HCPCS records in the file");
        }

        return entries;
    }

    private static bool IsCodeShape(string code) =>
        code.Length == 5 && char.IsAsciiLetterUpper(code[0]) && !code.AsSpan(1).ContainsAnyExceptInRange('0', '9');

    private static bool IsModifierShape(string code) =>
        code.Length == 2 && char.IsAsciiLetterOrDigit(code[0]) && char.IsAsciiLetterOrDigit(code[1]);

    private static DateOnly? Date(string line, int start, string fileName, long lineNumber, string field)
    {
        var text = line.AsSpan(start, 8);
        if (text.IsWhiteSpace())
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new CodeSetFormatException(fileName, lineNumber, $"{field} {Echo.Quote(text)} in columns {start + 1}-{start + 8} is not YYYYMMDD");
        }

        return date;
    }
}
