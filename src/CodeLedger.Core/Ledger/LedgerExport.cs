using System.Text;
using System.Text.Json;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Ledger;

/// <summary>
/// The export format: JSON lines, one event a line, fields in this order:
/// sequence (number), instant, actor, type, subject, payload (the hashed JSON text as a string,
/// so its bytes survive any JSON library), previousHash, hash.
/// </summary>
public static class LedgerExport
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Stream output, IEnumerable<LedgerEntry> entries)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        foreach (var e in entries)
        {
            WriteLine(writer, output, e);
        }
    }

    /// <summary>Streams events to the export without holding the ledger in memory; returns the count.</summary>
    public static async Task<long> WriteAsync(Stream output, IAsyncEnumerable<LedgerEntry> entries, CancellationToken ct = default)
    {
        long count = 0;
        await using var writer = new Utf8JsonWriter(output, WriterOptions);
        await foreach (var e in entries.WithCancellation(ct))
        {
            WriteLine(writer, output, e);
            count++;
        }

        await output.FlushAsync(ct);
        return count;
    }

    private static void WriteLine(Utf8JsonWriter writer, Stream output, LedgerEntry e)
    {
        writer.Reset(output);
        writer.WriteStartObject();
        writer.WriteNumber("sequence", e.Sequence);
        writer.WriteString("instant", Instants.Format(e.Instant));
        writer.WriteString("actor", e.Actor);
        writer.WriteString("type", e.Type);
        writer.WriteString("subject", e.Subject);
        writer.WriteString("payload", e.Payload);
        writer.WriteString("previousHash", e.PreviousHash);
        writer.WriteString("hash", e.Hash);
        writer.WriteEndObject();
        writer.Flush();
        output.Write("\n"u8);
    }

    /// <summary>Verifies an export without any database. Unparseable lines are failures that name the line.</summary>
    public static LedgerVerification Verify(TextReader reader)
    {
        var verifier = new LedgerVerifier();
        long lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            if (!TryParseLine(line, out var entry, out var error))
            {
                verifier.Fail(verifier.Count + 1, lineNumber, $"line {lineNumber}: {error}");
                break;
            }

            if (!verifier.Add(entry, lineNumber))
            {
                break;
            }
        }

        return verifier.Result();
    }

    public static bool TryParseLine(string line, out LedgerEntry entry, out string error)
    {
        entry = null!;
        try
        {
            using var doc = JsonDocument.Parse(Encoding.UTF8.GetBytes(line));
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "not a JSON object";
                return false;
            }

            string Str(string name) =>
                root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String
                    ? p.GetString()!
                    : throw new FormatException($"field '{name}' is missing or not a string");

            if (!root.TryGetProperty("sequence", out var seq) || seq.ValueKind != JsonValueKind.Number || !seq.TryGetInt64(out var sequence))
            {
                error = "field 'sequence' is missing or not an integer";
                return false;
            }

            var instantText = Str("instant");
            if (!DateTimeOffset.TryParseExact(instantText, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var instant))
            {
                error = $"field 'instant' '{instantText}' is not yyyy-MM-ddTHH:mm:ss.ffffffZ";
                return false;
            }

            entry = new LedgerEntry(sequence, instant, Str("actor"), Str("type"), Str("subject"), Str("payload"), Str("previousHash"), Str("hash"));
            error = string.Empty;
            return true;
        }
        catch (JsonException e)
        {
            error = $"not valid JSON ({e.Message.Split('.')[0]})";
            return false;
        }
        catch (FormatException e)
        {
            error = e.Message;
            return false;
        }
    }
}
