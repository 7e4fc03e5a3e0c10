using System.Text;

namespace CodeLedger.Core.CodeSets;

/// <summary>
/// Splits one CSV line (RFC 4180: comma separated, double quotes around fields that hold commas,
/// doubled quotes inside). CMS's CSV files and the claims CSV are single-line records.
/// </summary>
internal static class CsvFields
{
    public static bool TrySplit(string line, List<string> fields)
    {
        fields.Clear();
        var i = 0;
        while (true)
        {
            if (i < line.Length && line[i] == '"')
            {
                var sb = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        return false;
                    }

                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            sb.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    sb.Append(line[i++]);
                }

                fields.Add(sb.ToString());
                if (i == line.Length)
                {
                    return true;
                }

                if (line[i] != ',')
                {
                    return false;
                }

                i++;
            }
            else
            {
                var comma = line.IndexOf(',', i);
                if (comma < 0)
                {
                    fields.Add(line[i..]);
                    return true;
                }

                fields.Add(line[i..comma]);
                i = comma + 1;
            }
        }
    }
}
