using System.Text.Json;
using System.Text.Json.Serialization;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Encounters;

namespace CodeLedger.Storage.Mapping;

/// <summary>
/// JSON options for the small nested values stored as one text column (credentials, service
/// lines, working hours). Codes are written in their canonical text and re-validated on read, so
/// a hand-edited row with a malformed code fails loudly instead of loading quietly.
/// </summary>
public static class StoredJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = false,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.Converters.Add(new TextValueConverter<IcdCode>(IcdCode.Parse, c => c.Value));
        options.Converters.Add(new TextValueConverter<ProcedureCode>(ProcedureCode.Parse, c => c.Value));
        options.Converters.Add(new TextValueConverter<Modifier>(Modifier.Parse, c => c.Value));
        options.Converters.Add(new TextValueConverter<Npi>(Npi.Parse, c => c.Value));
        options.Converters.Add(new TextValueConverter<Specialty>(Specialty.Parse, c => c.Value));
        options.Converters.Add(new TextValueConverter<TaxonomyCode>(TaxonomyCode.Parse, c => c.Value));
        options.Converters.Add(new TextValueConverter<PlaceOfService>(PlaceOfService.Parse, c => c.Value));
        options.Converters.Add(new TextValueConverter<Money>(Money.Parse, c => c.ToString()));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"stored {typeof(T).Name} is null");

    /// <summary>The same, from the stored text's UTF-8 bytes (replay verification reads them without a string).</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<T>(utf8Json, Options) ?? throw new JsonException($"stored {typeof(T).Name} is null");

    private sealed class TextValueConverter<T>(Func<string, T> parse, Func<T, string> format) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            parse(reader.GetString() ?? throw new JsonException($"{typeof(T).Name} must be a string"));

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(format(value));
    }
}
