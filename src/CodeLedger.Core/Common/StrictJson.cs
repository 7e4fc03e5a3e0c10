using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CodeLedger.Core.Common;

/// <summary>
/// Reads a JSON input into a System.Text.Json contract (records whose unmapped members are refused,
/// <see cref="JsonUnmappedMemberHandling.Disallow"/>), reporting every bad field at once with its
/// path instead of the first one the serializer trips on: a coder who misspells two fields and a
/// code hears about all three in one go. The contract's own metadata (names, member types,
/// converters) drives the check, so the shape is declared once, on the records.
/// Paths are relative to the input's root: <c>lines[0].code</c>, <c>data.labs</c>.
/// </summary>
public static class StrictJson
{
    /// <summary>Options for a strict contract: camelCase names matched exactly, unmapped members refused, numbers never read from strings.</summary>
    public static JsonSerializerOptions Options(params JsonConverter[] converters)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            NumberHandling = JsonNumberHandling.Strict,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        foreach (var converter in converters)
        {
            options.Converters.Add(converter);
        }

        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// The contract read from <paramref name="root"/>, or null with <paramref name="problems"/>
    /// naming every member the contract does not map and every value its member cannot take.
    /// </summary>
    public static bool TryRead<T>(JsonElement root, JsonSerializerOptions options, [NotNullWhen(true)] out T? value, out List<string> problems)
        where T : class
    {
        problems = [];
        Check(root, options.GetTypeInfo(typeof(T)), string.Empty, options, problems);
        value = problems.Count == 0 ? root.Deserialize<T>(options) : null;
        if (problems.Count == 0 && value is null)
        {
            problems.Add("the input must be a JSON object");
        }

        return value is not null;
    }

    /// <summary>The most problems one refusal lists; the rest are counted.</summary>
    public const int MaxProblems = 20;

    /// <summary>
    /// The problems as one message: every one when there are a few, the first
    /// <see cref="MaxProblems"/> and a count when a generated or damaged file has thousands.
    /// </summary>
    public static string Join(IReadOnlyCollection<string> problems) =>
        problems.Count <= MaxProblems
            ? string.Join("; ", problems)
            : string.Join("; ", problems.Take(MaxProblems)) + FormattableString.Invariant($"; and {problems.Count - MaxProblems} more");

    /// <summary>Joins a member name or index onto a path; a name from the input is cut to a short prefix (<see cref="Echo"/>).</summary>
    public static string Path(string path, string member) => path.Length == 0 ? Echo.Prefix(member) : $"{path}.{Echo.Prefix(member)}";

    /// <summary>
    /// Where a document stops being JSON, without the serializer's message: that message may
    /// repeat a piece of the input, and the line and byte are what the person needs.
    /// </summary>
    public static string NotJson(JsonException e) =>
        e.LineNumber is { } line
            ? FormattableString.Invariant($"not valid JSON at line {line + 1}, byte {(e.BytePositionInLine ?? 0) + 1}")
            : "not valid JSON";

    private static void Check(JsonElement element, JsonTypeInfo info, string path, JsonSerializerOptions options, List<string> problems)
    {
        var where = path.Length == 0 ? "the input" : $"'{path}'";
        if (element.ValueKind == JsonValueKind.Null && (info.Kind != JsonTypeInfoKind.None || !info.Type.IsValueType || Nullable.GetUnderlyingType(info.Type) is not null))
        {
            // Null is "not given" for objects, lists and optional values; the reader decides whether it may be absent.
            return;
        }

        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
                if (element.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"{where} must be an object");
                    return;
                }

                foreach (var member in element.EnumerateObject())
                {
                    var property = info.Properties.FirstOrDefault(p => p.Name == member.Name);
                    if (property is null)
                    {
                        problems.Add($"unknown field '{Path(path, member.Name)}'");
                        continue;
                    }

                    Check(member.Value, options.GetTypeInfo(property.PropertyType), Path(path, member.Name), options, problems);
                }

                return;

            case JsonTypeInfoKind.Enumerable:
                if (element.ValueKind != JsonValueKind.Array)
                {
                    problems.Add($"{where} must be an array");
                    return;
                }

                var itemInfo = options.GetTypeInfo(info.ElementType!);
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Check(item, itemInfo, $"{path}[{index++}]", options, problems);
                }

                return;

            case JsonTypeInfoKind.Dictionary:
                if (element.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"{where} must be an object");
                    return;
                }

                var valueInfo = options.GetTypeInfo(info.ElementType!);
                var keyInfo = info.KeyType == typeof(string) ? null : options.GetTypeInfo(info.KeyType!);
                foreach (var member in element.EnumerateObject())
                {
                    if (keyInfo is not null)
                    {
                        // A typed key (a credential's name) is checked as the value it names.
                        Check(JsonSerializer.SerializeToElement(member.Name), keyInfo, Path(path, member.Name), options, problems);
                    }

                    Check(member.Value, valueInfo, Path(path, member.Name), options, problems);
                }

                return;

            default:
                try
                {
                    element.Deserialize(info);
                }
                catch (JsonFieldException e)
                {
                    problems.Add($"{e.Message} (at {path})");
                }
                catch (JsonException)
                {
                    problems.Add($"{where} must be {Describe(info.Type)}");
                }

                return;
        }
    }

    private static string Describe(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) || t == typeof(long) => "a whole number",
        var t when t == typeof(decimal) || t == typeof(double) => "a number",
        var t when t == typeof(bool) => "true or false",
        var t when t == typeof(string) => "a string",
        var t => $"a {t.Name}",
    };
}

/// <summary>A value a strict contract's converter refuses, with a message fit for the person who wrote the input.</summary>
public sealed class JsonFieldException : JsonException
{
    public JsonFieldException(string message)
        : base(message)
    {
    }

    public JsonFieldException()
    {
    }

    public JsonFieldException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
