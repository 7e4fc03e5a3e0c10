using System.Collections.Immutable;
using System.Text.Json;

namespace CodeLedger.Core.EvaluationAndManagement;

/// <summary>
/// Reads and writes the JSON of `codeledger em level` (docs in README): strict, so a misspelt
/// field or problem kind is reported by name instead of silently lowering the level.
/// </summary>
public static class EmInputJson
{
    private static readonly ImmutableDictionary<string, ProblemKind> Kinds = new Dictionary<string, ProblemKind>
    {
        ["self-limited"] = ProblemKind.SelfLimited,
        ["stable-chronic"] = ProblemKind.StableChronic,
        ["acute-uncomplicated"] = ProblemKind.AcuteUncomplicated,
        ["stable-acute"] = ProblemKind.StableAcute,
        ["acute-uncomplicated-inpatient"] = ProblemKind.AcuteUncomplicatedInpatient,
        ["chronic-exacerbation"] = ProblemKind.ChronicExacerbation,
        ["undiagnosed-uncertain"] = ProblemKind.UndiagnosedUncertain,
        ["acute-systemic"] = ProblemKind.AcuteSystemic,
        ["acute-complicated-injury"] = ProblemKind.AcuteComplicatedInjury,
        ["chronic-severe-exacerbation"] = ProblemKind.ChronicSevereExacerbation,
        ["threat-to-life"] = ProblemKind.ThreatToLife,
    }.ToImmutableDictionary(StringComparer.Ordinal);

    private static readonly string[] TopFields = ["patient", "problems", "data", "risk", "totalMinutes", "payer"];
    private static readonly string[] DataFields = ["externalNotes", "testsReviewed", "testsOrdered", "independentHistorian", "independentInterpretation", "externalDiscussion"];

    public static EmInput Parse(string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new EmInputException($"not valid JSON: {e.Message}");
        }

