using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CodeLedger.Core.Common;

/// <summary>The shape of the validated value types' <c>TryParse</c> (IcdCode, ProcedureCode, Modifier, Money, Specialty...).</summary>
public delegate bool TextParser<T>(string? text, out T value, [NotNullWhen(false)] out string? error);

/// <summary>
/// A validated value type read from a JSON string through its own <c>TryParse</c>, so a contract
/// member typed <c>IcdCode</c> refuses a malformed code with the type's own message. Numbers are
/// accepted where <paramref name="numbersAsText"/> says so (a charge may be written 185 or "185.00").
/// </summary>
public sealed class JsonTextConverter<T>(TextParser<T> parse, Func<T, string> format, bool numbersAsText = false) : JsonConverter<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? text = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number when numbersAsText => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
            _ => throw new JsonFieldException(numbersAsText ? "expected a string or a number" : "expected a string"),
        };
        return parse(text, out var value, out var error) ? value : throw new JsonFieldException(error);
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(format(value));

    /// <summary>The same value as a dictionary key ({"CPC": [...]}).</summary>
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        parse(reader.GetString(), out var value, out var error) ? value : throw new JsonFieldException(error);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, [DisallowNull] T value, JsonSerializerOptions options) => writer.WritePropertyName(format(value));
}
