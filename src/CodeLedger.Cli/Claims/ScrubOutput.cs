using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CodeLedger.Core.CodeSets;
using CodeLedger.Core.Edits;

namespace CodeLedger.Cli.Claims;

/// <summary>
/// Writes the findings of <c>claims scrub</c> as they are found, in chunks of about 64 KB, so memory
/// does not follow the input: text, the code sets used, one line per finding and a summary; or one
/// JSON object whose "codeSets" says what was checked against, whose "findings" array is written
/// incrementally and whose "claims" and "lines" counts follow it.
/// </summary>
internal sealed class ScrubOutput
{
    private const int ChunkBytes = 64 * 1024;

    private readonly CliConsole console;

    // The process's standard output as bytes, when the command writes to it: Console.Out encodes
    // through a 256-character buffer and flushes it with a write(2) each time, 55,000 system
    // calls for the 14 MB of a million-line scrub's findings (0.3-0.4 s of CPU); a chunk of
    // 64 KB is one write this way. Null for any other writer (tests) and for a console encoding
    // other than UTF-8.
    private readonly Stream? stdout;
    private readonly byte[] encoded = [];
    private readonly ArrayBufferWriter<byte>? bytes;
    private readonly Utf8JsonWriter? json;
    private readonly StringBuilder text = new();

    public ScrubOutput(CliConsole console, bool asJson, EditCodeSets codeSets)
    {
        this.console = console;
        if (ReferenceEquals(console.Out, Console.Out) && Console.OutputEncoding.CodePage == Encoding.UTF8.CodePage)
        {
            console.Out.Flush();
            stdout = Console.OpenStandardOutput();
            encoded = new byte[Encoding.UTF8.GetMaxByteCount(ChunkBytes + 4096)];
        }

        if (asJson)
        {
            bytes = new ArrayBufferWriter<byte>(ChunkBytes * 2);
            json = new Utf8JsonWriter(bytes, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteStartObject("codeSets");
            json.WriteString("source", codeSets.Source);
            json.WriteStartArray("releases");
            foreach (var release in codeSets.Releases)
            {
                json.WriteStringValue(release);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartArray("findings");
        }
        else
        {
            text.Append(codeSets.Statement).Append('\n');
        }
    }

    public int Errors { get; private set; }

    public int Warnings { get; private set; }

    public void Write(EditFinding f)
    {
        if (f.Severity == EditSeverity.Error)
        {
            Errors++;
        }
        else
        {
            Warnings++;
        }

        if (json is null)
        {
            var where = f.Line is { } l ? string.Create(CultureInfo.InvariantCulture, $" line {l}") : string.Empty;
            text.Append(f.Severity == EditSeverity.Error ? "error  " : "warning").Append(' ').Append(f.Rule.PadRight(22))
                .Append(" claim ").Append(f.ClaimId).Append(where).Append(": ").Append(f.Message).Append('\n');
            if (text.Length >= ChunkBytes)
            {
                Drain();
            }

            return;
        }

        json.WriteStartObject();
        json.WriteString("rule", f.Rule);
        json.WriteString("severity", f.Severity == EditSeverity.Error ? "error" : "warning");
        json.WriteString("claim", f.ClaimId);
        if (f.Line is { } line)
        {
            json.WriteNumber("line", line);
        }
        else
        {
            json.WriteNull("line");
        }

        json.WriteStartArray("codes");
        foreach (var c in f.Codes)
        {
            json.WriteStringValue(c);
        }

        json.WriteEndArray();
        json.WriteString("message", f.Message);
        json.WriteEndObject();
        if (json.BytesPending + bytes!.WrittenCount >= ChunkBytes)
        {
            Drain();
        }
    }

    /// <summary>Writes the counts and closes the output.</summary>
    public void End(int claims, int lines)
    {
        if (json is null)
        {
            text.Append(string.Create(CultureInfo.InvariantCulture, $"{claims} claims, {lines} lines: {Errors} errors, {Warnings} warnings")).Append('\n');
        }
        else
        {
            json.WriteEndArray();
            json.WriteNumber("claims", claims);
            json.WriteNumber("lines", lines);
            json.WriteEndObject();
        }

        Drain();
        if (json is not null)
        {
            if (stdout is null)
            {
                console.Out.WriteLine();
            }
            else
            {
                stdout.Write(Encoding.UTF8.GetBytes(Environment.NewLine));
            }
        }

        stdout?.Flush();
        console.Out.Flush();
    }

    private void Drain()
    {
        if (json is null)
        {
            if (stdout is null)
            {
                console.Out.Write(text);
            }
            else
            {
                foreach (var chunk in text.GetChunks())
                {
                    var buffer = encoded.Length >= Encoding.UTF8.GetMaxByteCount(chunk.Length) ? encoded : new byte[Encoding.UTF8.GetMaxByteCount(chunk.Length)];
                    stdout.Write(buffer, 0, Encoding.UTF8.GetBytes(chunk.Span, buffer));
                }
            }

            text.Clear();
            return;
        }

        json.Flush();
        if (stdout is null)
        {
            console.Out.Write(Encoding.UTF8.GetString(bytes!.WrittenSpan));
        }
        else
        {
            stdout.Write(bytes!.WrittenSpan);
        }

        bytes.ResetWrittenCount();
    }
}
