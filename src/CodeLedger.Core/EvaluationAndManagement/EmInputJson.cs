using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.EvaluationAndManagement;

/// <summary>
/// Reads and writes the JSON of `codeledger em level` (docs in README): a System.Text.Json
/// contract read strictly (<see cref="StrictJson"/>), so a misspelt field or problem kind is
/// reported by name, every one at once, instead of silently lowering the level.
/// </summary>
public static class EmInputJson
{
    private static readonly ImmutableDictionary<string, ProblemKind> Kinds = new Dictionary<string, ProblemKind>(StringComparer.Ordinal)
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

    private static readonly IReadOnlyDictionary<string, PatientType> Patients = new Dictionary<string, PatientType>(StringComparer.Ordinal)
    {
        ["new"] = PatientType.New,
        ["established"] = PatientType.Established,
    };

    private static readonly IReadOnlyDictionary<string, RiskLevel> Risks = new Dictionary<string, RiskLevel>(StringComparer.Ordinal)
    {
        ["minimal"] = RiskLevel.Minimal,
        ["low"] = RiskLevel.Low,
        ["moderate"] = RiskLevel.Moderate,
        ["high"] = RiskLevel.High,
    };

    private static readonly IReadOnlyDictionary<string, EmPayer> Payers = new Dictionary<string, EmPayer>(StringComparer.Ordinal)
    {
        ["cpt"] = EmPayer.Cpt,
        ["medicare"] = EmPayer.Medicare,
    };

    private static readonly JsonSerializerOptions Contract = StrictJson.Options(
        new JsonTokenConverter<PatientType>("patient", Patients),
        new JsonTokenConverter<RiskLevel>("risk", Risks),
        new JsonTokenConverter<EmPayer>("payer", Payers),
        new JsonTokenConverter<ProblemKind>("problem kind", Kinds));

    public static EmInput Parse(string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new EmInputException(StrictJson.NotJson(e));
        }

        using (doc)
        {
            return Parse(doc.RootElement);
        }
    }

    /// <summary>
    /// Reads the same shape from an element of a larger document (the "em" of a coding submission).
    /// Every bad field is named at once (<see cref="EmInputException.Problems"/>).
    /// </summary>
    public static EmInput Parse(JsonElement root)
    {
        if (!StrictJson.TryRead<EmInputContract>(root, Contract, out var input, out var problems))
        {
            throw new EmInputException(problems);
        }

        if (input.Patient is null)
        {
            problems.Add("missing field 'patient'");
        }

        if (input.Risk is null)
        {
            problems.Add("missing field 'risk'");
        }

        if (input.Problems is null)
        {
            problems.Add("'problems' must be an array of problem kinds");
        }

        if (input.TotalMinutes < 0)
        {
            problems.Add("'totalMinutes' must be a whole number of minutes or null");
        }

        var data = input.Data ?? new EmDataContract();
        foreach (var (name, count) in new[] { ("externalNotes", data.ExternalNotes), ("testsReviewed", data.TestsReviewed), ("testsOrdered", data.TestsOrdered) })
        {
            if (count < 0)
            {
                problems.Add($"'data.{name}' must be a whole number of unique items");
            }
        }

        if (problems.Count > 0)
        {
            throw new EmInputException(problems);
        }

        return new EmInput(input.Patient!.Value, [.. input.Problems!], new EmData(data.ExternalNotes, data.TestsReviewed, data.TestsOrdered,
            data.IndependentHistorian, data.IndependentInterpretation, data.ExternalDiscussion), input.Risk!.Value, input.TotalMinutes, input.Payer ?? EmPayer.Cpt);
    }

    /// <summary>The input's JSON contract (docs/WORKFLOW.md, "Coding"); members not listed are refused.</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    private sealed record EmInputContract(PatientType? Patient, IReadOnlyList<ProblemKind>? Problems, EmDataContract? Data, RiskLevel? Risk, int? TotalMinutes, EmPayer? Payer);

    /// <summary>The MDM data element: counts of unique items and three yes/no elements, each absent meaning none.</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    private sealed record EmDataContract(
        int ExternalNotes = 0, int TestsReviewed = 0, int TestsOrdered = 0,
        bool IndependentHistorian = false, bool IndependentInterpretation = false, bool ExternalDiscussion = false);

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
}
