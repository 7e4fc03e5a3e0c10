using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using System.Text.Encodings.Web;
using System.Text.Json;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Ledger.Checkpoints;

/// <summary>
/// A signed checkpoint: the <see cref="LedgerCheckpoint"/>, the signer's public key and its key id,
/// and the ECDSA P-256 signature of the canonical bytes (<see cref="SignedBytes"/>). A practice keeps
/// these; each monthly package will carry one. The file form (<see cref="ToJson"/>) is one exact
/// byte sequence per receipt, so a receipt that was edited in any byte is refused
/// (docs/LEDGER.md, "Checkpoints").
/// </summary>
public sealed class CheckpointReceipt
{
    public const string Format = "codeledger-checkpoint-v1";

    /// <summary>A receipt is a few kilobytes (one count per event type); a larger file was given by mistake and is not read.</summary>
    public const int MaxBytes = 1 << 20;

    private static readonly string[] Fields = ["format", "sequence", "head", "at", "eventsByType", "keyId", "publicKey", "signature"];

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly byte[] _signature;

    private CheckpointReceipt(LedgerCheckpoint checkpoint, CheckpointPublicKey publicKey, byte[] signature)
    {
        Checkpoint = checkpoint;
        PublicKey = publicKey;
        _signature = signature;
    }

    public LedgerCheckpoint Checkpoint { get; }

    public CheckpointPublicKey PublicKey { get; }

    /// <summary>r‖s, 64 bytes (IEEE P1363), as base64 in the file.</summary>
    public ReadOnlySpan<byte> Signature => _signature;

    public static CheckpointReceipt Sign(LedgerCheckpoint checkpoint, SigningKey key) =>
        new(checkpoint, key.PublicKey, key.Sign(SignedBytes(checkpoint, key.PublicKey.KeyId)));

    /// <summary>True when the signature verifies against the public key the receipt states.</summary>
    public bool SignatureVerifies() => PublicKey.Verifies(SignedBytes(Checkpoint, PublicKey.KeyId), _signature);

    /// <summary>
    /// The bytes signed, in the ledger's length-prefixed form (each field <c>{byte length}:{bytes}\n</c>):
    /// the tag <c>codeledger-checkpoint-v1</c>, the sequence in decimal, the head, the instant
    /// (<c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>), the key id, the number of event types in decimal, then
    /// for each type in ordinal order its name and its count in decimal.
    /// </summary>
    public static byte[] SignedBytes(LedgerCheckpoint checkpoint, string keyId)
    {
        var writer = new ArrayBufferWriter<byte>(1024);
        Field(writer, Format);
        Field(writer, checkpoint.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(writer, checkpoint.Head);
        Field(writer, Instants.Format(checkpoint.At));
        Field(writer, keyId);
        Field(writer, checkpoint.EventsByType.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var (type, count) in checkpoint.EventsByType)
        {
            Field(writer, type);
            Field(writer, count.ToString(CultureInfo.InvariantCulture));
        }

        return writer.WrittenSpan.ToArray();
    }

    private static void Field(ArrayBufferWriter<byte> writer, string value)
    {
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Encoding.UTF8.GetByteCount(value)}:"), writer);
        Encoding.UTF8.GetBytes(value, writer);
        writer.Write("\n"u8);
    }

    /// <summary>The receipt file: UTF-8 JSON, fields in the documented order, two-space indent, "\n" line ends, a final "\n".</summary>
    public byte[] ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteNumber("sequence", Checkpoint.Sequence);
            json.WriteString("head", Checkpoint.Head);
            json.WriteString("at", Instants.Format(Checkpoint.At));
            json.WriteStartObject("eventsByType");
            foreach (var (type, count) in Checkpoint.EventsByType)
            {
                json.WriteNumber(type, count);
            }

            json.WriteEndObject();
            json.WriteString("keyId", PublicKey.KeyId);
            json.WriteString("publicKey", PublicKey.Base64);
            json.WriteString("signature", Convert.ToBase64String(_signature));
            json.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Reads a receipt file. Every bad field is named (never its value: a receipt holds no PHI, but
    /// a file given by mistake might); a file that reads but is not byte for byte what
    /// <see cref="ToJson"/> writes for it (re-indented, a field duplicated, hex in upper case) is
    /// refused too, so one receipt has one form and any edit is seen. The signature is not checked here.
    /// </summary>
    public static CheckpointReceipt Parse(ReadOnlySpan<byte> file, string source)
    {
        // System.Text.Json checks a string's UTF-8 only when it is read, and then throws an
        // InvalidOperationException: refuse such a file here, named, before anything is read.
        if (file.Length > MaxBytes)
        {
            throw Malformed(source, $"is {file.Length} bytes: a receipt is at most {MaxBytes}");
        }

        if (!Utf8.IsValid(file))
        {
            throw Malformed(source, "is not UTF-8 text");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(file.ToArray(), new JsonDocumentOptions { MaxDepth = 4 });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}" : string.Empty;
            throw Malformed(source, $"is not valid JSON{where}");
        }

        using (document)
        {
            var receipt = Read(document.RootElement, source);
            if (!file.SequenceEqual(receipt.ToJson()))
            {
                throw Malformed(source, "reads as a receipt but is not byte for byte as CodeLedger wrote it (re-indented, re-encoded, a field repeated or edited): keep a receipt exactly as written");
            }

            return receipt;
        }
    }

