using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CodeLedger.Core.Assignment;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Workflow;

namespace CodeLedger.Core.Ledger.Replay;

/// <summary>
/// The three events that are nearly all of a large ledger (encounter.received, coding.submitted and
/// encounter.finalized: about 3 of every 3.4 events) read with one <see cref="Utf8JsonReader"/> pass
/// instead of the serializer, whose parameterized-constructor path cost a fifth of a verification's CPU
/// at 100,000 encounters (docs/PERFORMANCE.md). It reads only the shape <see cref="LedgerEvents.Write"/>
/// writes: the exact camel-case names, each once, the values in their written token types. Anything
/// else (another name, a number as a string, a finding on a submission, a duplicate)
/// returns null and the caller reads the payload with <see cref="LedgerEvents.Read"/>, so what the
/// fold sees is always what the serializer would have given (HotEventReaderTests compares both).
/// </summary>
internal static class HotEventReader
{
    private static readonly Dictionary<string, AssignmentBasis> Bases =
        Enum.GetValues<AssignmentBasis>().ToDictionary(b => JsonNamingPolicy.KebabCaseLower.ConvertName(b.ToString()), StringComparer.Ordinal);

    private static readonly Dictionary<string, WaitingFor> Waits =
        Enum.GetValues<WaitingFor>().ToDictionary(w => JsonNamingPolicy.KebabCaseLower.ConvertName(w.ToString()), StringComparer.Ordinal);

    [ThreadStatic]
    private static byte[]? _utf8;

    /// <summary>The event, or null when the type is not one of the three or the payload is not in the written shape.</summary>
    public static ILedgerEvent? TryRead(string type, string payload)
    {
        if (Reader(type) < 0)
        {
            return null;
        }

        var buffer = _utf8 ??= new byte[4096];
        var max = Encoding.UTF8.GetMaxByteCount(payload.Length);
        if (buffer.Length < max)
        {
            _utf8 = buffer = new byte[Math.Max(max, buffer.Length * 2)];
        }

        return TryRead(type, buffer.AsSpan(0, Encoding.UTF8.GetBytes(payload, buffer)));
    }

