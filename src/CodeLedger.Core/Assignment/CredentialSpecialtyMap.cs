using System.Text.Json;
using CodeLedger.Core.Coders;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Assignment;

/// <summary>
/// Which specialties each credential qualifies a coder for. Data, not code: the default ships as
/// credential-specialties.json and a vendor replaces it with its own (codeledger coverage map).
/// JSON form: <c>{"credentials": {"CPC": ["family-medicine", ...], ...}}</c>.
/// </summary>
public sealed class CredentialSpecialtyMap
{
    private readonly Dictionary<CredentialKind, HashSet<Specialty>> _map;

    private CredentialSpecialtyMap(Dictionary<CredentialKind, HashSet<Specialty>> map) => _map = map;

    public static CredentialSpecialtyMap Default { get; } = LoadDefault();

    public IEnumerable<Specialty> Specialties => _map.Values.SelectMany(s => s).Distinct().OrderBy(s => s.Value, StringComparer.Ordinal);

    public bool Covers(CredentialKind kind, Specialty specialty) => _map.TryGetValue(kind, out var set) && set.Contains(specialty);

    public IReadOnlyCollection<Specialty> For(CredentialKind kind) => _map.TryGetValue(kind, out var set) ? set : [];

    /// <summary>A coder is qualified on a day when a credential valid that day covers the specialty.</summary>
    public bool Qualifies(Coder coder, Specialty specialty, DateOnly day) =>
        coder.Credentials.Any(c => c.IsValidOn(day) && Covers(c.Kind, specialty));

    public static CredentialSpecialtyMap Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new DomainException(AssignmentErrors.CredentialMapInvalid, $"credential map is not JSON: {e.Message}");
        }

        using (document)
        {
            if (!document.RootElement.TryGetProperty("credentials", out var credentials) || credentials.ValueKind != JsonValueKind.Object)
            {
                throw new DomainException(AssignmentErrors.CredentialMapInvalid, "credential map needs an object \"credentials\": {\"CPC\": [\"family-medicine\"], ...}");
            }

            var map = new Dictionary<CredentialKind, HashSet<Specialty>>();
            foreach (var property in credentials.EnumerateObject())
            {
                if (!CredentialNames.TryParse(property.Name, out var kind))
                {
                    throw new DomainException(AssignmentErrors.CredentialMapInvalid, $"credential map: '{property.Name}' is not a known credential");
                }

                if (property.Value.ValueKind != JsonValueKind.Array)
                {
                    throw new DomainException(AssignmentErrors.CredentialMapInvalid, $"credential map: {property.Name} must list specialties");
                }

                var set = new HashSet<Specialty>();
                foreach (var item in property.Value.EnumerateArray())
                {
                    if (!Specialty.TryParse(item.GetString(), out var specialty, out var error))
                    {
                        throw new DomainException(AssignmentErrors.CredentialMapInvalid, $"credential map: {property.Name}: {error}");
                    }

                    set.Add(specialty);
                }

                map[kind] = set;
            }

            return new CredentialSpecialtyMap(map);
        }
    }

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