    private static CheckpointReceipt Read(JsonElement root, string source)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Malformed(source, "is not a JSON object");
        }

        var problems = new List<string>();
        foreach (var member in root.EnumerateObject())
        {
            if (!Fields.Contains(member.Name, StringComparer.Ordinal))
            {
                problems.Add($"field '{Shorten(member.Name)}' is not a receipt field");
            }
        }

        string? Text(string name)
        {
            if (!root.TryGetProperty(name, out var p))
            {
                problems.Add($"field '{name}' is missing");
                return null;
            }

            if (p.ValueKind != JsonValueKind.String)
            {
                problems.Add($"field '{name}' is not a string");
                return null;
            }

            return p.GetString();
        }

        if (Text("format") is { } format && format != Format)
        {
            problems.Add($"field 'format' is not {Format}");
        }

        long sequence = 0;
        if (!root.TryGetProperty("sequence", out var seq))
        {
            problems.Add("field 'sequence' is missing");
        }
        else if (seq.ValueKind != JsonValueKind.Number || !seq.TryGetInt64(out sequence) || sequence < 1)
        {
            problems.Add("field 'sequence' is not a whole number of at least 1");
        }

        var head = Text("head");
        if (head is not null && !LedgerCheckpoint.IsHash(head))
        {
            problems.Add("field 'head' is not 64 lower-case hex digits");
        }

        DateTimeOffset at = default;
        if (Text("at") is { } atText && !DateTimeOffset.TryParseExact(atText, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at))
        {
            problems.Add("field 'at' is not an instant yyyy-MM-ddTHH:mm:ss.ffffffZ");
        }

        var byType = new Dictionary<string, long>(StringComparer.Ordinal);
        if (!root.TryGetProperty("eventsByType", out var types))
        {
            problems.Add("field 'eventsByType' is missing");
        }
        else if (types.ValueKind != JsonValueKind.Object)
        {
            problems.Add("field 'eventsByType' is not an object");
        }
        else
        {
            foreach (var t in types.EnumerateObject())
            {
                if (!LedgerCheckpoint.IsEventType(t.Name))
                {
                    problems.Add($"field 'eventsByType' names '{Shorten(t.Name)}', which is not an event type");
                }
                else if (t.Value.ValueKind != JsonValueKind.Number || !t.Value.TryGetInt64(out var count) || count < 1)
                {
                    problems.Add($"field 'eventsByType.{t.Name}' is not a whole number of at least 1");
                }
                else
                {
                    byType[t.Name] = count;
                }
            }

            if (problems.Count == 0 && byType.Values.Sum() != sequence)
            {
                problems.Add($"field 'eventsByType' adds up to {byType.Values.Sum()} events, not the {sequence} of field 'sequence'");
            }
        }

        CheckpointPublicKey? publicKey = null;
        if (Text("publicKey") is { } keyText)
        {
            if (!CheckpointPublicKey.TryStrictBase64(keyText, out var spki))
            {
                problems.Add("field 'publicKey' is not base64");
            }
            else if ((publicKey = CheckpointPublicKey.TryFrom(spki, out var problem)) is null)
            {
                problems.Add($"field 'publicKey' {problem}");
            }
        }

        if (Text("keyId") is { } keyId && publicKey is not null && keyId != publicKey.KeyId)
        {
            problems.Add("field 'keyId' is not the SHA-256 of field 'publicKey'");
        }

        byte[] signature = [];
        if (Text("signature") is { } signatureText && (!CheckpointPublicKey.TryStrictBase64(signatureText, out signature) || signature.Length != 64))
        {
            problems.Add("field 'signature' is not base64 of 64 bytes (r and s)");
        }

        if (problems.Count > 0)
        {
            throw Malformed(source, string.Join("; ", problems));
        }

        return new CheckpointReceipt(new LedgerCheckpoint(sequence, head!, at, byType), publicKey!, signature);
    }

    private static DomainException Malformed(string source, string problem) =>
        new(CheckpointErrors.Malformed, $"{source}: {problem}");

    /// <summary>A name from the file, cut short: it is echoed to say which field is wrong, not to repeat a long input.</summary>
    private static string Shorten(string name) => name.Length <= 40 ? name : name[..40] + "...";
}
