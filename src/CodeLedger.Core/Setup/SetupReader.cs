using System.Globalization;
using System.Text.Json;
using CodeLedger.Core.Common;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CodeLedger.Core.Setup;

public enum SetupFormat
{
    Yaml,
    Json,
}

/// <summary>
/// Reads a setup file, JSON or YAML, into a checked <see cref="SetupDocument"/>. A syntax error is
/// SETUP-UNREADABLE with its line and column; every field problem is collected and the file is
/// refused whole with SETUP-INVALID, each problem named by its path
/// (<c>practices[1].physicians[3].npi: ...</c>). No message repeats more of a value than
/// <see cref="Echo"/> allows.
/// </summary>
public static class SetupReader
{
    /// <summary>The format a file name says (.json; .yaml or .yml), else what the text starts with.</summary>
    public static SetupFormat FormatOf(string fileName, string text)
    {
        var extension = Path.GetExtension(fileName);
        if (extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            return SetupFormat.Json;
        }

        if (extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return SetupFormat.Yaml;
        }

        return text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('{') ? SetupFormat.Json : SetupFormat.Yaml;
    }

    /// <exception cref="SetupRefusedException">SETUP-UNREADABLE or SETUP-INVALID, with every problem.</exception>
    public static SetupDocument Read(string text, SetupFormat format, string fileName)
    {
        var root = format == SetupFormat.Json ? ParseJson(text, fileName) : ParseYaml(text, fileName);
        return SetupBinder.Bind(root);
    }

    public static SetupDocument Read(string text, string fileName) => Read(text, FormatOf(fileName, text), fileName);

    private static SetupNode ParseJson(string text, string fileName)
    {
        try
        {
            using var document = JsonDocument.Parse(text.TrimStart('\uFEFF'), new JsonDocumentOptions { MaxDepth = 32 });
            return FromJson(document.RootElement);
        }
        catch (JsonException e)
        {
            var at = e.LineNumber is { } line
                ? string.Create(CultureInfo.InvariantCulture, $"line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}")
                : "somewhere";
            throw Unreadable($"{fileName}: not valid JSON at {at}");
        }
    }

    private static SetupNode FromJson(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => new SetupMapping([.. e.EnumerateObject().Select(p => new KeyValuePair<string, SetupNode>(p.Name, FromJson(p.Value)))]),
        JsonValueKind.Array => new SetupSequence([.. e.EnumerateArray().Select(FromJson)]),
        JsonValueKind.String => new SetupScalar(e.GetString()),
        JsonValueKind.Null => new SetupScalar(null),
        _ => new SetupScalar(e.GetRawText()),
    };

    private static SetupNode ParseYaml(string text, string fileName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text.TrimStart('\uFEFF')));
        }
        catch (YamlException e)
        {
            throw Unreadable(string.Create(CultureInfo.InvariantCulture, $"{fileName}: not valid YAML at line {e.Start.Line}, column {e.Start.Column}"));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet's scanner fails a few damaged inputs with these rather than a YamlException
            // (found by the reader survival tests); it gives no position then.
            throw Unreadable($"{fileName}: not valid YAML");
        }

        if (stream.Documents.Count == 0)
        {
            return new SetupMapping([]);
        }

        if (stream.Documents.Count > 1)
        {
            throw Unreadable($"{fileName}: holds {stream.Documents.Count} YAML documents; a setup file is one");
        }

        return FromYaml(stream.Documents[0].RootNode, 0, fileName);
    }

    private static SetupNode FromYaml(YamlNode node, int depth, string fileName)
    {
        if (depth > 32)
        {
            throw Unreadable(string.Create(CultureInfo.InvariantCulture, $"{fileName}: nested deeper than a setup file is, at line {node.Start.Line}"));
        }

        switch (node)
        {
            case YamlMappingNode map:
                var entries = new List<KeyValuePair<string, SetupNode>>();
                foreach (var (key, value) in map.Children)
                {
                    if (key is not YamlScalarNode { Value: { } name })
                    {
                        throw Unreadable(string.Create(CultureInfo.InvariantCulture, $"{fileName}: a key at line {key.Start.Line}, column {key.Start.Column} is not a plain name"));
                    }

                    entries.Add(new(name, FromYaml(value, depth + 1, fileName)));
                }

                return new SetupMapping(entries);
            case YamlSequenceNode seq:
                return new SetupSequence([.. seq.Children.Select(c => FromYaml(c, depth + 1, fileName))]);
            case YamlScalarNode scalar:
                var plain = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any;
                return new SetupScalar(plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL" ? null : scalar.Value);
            default:
                throw Unreadable(string.Create(CultureInfo.InvariantCulture, $"{fileName}: an alias or tag at line {node.Start.Line} that a setup file does not use"));
        }
    }

    private static SetupRefusedException Unreadable(string message) => new(SetupErrors.Unreadable, [message]);
}
