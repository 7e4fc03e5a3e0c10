using System.Text.Json;
using System.Text.Json.Serialization;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Coding;
using CodeLedger.Core.Common;
using CodeLedger.Core.EvaluationAndManagement;

namespace CodeLedger.Core.Workflow;

/// <summary>
/// The coding a coder submits for an encounter (docs/WORKFLOW.md, "coding.json"):
/// <code>
/// {"diagnoses": ["E11.9", "I10"],
///  "lines": [{"code": "99214", "modifiers": ["25"], "units": 1, "charge": "185.00", "pointers": [1, 2]}],
///  "em": {"patient": "established", "problems": ["stable-chronic"], "data": {}, "risk": "low", "totalMinutes": null}}
/// </code>
/// Codes are checked for shape here; whether they are valid on the date of service is the edit engine's job.
/// "em" is optional: the coder's abstraction of the MDM elements and total time the note documents,
/// in the input shape of <c>codeledger em level</c>. When present, the edit engine compares the
/// billed office visit with the level it supports (EM-LEVEL-SUPPORT).
/// </summary>
public sealed record CodingSubmission(IReadOnlyList<IcdCode> Diagnoses, IReadOnlyList<ServiceLine> Lines, EmInput? Em = null)
{
    private static readonly JsonSerializerOptions Contract = StrictJson.Options(
        new JsonTextConverter<IcdCode>(IcdCode.TryParse, c => c.Value),
        new JsonTextConverter<ProcedureCode>(ProcedureCode.TryParse, c => c.Value),
        new JsonTextConverter<Modifier>(Modifier.TryParse, m => m.Value),
        new JsonTextConverter<Money>(Money.TryParse, m => m.ToString(), numbersAsText: true));

    /// <summary>Reads coding.json; every bad field is named at once, with its path, in one CODING-INVALID refusal.</summary>
    public static CodingSubmission Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw Invalid([$"coding: {StrictJson.NotJson(e)}"]);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(["the coding must be a JSON object with \"diagnoses\" and \"lines\""]);
            }

            var emProblems = new List<string>();
            var em = ReadEm(document.RootElement, emProblems);
            if (!StrictJson.TryRead<CodingContract>(document.RootElement, Contract, out var coding, out var problems))
            {
                throw Invalid([.. problems, .. emProblems]);
            }

            if (coding.Diagnoses is null)
            {
                problems.Add("\"diagnoses\" must be an array");
            }

            if (coding.Lines is null)
            {
                problems.Add("\"lines\" must be an array");
            }

            var lines = new List<ServiceLine>();
            foreach (var (line, index) in (coding.Lines ?? []).Select((l, i) => (l, i)))
            {
                var at = $"lines[{index}]";
                if (line.Code is null || line.Charge is null)
                {
                    problems.Add($"missing field '{StrictJson.Path(at, line.Code is null ? "code" : "charge")}'");
                    continue;
                }

                try
                {
                    lines.Add(new ServiceLine(line.Code.Value, line.Modifiers ?? [], line.Units ?? 1m, line.Charge.Value, line.Pointers ?? []));
                }
                catch (DomainException e)
                {
                    problems.Add($"{e.Message} (at {at})");
                }
            }

            problems.AddRange(emProblems);
            return problems.Count == 0 ? new CodingSubmission(coding.Diagnoses!, lines, em) : throw Invalid(problems);
        }
    }

    /// <summary>The optional "em" member, read by its own contract (<see cref="EmInputJson"/>); its problems are prefixed with its name.</summary>
    private static EmInput? ReadEm(JsonElement root, List<string> problems)
    {
        if (!root.TryGetProperty("em", out var em) || em.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        try
        {
            return EmInputJson.Parse(em);
        }
        catch (EmInputException e)
        {
            problems.AddRange(e.Problems.Select(p => $"\"em\": {p}"));
            return null;
        }
    }

    private static DomainException Invalid(IEnumerable<string> problems) => new(CodingErrors.Invalid, StrictJson.Join([.. problems]));

    /// <summary>coding.json's contract; members not listed are refused. "em" is read by <see cref="EmInputJson"/>.</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    private sealed record CodingContract(IReadOnlyList<IcdCode>? Diagnoses, IReadOnlyList<LineContract>? Lines, JsonElement? Em);

    /// <summary>A service line: units default to 1, modifiers and pointers to none.</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    private sealed record LineContract(ProcedureCode? Code, IReadOnlyList<Modifier>? Modifiers, decimal? Units, Money? Charge, IReadOnlyList<int>? Pointers);
}
