using System.Text;

namespace CodeLedger.Core.Reports;

/// <summary>
/// The small CSV dialect of the report's data files (RFC 4180: comma-separated, fields optionally
/// in double quotes, a doubled quote inside quotes is one quote). One record per line: the files
/// are short tables written by people, and a field with a line break in it is a mistake to refuse.
/// </summary>
internal static class ReportCsv
{
    /// <summary>The fields of one line, or null with the reason when its quotes do not close.</summary>
    public static List<string>? Split(string line, out string? error)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var atStart = true;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && atStart)
            {
                quoted = true;
                atStart = false;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                atStart = true;
            }
            else
            {
                field.Append(c);
                atStart = false;
            }
        }

        if (quoted)
        {
            error = "a quoted field is not closed";
            return null;
        }

        fields.Add(field.ToString());
        error = null;
        return fields;
    }
}