        using (doc)
        {
            return Parse(doc.RootElement);
        }
    }

    /// <summary>Reads the same shape from an element of a larger document (the "em" of a coding submission).</summary>
    public static EmInput Parse(JsonElement root)
    {
        var problems = new List<string>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new EmInputException("the input must be a JSON object");
        }

        foreach (var p in root.EnumerateObject())
        {
            if (!TopFields.Contains(p.Name, StringComparer.Ordinal))
            {
                problems.Add($"unknown field '{p.Name}'");
            }
        }

        var patient = Enum(root, "patient", required: true, problems, ("new", PatientType.New), ("established", PatientType.Established));
        var risk = Enum(root, "risk", required: true, problems, ("minimal", RiskLevel.Minimal), ("low", RiskLevel.Low), ("moderate", RiskLevel.Moderate), ("high", RiskLevel.High));
        var payer = Enum(root, "payer", required: false, problems, ("cpt", EmPayer.Cpt), ("medicare", EmPayer.Medicare));

        var kinds = ImmutableArray.CreateBuilder<ProblemKind>();
        if (!root.TryGetProperty("problems", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            problems.Add("'problems' must be an array of problem kinds");
        }
        else
        {
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && Kinds.TryGetValue(item.GetString()!, out var k))
                {
                    kinds.Add(k);
                }
                else
                {
                    problems.Add($"unknown problem kind {item.GetRawText()}");
                }
            }
        }

        var data = EmData.None;
        if (root.TryGetProperty("data", out var d))
        {
            if (d.ValueKind != JsonValueKind.Object)
            {
                problems.Add("'data' must be an object");
            }
            else
            {
                foreach (var p in d.EnumerateObject())
                {
                    if (!DataFields.Contains(p.Name, StringComparer.Ordinal))
                    {
                        problems.Add($"unknown field 'data.{p.Name}'");
                    }
                }

                data = new EmData(
                    Count(d, "externalNotes", problems),
                    Count(d, "testsReviewed", problems),
                    Count(d, "testsOrdered", problems),
                    Flag(d, "independentHistorian", problems),
                    Flag(d, "independentInterpretation", problems),
                    Flag(d, "externalDiscussion", problems));
            }
        }

        int? minutes = null;
        if (root.TryGetProperty("totalMinutes", out var m) && m.ValueKind != JsonValueKind.Null)
        {
            if (m.ValueKind == JsonValueKind.Number && m.TryGetInt32(out var v) && v >= 0)
            {
                minutes = v;
            }
            else
            {
                problems.Add("'totalMinutes' must be a whole number of minutes or null");
            }
        }

        if (problems.Count > 0)
        {
            throw new EmInputException(problems);
        }

        return new EmInput(patient ?? default, kinds.ToImmutable(), data, risk ?? default, minutes, payer ?? EmPayer.Cpt);
    }

    /// <summary>
    /// The input as compact JSON in the shape <see cref="Parse(string)"/> reads, so a stored
    /// abstraction of the documentation reads back as the same input.
    /// </summary>
    public static string WriteInput(EmInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("patient", input.Patient == PatientType.New ? "new" : "established");
            w.WriteStartArray("problems");
            foreach (var kind in input.Problems)
            {
                w.WriteStringValue(Kinds.First(k => k.Value == kind).Key);
            }

            w.WriteEndArray();
            w.WriteStartObject("data");
            w.WriteNumber("externalNotes", input.Data.ExternalNotes);
            w.WriteNumber("testsReviewed", input.Data.TestsReviewed);
            w.WriteNumber("testsOrdered", input.Data.TestsOrdered);
            w.WriteBoolean("independentHistorian", input.Data.IndependentHistorian);
            w.WriteBoolean("independentInterpretation", input.Data.IndependentInterpretation);
            w.WriteBoolean("externalDiscussion", input.Data.ExternalDiscussion);
            w.WriteEndObject();
            w.WriteString("risk", input.Risk switch
            {
                RiskLevel.Minimal => "minimal",
                RiskLevel.Low => "low",
                RiskLevel.Moderate => "moderate",
                _ => "high",
            });
            if (input.TotalMinutes is { } minutes)
            {
                w.WriteNumber("totalMinutes", minutes);
            }
            else
            {
                w.WriteNull("totalMinutes");
            }

            w.WriteString("payer", input.Payer == EmPayer.Medicare ? "medicare" : "cpt");
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string Write(EmResult result)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("mdm", result.Mdm switch
            {
                MdmLevel.Straightforward => "straightforward",
                MdmLevel.Low => "low",
                MdmLevel.Moderate => "moderate",
                _ => "high",
            });
            w.WriteString("byMdm", result.ByMdm);
            w.WriteString("byTime", result.ByTime);
            w.WriteString("code", result.Code);
            w.WriteString("basis", result.Basis == EmBasis.Time ? "time" : "mdm");
            w.WriteString("prolongedCode", result.ProlongedCode);
            w.WriteNumber("prolongedUnits", result.ProlongedUnits);
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static T? Enum<T>(JsonElement root, string name, bool required, List<string> problems, params (string Token, T Value)[] values)
        where T : struct
    {
        if (!root.TryGetProperty(name, out var e))
        {
            if (required)
            {
                problems.Add($"missing field '{name}'");
            }

            return null;
        }

        foreach (var (token, value) in values)
        {
            if (e.ValueKind == JsonValueKind.String && e.GetString() == token)
            {
                return value;
            }
        }

        problems.Add($"unknown {name} {e.GetRawText()}; expected {string.Join(" or ", values.Select(v => $"\"{v.Token}\""))}");
        return null;
    }

    private static int Count(JsonElement data, string name, List<string> problems)
    {
        if (!data.TryGetProperty(name, out var e))
        {
            return 0;
        }

        if (e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var v) && v >= 0)
        {
            return v;
        }

        problems.Add($"'data.{name}' must be a whole number of unique items");
        return 0;
    }

    private static bool Flag(JsonElement data, string name, List<string> problems)
    {
        if (!data.TryGetProperty(name, out var e))
        {
            return false;
        }

        if (e.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return e.GetBoolean();
        }

        problems.Add($"'data.{name}' must be true or false");
        return false;
    }
}
