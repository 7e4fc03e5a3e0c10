using System.Globalization;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.CodeSets;

/// <summary>
/// Reads CMS's PPRRVU CSV as shipped: banner lines, a multi-line header whose last line starts
/// with HCPCS,MOD,DESCRIPTION, then one row per code and payment modifier. Columns used: HCPCS,
/// MOD, DESCRIPTION, STATUS CODE, WORK RVU, NON-FAC PE RVU, FACILITY PE RVU, MP RVU, GLOB DAYS,
/// and CONV FACTOR, found by its header ("FACTOR" on the last header line: CMS moved it one column
/// right in 2026), optional (a file without it prices nothing in dollars).
/// CSV through Sep (<see cref="CmsCsv"/>).
/// </summary>
public static class RvuFileReader
{
    private const int Hcpcs = 0, Mod = 1, Description = 2, Status = 3, Work = 5, PeNonFacility = 6, PeFacility = 8, Malpractice = 10, GlobDays = 14;

    public static List<RvuEntry> Read(TextReader reader, string fileName)
    {
        var entries = new List<RvuEntry>(20_000);
        var seen = new HashSet<(string, string)>();
        long lineNumber = 0;
        var headerSeen = false;
        var factorColumn = -1;
        using var csv = CmsCsv.Open(reader);
        foreach (var row in csv)
        {
            lineNumber = CmsCsv.Line(row);
            if (!headerSeen)
            {
                headerSeen = row.ColCount >= 3 && row[0].Span is "HCPCS" && row[1].Span is "MOD" && row[2].Span is "DESCRIPTION";
                if (headerSeen)
                {
                    factorColumn = Array.IndexOf(CmsCsv.Fields(row, fileName), "FACTOR");
                }

                continue;
            }

            if (CmsCsv.IsBlank(row))
            {
                continue;
            }

            var fields = CmsCsv.Fields(row, fileName);
            if (fields.Length <= GlobDays)
            {
                throw new CodeSetFormatException(fileName, lineNumber, $"{fields.Length} columns; the PPRRVU layout has at least {GlobDays + 1}");
            }

            var code = fields[Hcpcs];
            if (!ProcedureCode.TryParse(code, out _, out var error) && ProcedureCode.PackKey(code) < 0)
            {
                throw new CodeSetFormatException(fileName, lineNumber, error);
            }

            var modifier = fields[Mod];
            if (!seen.Add((code, modifier)))
            {
                throw new CodeSetFormatException(fileName, lineNumber, $"{code} {modifier} appears twice");
            }

            var status = fields[Status];
            if (status.Length != 1)
            {
                throw new CodeSetFormatException(fileName, lineNumber, $"status code {Echo.Quote(status)} must be one character");
            }

            var glob = fields[GlobDays];
            entries.Add(new RvuEntry(
                code,
                modifier,
                status[0],
                Rvu(fields[Work], "work RVU"),
                Rvu(fields[PeNonFacility], "non-facility PE RVU"),
                Rvu(fields[PeFacility], "facility PE RVU"),
                Rvu(fields[Malpractice], "MP RVU"),
                ParseGlobal(glob) ?? throw new CodeSetFormatException(fileName, lineNumber, $"global days {Echo.Quote(glob)} is not 000, 010, 090, MMM, XXX, YYY or ZZZ"),
                glob,
                fields[Description],
                factorColumn >= 0 && factorColumn < fields.Length && fields[factorColumn].Length > 0 ? Factor(fields[factorColumn]) : null));

            decimal Factor(string text) =>
                decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) && v > 0
                    ? v
                    : throw new CodeSetFormatException(fileName, lineNumber, $"conversion factor {Echo.Quote(text)} is not a positive number");

            decimal Rvu(string text, string field) =>
                decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
                    ? v
                    : throw new CodeSetFormatException(fileName, lineNumber, $"{field} {Echo.Quote(text)} is not a number");
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
