using CodeLedger.Core.Codes;
using CodeLedger.Core.Edits;
using CodeLedger.Core.EvaluationAndManagement;

namespace CodeLedger.Core.Tests.Edits;

/// <summary>Claims written the way a coder reads them: date, diagnoses, then "code mod mod" lines pointing at dx 1.</summary>
internal static class TestClaims
{
    public const string ValidNpi = "1234567893";

    public static Claim Office(string dos, string[] dx, params string[] lines) => Build(dos, dx, ValidNpi, null, lines);

    public static Claim WithEm(string dos, EmInput documentation, params string[] lines) => Build(dos, ["I10"], ValidNpi, documentation, lines);

    public static Claim Build(string dos, string[] dx, string npi, EmInput? documentation, params string[] lines) =>
        Claim.Create(
            "C1",
            DateOnly.Parse(dos, System.Globalization.CultureInfo.InvariantCulture),
            "11",
            npi,
            new DateOnly(1960, 5, 1),
            'F',
            dx,
            lines.Select((text, i) => Line(i + 1, text)),
            documentation);

    /// <summary>"99213 25" is code and modifiers; "x3" sets units; "@1:2" sets pointers (default @1).</summary>
    private static ClaimLine Line(int number, string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var units = 1;
        int[] pointers = [1];
        var modifiers = new List<string>();
        foreach (var p in parts.Skip(1))
        {
            if (p.StartsWith('x'))
            {
                units = int.Parse(p[1..], System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (p.StartsWith('@'))
            {
                pointers = p.Length == 1 ? [] : [.. p[1..].Split(':').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))];
            }
            else
            {
                modifiers.Add(p);
            }
        }

        return ClaimLine.Create(number, parts[0], modifiers, units, Money.Parse("100.00"), pointers);
    }
}
