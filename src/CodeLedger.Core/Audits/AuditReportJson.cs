using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CodeLedger.Core.Audits;

/// <summary>
/// The audit report's JSON, one writer for every place that prints it (<c>audit report --json</c>,
/// <c>ledger replay --report audit --json</c>, <c>GET /api/audits/{id}/report</c>), so the replay and
/// the API give the stored report's bytes. A figure over no audited encounter (0 of 0) has no value:
/// it is written as <c>null</c>, the field kept, rather than the string "NaN" a reader would take for data.
/// </summary>
public static class AuditReportJson
{
    private static readonly JsonSerializerOptions Options = Create();

    public static string Write(AuditReport report) => JsonSerializer.Serialize(report, Options) + "\n";

    private static JsonSerializerOptions Create()
    {
        // The same settings as the CLI's other JSON (web casing, indented, kebab-case enums), plus the empty figure as null.
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.Converters.Add(new NoFigureAsNull());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class NoFigureAsNull : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsNaN(value))
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteNumberValue(value);
            }
        }
    }
}
