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
        foreach (var line in ReadLines(reader))
        {
            if (line.Entry is not { } entry)
            {
                verifier.Fail(verifier.Count + 1, line.Number, $"line {line.Number}: {line.Error}");
                break;
            }

            if (!verifier.Add(entry, line.Number))
            {
                break;
            }
        }

        return verifier.Result();
    }

    /// <summary>
    /// The export's lines in order, blank lines skipped, each with its 1-based line number and either
    /// the event it holds or why it holds none. The one reader of an export's lines, so every command
    /// that reads one names a bad line the same way.
    /// </summary>
    public static IEnumerable<ExportLine> ReadLines(TextReader reader)
    {
        long number = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            yield return TryParseLine(line, out var entry, out var error) ? new ExportLine(number, entry, null) : new ExportLine(number, null, error);
        }
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

/// <summary>One line of an export: its number and the event it holds, or why it holds none.</summary>
public sealed record ExportLine(long Number, LedgerEntry? Entry, string? Error);
