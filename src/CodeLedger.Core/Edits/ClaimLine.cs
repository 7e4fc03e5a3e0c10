using System.Collections.Immutable;
using CodeLedger.Core.Codes;

namespace CodeLedger.Core.Edits;

/// <summary>
/// One service line. The raw texts are kept beside the parsed values so that a code or modifier
/// of the wrong shape becomes a finding, not a lost line.
/// </summary>
/// <param name="Pointers">Diagnosis pointers, 1-based into the claim's diagnoses (up to 4 in an 837P SV107).</param>
public sealed record ClaimLine(
    int Number,
    string CodeText,
    ProcedureCode? Code,
    ImmutableArray<string> ModifierTexts,
    ImmutableArray<Modifier> Modifiers,
    int Units,
    Money Charge,
    ImmutableArray<int> Pointers)
{
    public static ClaimLine Create(int number, string code, IEnumerable<string> modifiers, int units, Money charge, IEnumerable<int> pointers)
    {
        var texts = modifiers.Where(m => m.Length > 0).ToImmutableArray();
        return new ClaimLine(
            number,
            code,
            ProcedureCode.TryParse(code, out var parsed) ? parsed : null,
            texts,
            [.. texts.Select(t => Modifier.TryParse(t, out var m) ? m : (Modifier?)null).OfType<Modifier>()],
            units,
            charge,
            [.. pointers]);
    }

    public bool Has(string modifier)
    {
        foreach (var m in Modifiers)
        {
            if (m.Value == modifier)
            {
                return true;
            }
        }

        return false;
    }
}
