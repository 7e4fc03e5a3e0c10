using System.Text;
using CodeLedger.Core.Remittances;
using CodeLedger.Testing;
using CodeLedger.X12;
using CodeLedger.X12.Remittance835;

namespace CodeLedger.Core.Tests.Remittances;

/// <summary>835s read from text or from ../shared/data, and the claims CodeLedger would have sent for them.</summary>
internal static class RemitFixtures
{
    public const string Practice = "P-NORTH";

    public static IReadOnlyList<RemittanceAdvice835> Read(string text) => X12Document.Load(Encoding.ASCII.GetBytes(text)).Remittances835;

    public static RemittanceAdvice835 ReadOne(string text) => Assert.Single(Read(text));

    /// <summary>
    /// Every 005010 835 of the samples. oopfactory/Example1.txt is left out: its interchange is
    /// 00401 (ISA12), which the X12 reader refuses (X12 SampleFileTests pins that); its
    /// reversals are read through <see cref="Example1As5010"/>.
    /// </summary>
    public static IEnumerable<string> SampleFiles() =>
        Directory.EnumerateFiles(RepoPaths.Data("x12-samples", "835"), "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).Equals("SOURCE.txt", StringComparison.Ordinal))
            .Where(f => !f.EndsWith(Path.Combine("oopfactory", "Example1.txt"), StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>
    /// oopfactory/Example1.txt, whose body is 5010 (GS08 "5010", CLP02 22 reversals, a PLB) under a
    /// 4010 ISA, read with that ISA written as 5010: ISA11 "U" becomes the repetition separator "^"
    /// and ISA12 00401 becomes 00501, both the same length, so the fixed-width ISA stays valid.
    /// </summary>
    public static RemittanceAdvice835 Example1As5010()
    {
        var text = File.ReadAllText(RepoPaths.Data("x12-samples", "835", "oopfactory", "Example1.txt")).TrimStart('\uFEFF');
        var fixedIsa = text.Replace("*U*00401*", "*^*00501*", StringComparison.Ordinal);
        Assert.NotEqual(text, fixedIsa);
        return ReadOne(fixedIsa);
    }

    public static IReadOnlyList<RemittanceAdvice835> ReadSample(string path) => X12Document.Load(File.ReadAllBytes(path)).Remittances835;

    /// <summary>
    /// The claims the 835's own CLPs and SVCs describe, one per CLP01 (lines: every SVC of every
    /// CLP naming it, submitted code and units where the payer changed them). Reversal CLPs name
    /// claims too, so their claims exist.
    /// </summary>
    public static List<RemitClaim> ClaimsOf(RemittanceAdvice835 advice, string payerId = "PAYER01")
    {
        var claims = new List<RemitClaim>();
        foreach (var group in advice.Claims.GroupBy(c => c.PatientControlNumber, StringComparer.Ordinal))
        {
            var lines = new List<RemitClaimLine>();
            foreach (var service in group.Where(c => c.Status != ClaimStatus.Reversal).SelectMany(c => c.Services))
            {
                var date = service.Dates.FirstOrDefault(d => d.Qualifier is "472" or "150").Date;
                lines.Add(new RemitClaimLine(lines.Count + 1, null, service.OriginalProcedureCode ?? service.ProcedureCode,
                    (service.OriginalProcedureCode is not null ? service.OriginalModifiers : service.Modifiers).ToArray(),
                    service.OriginalUnits ?? service.UnitsPaid ?? 1, date == default ? new DateOnly(2024, 3, 1) : date, service.Charge));
            }

            claims.Add(new RemitClaim(group.Key, Practice, payerId, null, Math.Abs(group.First().TotalCharge), lines));
        }

        return claims;
    }

    /// <summary>The original payment a reversal undoes: the reversal's CLP with every amount negated and status 1.</summary>
    public static ClaimPayment835 Original(ClaimPayment835 reversal) => reversal with
    {
        Status = "1",
        TotalCharge = -reversal.TotalCharge,
        Paid = -reversal.Paid,
        PatientResponsibility = -reversal.PatientResponsibility,
        Adjustments = reversal.Adjustments.Select(a => a with { Amount = -a.Amount }).ToArray(),
        Services = reversal.Services.Select(s => s with
        {
            Charge = -s.Charge,
            Paid = -s.Paid,
            Adjustments = s.Adjustments.Select(a => a with { Amount = -a.Amount }).ToArray(),
        }).ToArray(),
    };

    /// <summary>
    /// The book before <paramref name="advice"/>: its claims, and for each reversal it carries the
    /// original payment it reverses, posted from an earlier 835 (trace EARLIER-n) as CodeLedger would have.
    /// </summary>
    public static RemittanceBook BookBefore(RemittanceAdvice835 advice, IReadOnlyList<RemitClaim> claims)
    {
        var book = RemittanceBook.Of(claims);
        var originals = advice.Claims.Where(c => c.Status == ClaimStatus.Reversal).Select(Original).ToArray();
        if (originals.Length == 0)
        {
            return book;
        }

        var earlier = new RemittanceAdvice835(
            advice.Header with { TraceNumber = "EARLIER-" + advice.Header.TraceNumber, TotalPayment = originals.Sum(o => o.Paid) },
            originals, []);
        return book.After(RemittancePoster.Plan(earlier, book, new PostingOptions(AcceptUnbalanced: true)));
    }

    /// <summary>A small balanced 835 built in code: claims PCN-1 (two lines) and PCN-2 (denied), optional extra segments.</summary>
    public const string Standard =
        "CLP*PCN-1*1*250*145*20*12*PAYERCCN1~" +
        "NM1*QC*1*DOE*JANE****MI*M123~" +
        "SVC*HC:99214:25*150*80**1~DTM*472*20240301~CAS*CO*45*50~CAS*PR*3*20~" +
        "SVC*HC:36415*100*65**1~DTM*472*20240301~CAS*CO*45*35~" +
        "CLP*PCN-2*4*80*0**12*PAYERCCN2~" +
        "NM1*QC*1*ROE*SAM~" +
        "SVC*HC:93000*80*0**1~DTM*472*20240302~CAS*CO*16*80~LQ*HE*M76~";

    /// <summary>The reversal of PCN-1 as <see cref="Standard"/> paid it (claim-level CAS, negated).</summary>
    public const string ReversalOfPcn1 = "CLP*PCN-1*22*-250*-145*-20*12*PAYERCCN1~NM1*QC*1*DOE*JANE~CAS*CO*45*-85~CAS*PR*3*-20~";

    public static string Text(string trace = "EFT1", string bpr02 = "145", string claims = Standard, string plb = "")
    {
        var body =
            $"BPR*I*{bpr02}*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999999999*DA*654321*20240410~" +
            $"TRN*1*{trace}*1512345678~" +
            "N1*PR*PAYER ONE*PI*PAYER01~N3*1 PAYER WAY~N4*SPRINGFIELD*IL*62701~PER*BL*EDI*TE*5555550199~" +
            "N1*PE*NORTH CLINIC*XX*1234567893~" +
            "LX*1~" +
            claims + plb;
        var segments = body.Split('~', StringSplitOptions.RemoveEmptyEntries).Length + 2;
        return "ISA*00*          *00*          *ZZ*PAYER01        *ZZ*CODELEDGER     *240410*1200*^*00501*000000001*0*P*:~" +
            "GS*HP*PAYER01*CODELEDGER*20240410*1200*7*X*005010X221A1~ST*835*0001*005010X221A1~" + body +
            $"SE*{segments}*0001~GE*1*7~IEA*1*000000001~";
    }

    public static List<RemitClaim> KnownClaims() =>
    [
        new("PCN-1", Practice, "PAYER01", null, 250m,
        [
            new RemitClaimLine(1, "L1", "99214", ["25"], 1, new DateOnly(2024, 3, 1), 150m),
            new RemitClaimLine(2, "L2", "36415", [], 1, new DateOnly(2024, 3, 1), 100m),
        ]),
        new("PCN-2", Practice, "PAYER01", null, 80m, [new RemitClaimLine(1, null, "93000", [], 1, new DateOnly(2024, 3, 2), 80m)]),
    ];
}
