using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CodeLedger.Core.Common;

/// <summary>
/// An enum read and written as one of a fixed set of tokens, exactly ("stable-chronic", never
/// "StableChronic", "stable_chronic" or a number): a misspelt token is refused by name instead of
/// being read as something else.
/// </summary>
public sealed class JsonTokenConverter<T>(string noun, IReadOnlyDictionary<string, T> tokens) : JsonConverter<T>
    where T : struct, Enum
{
    private readonly Dictionary<T, string> _names = tokens.ToDictionary(t => t.Value, t => t.Key);

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && tokens.TryGetValue(reader.GetString()!, out var value))
        {
            return value;
        }

        // The value is repeated cut to a short prefix: a token is not patient data, but may be 1 MB long.
        var raw = reader.TokenType == JsonTokenType.String ? $"\"{Echo.Prefix(reader.GetString())}\"" : Echo.Prefix(Encoding.UTF8.GetString(reader.ValueSpan));
        var expected = tokens.Count <= 4 ? $"; expected {string.Join(" or ", tokens.Keys.Select(k => $"\"{k}\""))}" : string.Empty;
        throw new JsonFieldException($"unknown {noun} {raw}{expected}");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(_names[value]);

    public string Name(T value) => _names[value];
}
