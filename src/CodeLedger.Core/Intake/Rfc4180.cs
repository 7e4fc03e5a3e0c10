using System.Text;

namespace CodeLedger.Core.Intake;

/// <summary>Reads RFC 4180 records one at a time: comma-separated, double-quote quoting, quoted fields may span lines.</summary>
internal static class Rfc4180
{
    /// <summary>One RFC 4180 record, or null at the end of input; <paramref name="line"/> advances past it.</summary>
    public static List<string>? ReadRecord(TextReader reader, ref int line)
    {
        if (reader.Peek() < 0)
        {
            return null;
        }

        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        while (true)
        {
            var c = reader.Read();
            if (c < 0)
            {
                if (quoted)
                {
                    throw new IntakeFormatException(IntakeErrors.Unreadable, $"line {line}", "CSV", "(quoting)", "a quoted field is not closed before the end of the file");
                }

                fields.Add(field.ToString());
                return fields;
            }

            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append((char)c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\n':
                    line++;
                    fields.Add(field.ToString());
                    return fields;
                default:
                    field.Append((char)c);
                    break;
            }
        }
    }
}
