using System.Text;
using System.Text.Json;

namespace CodeLedger.Cli.CodeSets;

/// <summary>Writes one JSON document to the console, indented, invariant.</summary>
internal static class CliJson
{
    public static void Write(CliConsole console, Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            body(w);
        }

        console.Out.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    public static void Date(this Utf8JsonWriter w, string name, DateOnly? date)
    {
        if (date is { } d)
        {
            w.WriteString(name, d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