    /// <summary>The same, from the payload's UTF-8 bytes (a ledger read as stored bytes: no text between).</summary>
    public static ILedgerEvent? TryRead(string type, ReadOnlySpan<byte> json)
    {
        var reader = Reader(type);
        if (reader < 0)
        {
            return null;
        }

        try
        {
            var r = new Utf8JsonReader(json);
            ILedgerEvent? read = reader switch
            {
                0 => CodingSubmitted(ref r),
                1 => EncounterReceived(ref r),
                _ => EncounterFinalized(ref r),
            };

            // Nothing may follow the object (the serializer refuses trailing content).
            return read is not null && !r.Read() ? read : null;
        }
        catch (JsonException)
        {
            // Malformed: the serializer reads it again and decides (and the fold reports it).
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static int Reader(string type) => type switch
    {
        "coding.submitted" => 0,
        "encounter.received" => 1,
        "encounter.finalized" => 2,
        _ => -1,
    };

    private static CodingSubmitted? CodingSubmitted(ref Utf8JsonReader r)
    {
        Guid? encounter = null;
        int? version = null, errors = null, warnings = null;
        string? coder = null;
        List<string>? diagnoses = null;
        List<CodingSubmitted.Line>? lines = null;
        JsonElement? em = null;
        WaitingFor? waitingFor = null;
        bool hasCoder = false, hasEm = false, hasFindings = false, hasWaitingFor = false;
        if (!Start(ref r))
        {
            return null;
        }

        while (Next(ref r, out var name))
        {
            switch (name)
            {
                case "encounter" when encounter is null:
                    encounter = Guid(ref r);
                    if (encounter is null)
                    {
                        return null;
                    }

                    break;
                case "version" when version is null:
                    if ((version = Int(ref r)) is null)
                    {
                        return null;
                    }

                    break;
                case "coder" when !hasCoder:
                    hasCoder = true;
                    if (!String(ref r, out coder))
                    {
                        return null;
                    }

                    break;
                case "diagnoses" when diagnoses is null:
                    if ((diagnoses = Strings(ref r)) is null)
                    {
                        return null;
                    }

                    break;
                case "lines" when lines is null:
                    if ((lines = Lines(ref r)) is null)
                    {
                        return null;
                    }

                    break;
                case "em" when !hasEm:
                    hasEm = true;
                    r.Read();
                    em = r.TokenType == JsonTokenType.Null ? null : JsonElement.ParseValue(ref r);
                    break;
                case "findings" when !hasFindings:
                    // Only the empty list: a finding's enum and nullable line are left to the serializer.
                    hasFindings = true;
                    if (!r.Read() || r.TokenType != JsonTokenType.StartArray || !r.Read() || r.TokenType != JsonTokenType.EndArray)
                    {
                        return null;
                    }

                    break;
                case "errors" when errors is null:
                    if ((errors = Int(ref r)) is null)
                    {
                        return null;
                    }

                    break;
                case "warnings" when warnings is null:
                    if ((warnings = Int(ref r)) is null)
                    {
                        return null;
                    }

                    break;
                case "waitingFor" when !hasWaitingFor:
                    hasWaitingFor = true;
                    if (!String(ref r, out var waiting) || (waiting is not null && !Waits.ContainsKey(waiting)))
                    {
                        return null;
                    }

                    waitingFor = waiting is null ? null : Waits[waiting];

                    break;
                default:
                    return null;
            }
        }

        return encounter is { } id && version is { } v && hasCoder && diagnoses is not null && lines is not null && hasEm && hasFindings
               && errors is { } e && warnings is { } w && hasWaitingFor
            ? new CodingSubmitted(id, v, coder!, diagnoses, lines, em, [], e, w, waitingFor)
            : null;
    }

    private static EncounterReceived? EncounterReceived(ref Utf8JsonReader r)
    {
        Guid? id = null;
        string? practice = null, vendor = null, externalId = null, npi = null, placeOfService = null, specialty = null;
        string? sha256 = null, documentationHash = null, coder = null, basisName = null, demographicsHash = null;
        DateOnly? dateOfService = null;
        DateTimeOffset? completedAt = null, clockStart = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (!Start(ref r))
        {
            return null;
        }

        while (Next(ref r, out var name))
        {
            if (!seen.Add(name))
            {
                return null;
            }

            var ok = name switch
            {
                "id" => (id = Guid(ref r)) is not null,
                "practice" => String(ref r, out practice),
                "vendor" => String(ref r, out vendor),
                "externalId" => String(ref r, out externalId),
                "physicianNpi" => String(ref r, out npi),
                "dateOfService" => (dateOfService = Date(ref r)) is not null,
                "placeOfService" => String(ref r, out placeOfService),
                "specialty" => String(ref r, out specialty),
                "documentationCompletedAt" => (completedAt = Instant(ref r)) is not null,
                "documentationSha256" => String(ref r, out sha256),
                "documentationHash" => String(ref r, out documentationHash),
                "clockStart" => (clockStart = Instant(ref r)) is not null,
                "coder" => String(ref r, out coder),
                "basis" => String(ref r, out basisName) && basisName is not null && Bases.ContainsKey(basisName),
                "demographicsHash" => String(ref r, out demographicsHash),
                _ => false,
            };
            if (!ok)
            {
                return null;
            }
        }

        // The optional hashes may be absent (written only when not null); everything else must be there.
        string[] required = ["id", "practice", "vendor", "externalId", "physicianNpi", "dateOfService", "placeOfService", "specialty", "documentationCompletedAt", "clockStart", "coder", "basis"];
        if (!required.All(seen.Contains))
        {
            return null;
        }

        return new EncounterReceived(
            id!.Value, practice!, vendor!, externalId!, npi!, dateOfService!.Value, placeOfService!, specialty!, completedAt!.Value, sha256, documentationHash,
            clockStart!.Value, coder, Bases[basisName!], demographicsHash);
    }

    private static EncounterFinalized? EncounterFinalized(ref Utf8JsonReader r)
    {
        Guid? encounter = null;
        int? version = null;
        DateTimeOffset? finalizedAt = null, clockStart = null;
        bool? withoutResponse = null;
        string? overrideReason = null, overrideBy = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (!Start(ref r))
        {
            return null;
        }

        while (Next(ref r, out var name))
        {
            if (!seen.Add(name))
            {
                return null;
            }

            var ok = name switch
            {
                "encounter" => (encounter = Guid(ref r)) is not null,
                "version" => (version = Int(ref r)) is not null,
                "finalizedAt" => (finalizedAt = Instant(ref r)) is not null,
                "clockStart" => (clockStart = Instant(ref r)) is not null,
                "codedWithoutQueryResponse" => (withoutResponse = Bool(ref r)) is not null,
                "overrideReason" => String(ref r, out overrideReason),
                "overrideBy" => String(ref r, out overrideBy),
                _ => false,
            };
            if (!ok)
            {
                return null;
            }
        }

        return seen.Count == 7
            ? new EncounterFinalized(encounter!.Value, version!.Value, finalizedAt!.Value, clockStart!.Value, withoutResponse!.Value, overrideReason, overrideBy)
            : null;
    }

    private static bool Start(ref Utf8JsonReader r) => r.Read() && r.TokenType == JsonTokenType.StartObject;

    /// <summary>The next property's name, or false at the object's end.</summary>
    private static bool Next(ref Utf8JsonReader r, out string name)
    {
        r.Read();
        if (r.TokenType == JsonTokenType.EndObject)
        {
            name = string.Empty;
            return false;
        }

        if (r.TokenType != JsonTokenType.PropertyName)
        {
            throw new JsonException("not a property");
        }

        name = r.GetString()!;
        return true;
    }

    /// <summary>A string or null, as the serializer reads a string property.</summary>
    private static bool String(ref Utf8JsonReader r, out string? value)
    {
        r.Read();
        value = r.TokenType switch
        {
            JsonTokenType.String => r.GetString(),
            JsonTokenType.Null => null,
            _ => throw new JsonException("not a string"),
        };
        return true;
    }

    private static Guid? Guid(ref Utf8JsonReader r) => r.Read() && r.TokenType == JsonTokenType.String && r.TryGetGuid(out var g) ? g : null;

    private static int? Int(ref Utf8JsonReader r) => r.Read() && r.TokenType == JsonTokenType.Number && r.TryGetInt32(out var i) ? i : null;

    private static bool? Bool(ref Utf8JsonReader r) =>
        r.Read() ? r.TokenType switch { JsonTokenType.True => true, JsonTokenType.False => false, _ => null } : null;

    /// <summary>An instant as <see cref="LedgerEvents"/>' converter reads it.</summary>
    private static DateTimeOffset? Instant(ref Utf8JsonReader r) => r.Read() && r.TokenType == JsonTokenType.String ? r.GetDateTimeOffset() : null;

    /// <summary>A date in the serializer's one form, yyyy-MM-dd.</summary>
    private static DateOnly? Date(ref Utf8JsonReader r) =>
        r.Read() && r.TokenType == JsonTokenType.String && !r.ValueIsEscaped && r.ValueSpan.Length == 10
        && DateOnly.TryParseExact(r.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : null;

    private static List<string>? Strings(ref Utf8JsonReader r)
    {
        if (!r.Read() || r.TokenType != JsonTokenType.StartArray)
        {
            return null;
        }

        var list = new List<string>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.String)
            {
                return null;
            }

            list.Add(r.GetString()!);
        }

        return list;
    }

    private static List<int>? Ints(ref Utf8JsonReader r)
    {
        if (!r.Read() || r.TokenType != JsonTokenType.StartArray)
        {
            return null;
        }

        var list = new List<int>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.Number || !r.TryGetInt32(out var i))
            {
                return null;
            }

            list.Add(i);
        }

