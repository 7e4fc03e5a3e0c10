using CodeLedger.Testing;
using nietras.SeparatedValues;

namespace CodeLedger.Core.Intake.Testing;

/// <summary>Clinical notes from ACI-Bench (Yim et al. 2023, CC BY 4.0), read from ../shared/data, never copied into the repository.</summary>
internal static class AciBenchNotes
{
    public static IEnumerable<string> All()
    {
        using var csv = Sep.New(',').Reader(o => o with { DisableColCountCheck = true, Unescape = true }).FromFile(RepoPaths.Data("clinical-notes", "aci-bench", "valid.csv"));
        var note = csv.Header.IndexOf("note");
        var notes = new List<string>();
        foreach (var record in csv)
        {
            if (record.ColCount > note && record[note].Span.Length > 0)
            {
                notes.Add(record[note].ToString());
            }
        }

        return notes;
    }

    public static string First() => All().First();
}
