using CodeLedger.Core.Intake;
using CodeLedger.Testing;

namespace CodeLedger.Core.Intake.Testing;

/// <summary>Clinical notes from ACI-Bench (Yim et al. 2023, CC BY 4.0), read from ../shared/data, never copied into the repository.</summary>
internal static class AciBenchNotes
{
    public static IEnumerable<string> All()
    {
        using var reader = new StreamReader(RepoPaths.Data("clinical-notes", "aci-bench", "valid.csv"));
        var line = 1;
        var header = Rfc4180.ReadRecord(reader, ref line)!;
        var note = header.IndexOf("note");
        while (Rfc4180.ReadRecord(reader, ref line) is { } record)
        {
            if (record.Count > note && record[note].Length > 0)
            {
                yield return record[note];
            }
        }
    }

    public static string First() => All().First();
}
