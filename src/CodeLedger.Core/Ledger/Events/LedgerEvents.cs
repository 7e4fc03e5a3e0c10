using System.Collections.Frozen;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Ledger.Events;

/// <summary>
/// The one place ledger payloads are written and read: camelCase, compact, enums as kebab-case
/// strings, instants in the ledger's one text form (<see cref="Instants.Format"/>), dates as
/// YYYY-MM-DD. The payload text is hashed exactly as written, so this format is part of the
/// ledger's canonical form: change a record here and old payloads must still read back to the
/// same text (LedgerEventTests checks every event of a demo ledger round-trips).
/// </summary>
public static class LedgerEvents
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Every event type CodeLedger writes, by its ledger type name (docs/LEDGER.md lists each with its fields).</summary>
    public static FrozenDictionary<string, Type> Types { get; } = new[]
    {
        Entry<DemoStarted>(),
        Entry<DemoFinished>(),
        Entry<OrganizationRegistered>(),
        Entry<BaaSigned>(),
        Entry<BaaTerminated>(),
        Entry<SlaContractSigned>(),
        Entry<SlaContractTermsRecorded>(),
        Entry<PhysicianEnrolled>(),
        Entry<PhysicianUpdated>(),
        Entry<CoderEnrolled>(),
        Entry<CoderUpdated>(),
        Entry<CredentialMapSet>(),
        Entry<CodeSetImported>(),
        Entry<TrainingRecorded>(),
        Entry<IntakeRefused>(),
        Entry<EncounterReceived>(),
        Entry<DocumentationCorrected>(),
        Entry<PatientCorrected>(),
        Entry<PhiRead>(),
        Entry<PhiReadRefused>(),
        Entry<CodingSubmitted>(),
        Entry<QueryRaised>(),
        Entry<QueryAnswered>(),
        Entry<QueryUnresolved>(),
        Entry<EncounterFinalized>(),
        Entry<X12ControlNumberReserved>(),
        Entry<PhiHashesRecorded>(),
        Entry<UserAdded>(),
        Entry<UserUpdated>(),
        Entry<UserDisabled>(),
        Entry<UserPasswordReset>(),
        Entry<UserSecondFactorEnrolled>(),
        Entry<TokenIssued>(),
        Entry<TokenRevoked>(),
        Entry<VendorCodingImported>(),
        Entry<AuditSampled>(),
        Entry<AuditCodingRecorded>(),
        Entry<AuditFindingRebutted>(),
        Entry<AuditFindingAdjudicated>(),
        Entry<ScorecardAnswered>(),
        Entry<FeeScheduleImported>(),
        Entry<PayerRegistered>(),
        Entry<PayerUpdated>(),
        Entry<BillingProfileSet>(),
        Entry<CoverageRecorded>(),
        Entry<ClaimBuilt>(),
        Entry<ClaimRebuilt>(),
        Entry<ClaimsSubmitted>(),
        Entry<AcknowledgmentImported>(),
        Entry<RemittancePosted>(),
        Entry<RemittanceMatched>(),
        Entry<DenialStepped>(),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string Serialize<TEvent>(TEvent payload)
        where TEvent : ILedgerEvent =>
        JsonSerializer.Serialize(payload, Options);

    /// <summary>The typed payload of an event, or null when the type is not one CodeLedger writes.</summary>
    /// <exception cref="JsonException">The payload does not have its type's shape.</exception>
    public static ILedgerEvent? Read(string type, string payload) =>
        Types.TryGetValue(type, out var clr) ? (ILedgerEvent?)JsonSerializer.Deserialize(payload, clr, Options) : null;

    /// <summary>Serializes a payload read back by <see cref="Read"/>, as its own type.</summary>
    public static string Write(ILedgerEvent payload) => JsonSerializer.Serialize(payload, payload.GetType(), Options);

    private static KeyValuePair<string, Type> Entry<TEvent>()
        where TEvent : ILedgerEvent =>
        new(TEvent.Type, typeof(TEvent));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = false,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.Converters.Add(new InstantConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Instants as the ledger writes them everywhere: UTC, six fractional digits, <c>Z</c>.</summary>
    private sealed class InstantConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTimeOffset();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(Instants.Format(value));
    }
}
