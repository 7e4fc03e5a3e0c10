using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;

namespace CodeLedger.Cli.Coding;

/// <summary>What the workflow commands share: refusals as one line with exit 1, and the JSON they print.</summary>
internal static class WorkflowCli
{
    public static JsonSerializerOptions Json { get; } = CreateJson();

    /// <summary>
    /// A refusal is reported as one line "CODE: message" with the exit status its catalogue gives
    /// (docs/ERRORS.md); nothing was changed.
    /// </summary>
    public static async Task<int> RunAsync(Func<Task<int>> command)
    {
        try
        {
            return await command();
        }
        catch (Exception e) when (e is ICodedError coded and not Storage.StorageException)
        {
            throw new CliException($"{coded.Error.Value}: {coded.Message}", coded.Error.ExitStatus);
        }
    }

    public static string User(string? given) =>
        given is { Length: > 0 } ? given
        : Environment.GetEnvironmentVariable("CODELEDGER_USER") is { Length: > 0 } env ? env
        : Environment.UserName;

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.Converters.Add(new MoneyConverter());
        options.Converters.Add(new InstantConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Money as a string with two decimals ("2500.00"): exact, and the way the contracts write it.</summary>
    private sealed class MoneyConverter : JsonConverter<Money>
    {
        public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Money.Parse(reader.GetString());

        public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }

    /// <summary>Instants in the one form the ledger uses: 2026-03-02T14:00:00.000000Z.</summary>
    private sealed class InstantConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTimeOffset();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(Instants.Format(value));
    }
}
