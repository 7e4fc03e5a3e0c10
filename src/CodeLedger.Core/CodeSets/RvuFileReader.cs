using System.Globalization;
using CodeLedger.Core.Codes;

namespace CodeLedger.Core.CodeSets;

/// <summary>
/// Reads CMS's PPRRVU CSV as shipped: banner lines, a multi-line header whose last line starts
/// with HCPCS,MOD,DESCRIPTION, then one row per code and payment modifier. Columns used: HCPCS,
/// MOD, DESCRIPTION, STATUS CODE, WORK RVU, NON-FAC PE RVU, FACILITY PE RVU, MP RVU, GLOB DAYS.
/// </summary>
public static class RvuFileReader
{
    private const int Hcpcs = 0, Mod = 1, Description = 2, Status = 3, Work = 5, PeNonFacility = 6, PeFacility = 8, Malpractice = 10, GlobDays = 14;

    public static List<RvuEntry> Read(TextReader reader, string fileName)
    {
        var entries = new List<RvuEntry>(20_000);
        var fields = new List<string>(32);
        var seen = new HashSet<(string, string)>();
        long lineNumber = 0;
        var headerSeen = false;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (!headerSeen)
            {
                headerSeen = line.StartsWith("HCPCS,MOD,DESCRIPTION", StringComparison.Ordinal);
                continue;
            }

            if (string.IsNullOrWhiteSpace(line.Replace(',', ' ')))
            {
                continue;
            }

            if (!CsvFields.TrySplit(line, fields))
            {
                throw new CodeSetFormatException(fileName, lineNumber, "unbalanced quotes");
            }

            if (fields.Count <= GlobDays)
            {
                throw new CodeSetFormatException(fileName, lineNumber, $"{fields.Count} columns; the PPRRVU layout has at least {GlobDays + 1}");
            }

            var code = fields[Hcpcs].Trim();
            if (!ProcedureCode.TryParse(code, out _, out var error) && ProcedureCode.PackKey(code) < 0)
            {
                throw new CodeSetFormatException(fileName, lineNumber, error);
            }

            var modifier = fields[Mod].Trim();
            if (!seen.Add((code, modifier)))
            {
                throw new CodeSetFormatException(fileName, lineNumber, $"{code} {modifier} appears twice");
            }

            var status = fields[Status].Trim();
            if (status.Length != 1)
            {
                throw new CodeSetFormatException(fileName, lineNumber, $"status code '{status}' must be one character");
            }

            var glob = fields[GlobDays].Trim();
            entries.Add(new RvuEntry(
                code,
                modifier,
                status[0],
                Rvu(fields[Work], "work RVU"),
                Rvu(fields[PeNonFacility], "non-facility PE RVU"),
                Rvu(fields[PeFacility], "facility PE RVU"),
                Rvu(fields[Malpractice], "MP RVU"),
                ParseGlobal(glob) ?? throw new CodeSetFormatException(fileName, lineNumber, $"global days '{glob}' is not 000, 010, 090, MMM, XXX, YYY or ZZZ"),
                glob,
                fields[Description].Trim()));

            decimal Rvu(string text, string field) =>
                decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
                    ? v
                    : throw new CodeSetFormatException(fileName, lineNumber, $"{field} '{text}' is not a number");
        }

        if (!headerSeen)
        {
            throw new CodeSetFormatException(fileName, lineNumber, "no header line starting HCPCS,MOD,DESCRIPTION");
        }

        if (entries.Count == 0)
        {
            throw new CodeSetFormatException(fileName, lineNumber, "no code rows after the header");
        }

        return entries;
    }

    private static GlobalPeriod? ParseGlobal(string text) => text switch
    {
        "000" => GlobalPeriod.Days0,
        "010" => GlobalPeriod.Days10,
        "090" => GlobalPeriod.Days90,
        "MMM" => GlobalPeriod.Maternity,
        "XXX" or "" => GlobalPeriod.NotApplicable,
        "YYY" => GlobalPeriod.CarrierDetermined,
        "ZZZ" => GlobalPeriod.AddOn,
        _ => null,
    };
}
