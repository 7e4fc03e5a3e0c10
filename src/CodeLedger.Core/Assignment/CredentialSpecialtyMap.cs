using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using CodeLedger.Core.Coders;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Assignment;

/// <summary>
/// Which specialties each credential qualifies a coder for. Data, not code: the default ships as
/// credential-specialties.json and a vendor replaces it with its own (codeledger coverage map).
/// JSON form: <c>{"credentials": {"CPC": ["family-medicine", ...], ...}}</c>, with an optional "comment".
/// </summary>
public sealed class CredentialSpecialtyMap
{
    private readonly Dictionary<CredentialKind, HashSet<Specialty>> _map;

    private CredentialSpecialtyMap(Dictionary<CredentialKind, HashSet<Specialty>> map) => _map = map;

    // Declared before Default, which reads the embedded map through it when the type initializes.
    private static readonly JsonSerializerOptions Contract = StrictJson.Options(
        new JsonTextConverter<Specialty>(Specialty.TryParse, s => s.Value),
        new JsonTextConverter<CredentialKind>(ParseCredential, CredentialNames.Name));

    public static CredentialSpecialtyMap Default { get; } = LoadDefault();

    public IEnumerable<Specialty> Specialties => _map.Values.SelectMany(s => s).Distinct().OrderBy(s => s.Value, StringComparer.Ordinal);

    public bool Covers(CredentialKind kind, Specialty specialty) => _map.TryGetValue(kind, out var set) && set.Contains(specialty);

    public IReadOnlyCollection<Specialty> For(CredentialKind kind) => _map.TryGetValue(kind, out var set) ? set : [];

    /// <summary>A coder is qualified on a day when a credential valid that day covers the specialty.</summary>
    public bool Qualifies(Coder coder, Specialty specialty, DateOnly day) =>
        coder.Credentials.Any(c => c.IsValidOn(day) && Covers(c.Kind, specialty));

    /// <summary>Reads the map; every unknown credential, misspelt field or malformed specialty is named at once (CREDENTIAL-MAP-INVALID).</summary>
    public static CredentialSpecialtyMap Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new DomainException(AssignmentErrors.CredentialMapInvalid, $"credential map: {StrictJson.NotJson(e)}");
        }

        using (document)
        {
            if (!StrictJson.TryRead<MapContract>(document.RootElement, Contract, out var contract, out var problems) || contract.Credentials is null)
            {
                throw Invalid(problems.Count > 0 ? problems : ["needs an object \"credentials\": {\"CPC\": [\"family-medicine\"], ...}"]);
            }

            var map = new Dictionary<CredentialKind, HashSet<Specialty>>();
            foreach (var (kind, specialties) in contract.Credentials)
            {
                if (specialties is null)
                {
                    problems.Add($"{CredentialNames.Name(kind)} must list specialties");
                    continue;
                }

                map[kind] = [.. specialties];
            }

            return problems.Count == 0 ? new CredentialSpecialtyMap(map) : throw Invalid(problems);
        }
    }

    private static bool ParseCredential(string? text, out CredentialKind kind, [NotNullWhen(false)] out string? error)
    {
        error = CredentialNames.TryParse(text, out kind) ? null : $"{Echo.Quote(text)} is not a known credential";
        return error is null;
    }

    private static DomainException Invalid(IEnumerable<string> problems) =>
        new(AssignmentErrors.CredentialMapInvalid, "credential map: " + StrictJson.Join([.. problems]));

    /// <summary>The map's JSON contract: the credentials and an optional free-text "comment" (the shipped map explains itself); other members are refused.</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    private sealed record MapContract(IReadOnlyDictionary<CredentialKind, IReadOnlyList<Specialty>?>? Credentials, string? Comment);

    /// <summary>The canonical JSON form (credentials in printed-name order), as stored and hashed.</summary>
    public string ToJson() =>
        JsonSerializer.Serialize(new
        {
            credentials = _map.OrderBy(p => CredentialNames.Name(p.Key), StringComparer.Ordinal)
                .ToDictionary(p => CredentialNames.Name(p.Key), p => p.Value.Select(s => s.Value).Order(StringComparer.Ordinal).ToArray()),
        });

    private static CredentialSpecialtyMap LoadDefault()
    {
        using var stream = typeof(CredentialSpecialtyMap).Assembly.GetManifestResourceStream("CodeLedger.Core.Assignment.credential-specialties.json")
            ?? throw new InvalidOperationException("embedded credential-specialties.json is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
