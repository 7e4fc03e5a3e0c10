namespace CodeLedger.X12.Tests.ClaimStatus277;

/// <summary>
/// 277CA files written from the 005010X214 guide (no public 277CA sample is in ../shared/data):
/// a payer answers the billing provider's claims, one accepted with its claim control number and
/// one rejected for an invalid billing provider NPI.
/// </summary>
internal static class Samples277
{
    /// <summary>One claim of a 277CA: CLM01, the STC composite, the action code, an optional REF*1K and optional line-level SVC/STC.</summary>
    public sealed record Claim(string ClaimId, string Status, string Action, string? PayerNumber = null, string? Line = null);

    public static readonly Claim[] Mixed =
    [
        new("ENC-1001-1", "A2:20:PR", "WQ", "PCCN24075000001"),
        new("ENC-1002-1", "A7:562:85", "U"),
    ];

    /// <summary>The file without the given segments (each written without its terminator), SE01 counted again.</summary>
    public static string Without(string text, params string[] segments)
    {
        foreach (var segment in segments)
        {
            Assert.Contains(segment + "~", text, StringComparison.Ordinal);
            text = text.Replace(segment + "~", string.Empty, StringComparison.Ordinal);
        }

        return System.Text.RegularExpressions.Regex.Replace(text, @"~SE\*(\d+)\*", m =>
            $"~SE*{int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - segments.Length}*");
    }

    public static string Text(params Claim[] claims) => Text("000000101", "101", "0001", claims);

    public static string Text(string isa13, string gs06, string st02, IReadOnlyList<Claim> claims)
    {
        var body = new List<string>
        {
            $"ST*277*{st02}*005010X214",
            "BHT*0085*08*277CA0001*20240316*0805*TH",
            "HL*1**20*1",
            "NM1*PR*2*ACME HEALTH PLAN*****PI*12345",
            "TRN*1*277CA0001",
            "DTP*050*D8*20240315",
            "DTP*009*D8*20240316",
            "HL*2*1*21*1",
            "NM1*41*2*NORTHSIDE FAMILY MEDICINE*****46*CLSUBMIT01",
            "TRN*2*BATCH0042",
            "STC*A1:19:PR*20240316*WQ*250",
            "HL*3*2*19*1",
            "NM1*85*2*NORTHSIDE FAMILY MEDICINE*****XX*1234567893",
            "TRN*1*0",
            "STC*A1:19:PR**WQ*250",
        };
        var hl = 3;
        foreach (var c in claims)
        {
            body.Add($"HL*{++hl}*3*PT");
            body.Add("NM1*QC*1*QUIXOTEFISH*ZEBULONIA****MI*MB7Q3X9W");
            body.Add($"TRN*2*{c.ClaimId}");
            body.Add($"STC*{c.Status}*20240316*{c.Action}*125");
            if (c.PayerNumber is not null)
            {
                body.Add($"REF*1K*{c.PayerNumber}");
            }

            body.Add("DTP*472*D8*20240301");
            if (c.Line is not null)
            {
                body.Add("SVC*HC:99213*125*****1");
                body.Add($"STC*{c.Line}*20240316*U");
                body.Add("REF*FJ*1");
                body.Add("DTP*472*D8*20240301");
            }
        }

        body.Add($"SE*{body.Count + 1}*{st02}");
        return $"ISA*00*          *00*          *ZZ*PAYER01        *ZZ*CODELEDGER     *240316*0805*^*00501*{isa13}*0*P*:~"
            + $"GS*HN*PAYER01*CODELEDGER*20240316*0805*{gs06}*X*005010X214~"
            + string.Concat(body.Select(s => s + "~"))
            + $"GE*1*{gs06}~IEA*1*{isa13}~";
    }
}
