using CodeLedger.Core.CodeSets;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Edits;

namespace CodeLedger.Benchmarks.Edits;

/// <summary>
/// A deterministic batch of professional claims with a realistic code mix: about 40% office E/M,
/// common office procedures, labs and injections (some of them real PTP pairs, with and without
/// modifiers), a tail of codes drawn from the MUE file, 1-4 diagnoses from the ICD-10-CM release,
/// and a few deliberate mistakes (header codes, missing 25, excess units, repeated lines), so that
/// a few percent of lines draw a finding, as on a practice's unscrubbed claims.
/// </summary>
internal static class ClaimBatchGenerator
{
    private static readonly string[] Em = ["99212", "99213", "99213", "99214", "99214", "99215", "99203", "99204"];

    private static readonly string[] Common =
    [
        "36415", "85025", "80053", "80061", "83036", "81002", "93000", "71046", "20610", "11720", "17110", "96372",
        "90471", "90686", "97110", "97140", "11042", "69210", "87880", "G0008", "93306",
    ];

    public static List<Claim> Generate(int lines, IcdRelease icd, RvuRelease rvu, MueRelease mue, DateOnly from, int days, int seed = 20240401)
    {
        var random = new Random(seed);
        var billable = icd.Entries.Where(e => e.Billable).Select(e => e.Code.Value).ToArray();
        var common = icd.Entries.Where(e => e.Billable && e.Code.Value[0] is 'E' or 'I' or 'J' or 'M' or 'Z' or 'R').Select(e => e.Code.Value).ToArray();
        var tail = rvu.Entries.Where(e => e.Modifier.Length == 0 && e.Status is 'A' or 'T' or 'R' && ProcedureCode.TryParse(e.Code, out var p) && mue.Find(p.Key) is not { Value: 0 }).Select(e => e.Code).ToArray();
        var npis = Enumerable.Range(0, 50).Select(i =>
        {
            var nine = (100_000_000 + (i * 7919)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return nine + Npi.CheckDigit(nine).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }).ToArray();

        var claims = new List<Claim>(lines / 3 + 1);
        var made = 0;
        var id = 0;
        while (made < lines)
        {
            var count = Math.Min(lines - made, 1 + random.Next(4) + (random.Next(10) == 0 ? 2 : 0));
            var dxCount = 1 + random.Next(4);
            var dx = new string[dxCount];
            for (var d = 0; d < dxCount; d++)
            {
                dx[d] = random.Next(20) == 0 ? billable[random.Next(billable.Length)] : common[random.Next(common.Length)];
            }

            if (random.Next(200) == 0)
            {
                dx[0] = dx[0][..3];
            }

            var claimLines = new List<ClaimLine>(count);
            for (var l = 0; l < count; l++)
            {
                var r = random.Next(100);
                var code = l == 0 && r < 70 ? Em[random.Next(Em.Length)]
                    : r < 85 ? Common[random.Next(Common.Length)]
                    : tail[random.Next(tail.Length)];
                if (claimLines.Exists(x => x.CodeText == code) && random.Next(50) != 0)
                {
                    code = tail[random.Next(tail.Length)];
                }

                var modifiers = new List<string>(2);
                var m = random.Next(100);
                if (code.StartsWith("992", StringComparison.Ordinal) && count > 1 && m < 95)
                {
                    modifiers.Add("25");
                }
                else if (m < 8)
                {
                    modifiers.Add(m < 4 ? "XS" : "59");
                }
                else if (m < 12)
                {
                    modifiers.Add(m < 10 ? "RT" : "LT");
                }

                var units = random.Next(100) == 0 ? 2 + random.Next(6) : 1;
                var pointers = new int[Math.Min(dxCount, 1 + random.Next(2))];
                for (var p = 0; p < pointers.Length; p++)
                {
                    pointers[p] = p + 1;
                }

                claimLines.Add(ClaimLine.Create(l + 1, code, modifiers, units, Money.FromCents(1000 + random.Next(40000)), pointers));
            }

            claims.Add(Claim.Create(
                "CLM" + (id++).ToString(System.Globalization.CultureInfo.InvariantCulture),
                from.AddDays(random.Next(days)),
                "11",
                npis[random.Next(npis.Length)],
                new DateOnly(1940 + random.Next(80), 1 + random.Next(12), 1 + random.Next(28)),
                random.Next(2) == 0 ? 'F' : 'M',
                dx,
                claimLines));
            made += count;
        }

        return claims;
    }
}