        return list;
    }

    private static List<CodingSubmitted.Line>? Lines(ref Utf8JsonReader r)
    {
        if (!r.Read() || r.TokenType != JsonTokenType.StartArray)
        {
            return null;
        }

        var lines = new List<CodingSubmitted.Line>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.StartObject || Line(ref r) is not { } line)
            {
                return null;
            }

            lines.Add(line);
        }

        return lines;
    }

    /// <summary>One service line; the reader is on its StartObject.</summary>
    private static CodingSubmitted.Line? Line(ref Utf8JsonReader r)
    {
        string? code = null, charge = null;
        List<string>? modifiers = null;
        List<int>? pointers = null;
        decimal? units = null;
        var seen = 0;
        while (Next(ref r, out var name))
        {
            var ok = name switch
            {
                "code" when code is null => String(ref r, out code) && code is not null,
                "modifiers" when modifiers is null => (modifiers = Strings(ref r)) is not null,
                "units" when units is null => r.Read() && r.TokenType == JsonTokenType.Number && r.TryGetDecimal(out var u) && (units = u) is not null,
                "charge" when charge is null => String(ref r, out charge) && charge is not null,
                "pointers" when pointers is null => (pointers = Ints(ref r)) is not null,
                _ => false,
            };
            if (!ok)
            {
                return null;
            }

            seen++;
        }

        return seen == 5 ? new CodingSubmitted.Line(code!, modifiers!, units!.Value, charge!, pointers!) : null;
    }
}
