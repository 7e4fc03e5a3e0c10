using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using CodeLedger.Core.Common;
using CodeLedger.Core.Ledger.Checkpoints;

namespace CodeLedger.Core.Reports.Package;

/// <summary>A code-set release the figures were computed against (name and version as imported, e.g. "ICD-10-CM", "2026").</summary>
public sealed record CodeSetRelease(string Name, string Version);

/// <summary>The ledger's sequence range the figures come from, first to last, both included.</summary>
public readonly record struct LedgerRange(long First, long Last);

/// <summary>
/// What the manifest states besides the files: the practice, the month, the ledger range the
/// figures come from, the code-set releases used and the signed checkpoint at the end of the range.
/// The facts must hold together (the checkpoint's sequence is the range's last), or nothing is written.
/// </summary>
public sealed record ManifestFacts
{
    public ManifestFacts(string practice, PackageMonth month, LedgerRange ledger, IReadOnlyList<CodeSetRelease> codeSetReleases, CheckpointReceipt checkpoint)
    {
        ArgumentNullException.ThrowIfNull(codeSetReleases);
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (string.IsNullOrWhiteSpace(practice))
        {
            throw Invalid("practice is empty");
        }

        if (ledger.First < 1 || ledger.Last < ledger.First)
        {
            throw Invalid($"ledger range {ledger.First}–{ledger.Last} is not a range of sequences from 1 up");
        }

        if (checkpoint.Checkpoint.Sequence != ledger.Last)
        {
            throw Invalid($"the checkpoint is at sequence {checkpoint.Checkpoint.Sequence}, not at the range's last {ledger.Last}");
        }

        if (codeSetReleases.Any(r => string.IsNullOrWhiteSpace(r.Name) || string.IsNullOrWhiteSpace(r.Version)))
        {
            throw Invalid("a code-set release has no name or no version");
        }

        Practice = practice;
        Month = month;
        Ledger = ledger;
        CodeSetReleases = [.. codeSetReleases.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Version, StringComparer.Ordinal)];
        Checkpoint = checkpoint;
    }

    public string Practice { get; }

    public PackageMonth Month { get; }

    public LedgerRange Ledger { get; }

    /// <summary>Sorted by name then version, so the manifest does not depend on the order they were given in.</summary>
    public IReadOnlyList<CodeSetRelease> CodeSetReleases { get; }

    public CheckpointReceipt Checkpoint { get; }

    private static DomainException Invalid(string problem) => new(PackageErrors.FactsInvalid, "package manifest: " + problem);
}

/// <summary>One file of a package as the manifest lists it.</summary>
public sealed record ManifestFile(string Name, string Sha256, long Bytes);

/// <summary>The checkpoint as the manifest names it: its file and what it attests (repeated, so a swapped checkpoint file is seen).</summary>
public sealed record ManifestCheckpoint(string File, long Sequence, string Head, string KeyId);

