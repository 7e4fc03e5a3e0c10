using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CodeLedger.Core.Codes;

namespace CodeLedger.Core.Reports;

/// <summary>
/// The figures' stable JSON (package.json's figures): web casing, indented, kebab-case enums,
/// every field written (null kept), lists in the order the builders sort them. Decimals are JSON
/// numbers written with the scale the figure was rounded to (invariant culture: 95.19, never 95,19);
/// money is a number with two decimals. No double reaches the JSON (p-values and shares are
/// rounded decimals), so the same input gives the same bytes on every machine.
/// </summary>
public static class MonthlyFiguresJson
{
    private static readonly JsonSerializerOptions Options = Create();

    public static string Write(MonthlyFigures figures) => JsonSerializer.Serialize(figures, Options) + "\n";

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.Converters.Add(new MoneyAsNumber());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class MoneyAsNumber : JsonConverter<Money>
    {
        public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Money.FromDecimal(reader.GetDecimal());

        public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Amount.ToString("0.00", CultureInfo.InvariantCulture));
    }
}
