using System.Globalization;
using System.Text.Json;
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
    public static CodingSubmission Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid("the coding must be a JSON object with \"diagnoses\" and \"lines\"");
            }

            var diagnoses = new List<IcdCode>();
            foreach (var d in Array(root, "diagnoses"))
            {
                diagnoses.Add(IcdCode.TryParse(d.GetString(), out var icd, out var error) ? icd : throw Invalid(error));
            }

            var lines = new List<ServiceLine>();
            var number = 0;
            foreach (var l in Array(root, "lines"))
            {
                number++;
                var codeText = l.TryGetProperty("code", out var c) ? c.GetString() : null;
                var code = ProcedureCode.TryParse(codeText, out var pc, out var codeError) ? pc : throw Invalid($"line {number}: {codeError}");
                var modifiers = new List<Modifier>();
                if (l.TryGetProperty("modifiers", out var mods))
                {
                    foreach (var m in mods.EnumerateArray())
                    {
                        modifiers.Add(Modifier.TryParse(m.GetString(), out var mod, out var modError) ? mod : throw Invalid($"line {number}: {modError}"));
                    }
                }

                var units = l.TryGetProperty("units", out var u) ? u.GetDecimal() : 1m;
                var chargeText = l.TryGetProperty("charge", out var ch) ? (ch.ValueKind == JsonValueKind.Number ? ch.GetDecimal().ToString(CultureInfo.InvariantCulture) : ch.GetString()) : null;
                var charge = Money.TryParse(chargeText, out var money, out var moneyError) ? money : throw Invalid($"line {number}: {moneyError}");
                var pointers = l.TryGetProperty("pointers", out var p) ? p.EnumerateArray().Select(x => x.GetInt32()).ToList() : [];
                lines.Add(new ServiceLine(code, modifiers, units, charge, pointers));
            }

            EmInput? em = null;
            if (root.TryGetProperty("em", out var emElement) && emElement.ValueKind != JsonValueKind.Null)
            {
                try
                {
                    em = EmInputJson.Parse(emElement);
                }
                catch (EmInputException e)
                {
                    throw Invalid($"\"em\": {e.Message}");
                }
            }

            return new CodingSubmission(diagnoses, lines, em);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw Invalid($"not valid coding JSON: {e.Message}");
        }
    }

    private static JsonElement.ArrayEnumerator Array(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw Invalid($"\"{name}\" must be an array");

    private static DomainException Invalid(string message) => new(CodingErrors.Invalid, message);
}