/// <summary>
/// manifest.json (docs/PACKAGE.md, "manifest.json"): UTF-8 JSON, fields in the documented order,
/// two-space indent, "\n" line ends, files sorted by name. Like a checkpoint receipt it has one
/// byte form: <see cref="Parse"/> refuses a file that is not byte for byte what <see cref="ToJson"/>
/// writes for what it reads, so any edit, even a re-indent, is seen.
/// </summary>
public sealed partial record PackageManifest(string Practice, string Month, LedgerRange Ledger, IReadOnlyList<CodeSetRelease> CodeSetReleases,
    ManifestCheckpoint Checkpoint, IReadOnlyList<ManifestFile> Files)
{
    public const string Format = "codeledger-package-v1";

    /// <summary>A manifest lists a few dozen files; a larger file is not a manifest and is not read.</summary>
    public const int MaxBytes = 1 << 20;

    private static readonly string[] Fields = ["format", "practice", "month", "ledger", "codeSetReleases", "checkpoint", "files"];

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public byte[] ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteString("practice", Practice);
            json.WriteString("month", Month);
            json.WriteStartObject("ledger");
            json.WriteNumber("first", Ledger.First);
            json.WriteNumber("last", Ledger.Last);
            json.WriteEndObject();
            json.WriteStartArray("codeSetReleases");
            foreach (var release in CodeSetReleases)
            {
                json.WriteStartObject();
                json.WriteString("name", release.Name);
                json.WriteString("version", release.Version);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("checkpoint");
            json.WriteString("file", Checkpoint.File);
            json.WriteNumber("sequence", Checkpoint.Sequence);
            json.WriteString("head", Checkpoint.Head);
            json.WriteString("keyId", Checkpoint.KeyId);
            json.WriteEndObject();
            json.WriteStartArray("files");
            foreach (var file in Files)
            {
                json.WriteStartObject();
                json.WriteString("name", file.Name);
                json.WriteString("sha256", file.Sha256);
                json.WriteNumber("bytes", file.Bytes);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A file name a manifest may list: one plain name in the folder (no path, not hidden), never the manifest itself.</summary>
    public static bool IsFileName(string? name) =>
        name is { Length: > 0 and <= 120 } && FileNamePattern().IsMatch(name) && name != PackageFiles.Manifest;

    /// <summary>Reads manifest.json; every bad field is named in one <see cref="PackageErrors.ManifestMalformed"/> error.</summary>
    public static PackageManifest Parse(ReadOnlySpan<byte> file)
    {
        if (file.Length > MaxBytes)
        {
            throw Malformed($"is {file.Length} bytes: a manifest is at most {MaxBytes}");
        }

        if (!Utf8.IsValid(file))
        {
            throw Malformed("is not UTF-8 text");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(file.ToArray(), new JsonDocumentOptions { MaxDepth = 5 });
        }
        catch (JsonException e)
        {
            throw Malformed($"is not valid JSON{(e.LineNumber is { } line ? $" at line {line + 1}" : string.Empty)}");
        }

        using (document)
        {
            var manifest = Read(document.RootElement);
            if (!file.SequenceEqual(manifest.ToJson()))
            {
                throw Malformed("reads as a manifest but is not byte for byte as CodeLedger wrote it (re-indented, re-encoded, a field repeated, files out of order)");
            }

            return manifest;
        }
    }

    private static PackageManifest Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Malformed("is not a JSON object");
        }

        var problems = new List<string>();
        foreach (var member in root.EnumerateObject().Where(m => !Fields.Contains(m.Name, StringComparer.Ordinal)))
        {
            problems.Add($"field '{Shorten(member.Name)}' is not a manifest field");
        }

        if (Text(root, "format", "format", problems) is { } format && format != Format)
        {
            problems.Add($"field 'format' is not {Format}");
        }

        var practice = Text(root, "practice", "practice", problems) ?? string.Empty;
        var month = Text(root, "month", "month", problems) ?? string.Empty;
        if (month.Length > 0 && !PackageMonth.TryParse(month, out _))
        {
            problems.Add("field 'month' is not a month yyyy-MM");
        }

        var ledger = default(LedgerRange);
        if (Object(root, "ledger", "ledger", problems) is { } range)
        {
            var first = Whole(range, "first", "ledger.first", problems);
            var last = Whole(range, "last", "ledger.last", problems);
            if (first is { } f && last is { } l)
            {
                if (l < f)
                {
                    problems.Add("field 'ledger.last' is before 'ledger.first'");
                }

                ledger = new LedgerRange(f, l);
            }
        }

        var releases = new List<CodeSetRelease>();
        if (Array(root, "codeSetReleases", "codeSetReleases", problems) is { } list)
        {
            var i = 0;
            foreach (var item in list.EnumerateArray())
            {
                var path = $"codeSetReleases[{i++}]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"field '{path}' is not an object");
                    continue;
                }

                var name = Text(item, "name", path + ".name", problems);
                var version = Text(item, "version", path + ".version", problems);
                if (name is not null && version is not null)
                {
                    releases.Add(new CodeSetRelease(name, version));
                }
            }
        }

        ManifestCheckpoint checkpoint = new(string.Empty, 0, string.Empty, string.Empty);
        if (Object(root, "checkpoint", "checkpoint", problems) is { } cp)
        {
            var file = Text(cp, "file", "checkpoint.file", problems);
            if (file is not null && !IsFileName(file))
            {
                problems.Add("field 'checkpoint.file' is not a plain file name in the folder");
            }

            var sequence = Whole(cp, "sequence", "checkpoint.sequence", problems);
            var head = Text(cp, "head", "checkpoint.head", problems);
            if (head is not null && !LedgerCheckpoint.IsHash(head))
            {
                problems.Add("field 'checkpoint.head' is not 64 lower-case hex digits");
            }

            var keyId = Text(cp, "keyId", "checkpoint.keyId", problems);
            if (sequence is { } s && s != ledger.Last && ledger.Last != 0)
            {
                problems.Add("field 'checkpoint.sequence' is not 'ledger.last': the checkpoint must end the range the figures come from");
            }

            checkpoint = new ManifestCheckpoint(file ?? string.Empty, sequence ?? 0, head ?? string.Empty, keyId ?? string.Empty);
        }

        var files = new List<ManifestFile>();
        if (Array(root, "files", "files", problems) is { } entries)
        {
            var i = 0;
            foreach (var item in entries.EnumerateArray())
            {
                var path = $"files[{i++}]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"field '{path}' is not an object");
                    continue;
                }

                var name = Text(item, "name", path + ".name", problems);
                if (name is not null && !IsFileName(name))
                {
                    problems.Add($"field '{path}.name' is not a plain file name in the folder");
                }

                var sha = Text(item, "sha256", path + ".sha256", problems);
                if (sha is not null && !LedgerCheckpoint.IsHash(sha))
                {
                    problems.Add($"field '{path}.sha256' is not 64 lower-case hex digits");
                }

                var bytes = Whole(item, "bytes", path + ".bytes", problems, minimum: 0);
                if (name is not null && sha is not null && bytes is not null)
                {
                    files.Add(new ManifestFile(name, sha, bytes.Value));
                }
            }

            foreach (var twice in files.GroupBy(f => f.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                problems.Add($"field 'files' lists {Shorten(twice.Key)} twice");
            }

            if (checkpoint.File.Length > 0 && files.All(f => f.Name != checkpoint.File))
            {
                problems.Add("field 'checkpoint.file' names a file that 'files' does not list");
            }
        }

        if (problems.Count > 0)
        {
            throw Malformed(string.Join("; ", problems));
        }

        return new PackageManifest(practice, month, ledger, releases, checkpoint, files);
    }

    private static string? Text(JsonElement parent, string name, string path, List<string> problems)
    {
        if (!parent.TryGetProperty(name, out var p))
        {
            problems.Add($"field '{path}' is missing");
            return null;
        }

        if (p.ValueKind != JsonValueKind.String || p.GetString() is not { Length: > 0 } text)
        {
            problems.Add($"field '{path}' is not a non-empty string");
            return null;
        }

        return text;
    }

    private static long? Whole(JsonElement parent, string name, string path, List<string> problems, long minimum = 1)
    {
        if (!parent.TryGetProperty(name, out var p))
        {
            problems.Add($"field '{path}' is missing");
            return null;
        }

        if (p.ValueKind != JsonValueKind.Number || !p.TryGetInt64(out var value) || value < minimum)
        {
            problems.Add($"field '{path}' is not a whole number of at least {minimum}");
            return null;
        }

        return value;
    }

    private static JsonElement? Object(JsonElement parent, string name, string path, List<string> problems) => Of(parent, name, path, JsonValueKind.Object, "an object", problems);

    private static JsonElement? Array(JsonElement parent, string name, string path, List<string> problems) => Of(parent, name, path, JsonValueKind.Array, "an array", problems);

    private static JsonElement? Of(JsonElement parent, string name, string path, JsonValueKind kind, string what, List<string> problems)
    {
        if (!parent.TryGetProperty(name, out var p))
        {
            problems.Add($"field '{path}' is missing");
            return null;
        }

        if (p.ValueKind != kind)
        {
            problems.Add($"field '{path}' is not {what}");
            return null;
        }

        return p;
    }

    private static DomainException Malformed(string problem) => new(PackageErrors.ManifestMalformed, $"{PackageFiles.Manifest}: {problem}");

    private static string Shorten(string name) => name.Length <= 40 ? name : name[..40] + "...";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex FileNamePattern();
}
