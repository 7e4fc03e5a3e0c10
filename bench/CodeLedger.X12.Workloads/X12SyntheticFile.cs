using System.Globalization;
using System.Text;

namespace CodeLedger.X12.Workloads;

/// <summary>
/// Writes a deterministic, valid and balanced 837P or 835 of about the requested size, for
/// benchmarks, the comparison script and the X12 tests that need many claims. It streams: one
/// transaction set (a few thousand claims) is held at a time, because SE01 and BPR02 must be known
/// before the set is written out. The same seed and size always give the same bytes, so every
/// caller names its seed.
/// </summary>
public static class X12SyntheticFile
{
    /// <summary>The seed of the files every figure in docs/PERFORMANCE.md was measured on.</summary>
    public const int BenchmarkSeed = 20240101;

    private const int ClaimsPerTransaction = 5000;

    private static readonly string[] Procedures = ["99213", "99214", "99215", "99203", "36415", "85025", "80053", "93000", "71046", "20610", "J1100", "G0439"];
    private static readonly string[] Modifiers = ["25", "59", "LT", "RT", "XS", "GA"];
    private static readonly string[] Diagnoses = ["E119", "I10", "Z0000", "M545", "J069", "R0789", "E785", "F419", "K219", "N390", "S52501A", "Z7984"];
    private static readonly string[] Names = ["SMITH", "JOHNSON", "WILLIAMS", "BROWN", "JONES", "GARCIA", "MILLER", "DAVIS", "RODRIGUEZ", "MARTINEZ"];
    private static readonly string[] FirstNames = ["JAMES", "MARY", "ROBERT", "PATRICIA", "JOHN", "JENNIFER", "MICHAEL", "LINDA"];

    /// <summary>Writes the file and returns the number of claims in it.</summary>
    public static long Write(Stream output, X12FileKind kind, long targetBytes, int seed)
    {
        var random = new Random(seed);
        var encoding = Encoding.ASCII;
        long written = 0;
        long claims = 0;
        var transactions = 0;
        var buffer = new StringBuilder(2 * 1024 * 1024);
        var functional = kind == X12FileKind.Claim837P ? "HC" : "HP";
        var guide = kind == X12FileKind.Claim837P ? "005010X222A1" : "005010X221A1";

        void Emit(string text)
        {
            var bytes = encoding.GetBytes(text);
            output.Write(bytes);
            written += bytes.Length;
        }

        Emit("ISA*00*          *00*          *ZZ*CODELEDGER     *ZZ*PAYER01        *240315*0930*^*00501*000000001*0*P*:~\n");
        Emit($"GS*{functional}*CODELEDGER*PAYER01*20240315*0930*1*X*{guide}~\n");
        while (written < targetBytes - 200)
        {
            transactions++;
            buffer.Clear();
            var control = transactions.ToString("0000", CultureInfo.InvariantCulture);
            var remaining = targetBytes - written;
            claims += kind == X12FileKind.Claim837P
                ? Transaction837(buffer, random, control, remaining)
                : Transaction835(buffer, random, control, remaining);
            Emit(buffer.ToString());
        }

        Emit($"GE*{transactions.ToString(CultureInfo.InvariantCulture)}*1~\nIEA*1*000000001~\n");
        return claims;
    }

    private static int Transaction837(StringBuilder b, Random random, string control, long remaining)
    {
        var start = b.Length;
        var segments = 0;
        void S(string segment)
        {
            b.Append(segment).Append("~\n");
            segments++;
        }

        S($"ST*837*{control}*005010X222A1");
        S($"BHT*0019*00*{control}*20240315*0930*CH");
        S("NM1*41*2*CODELEDGER BILLING*****46*CL0001");
        S("PER*IC*EDI DESK*TE*5555550100");
        S("NM1*40*2*PAYER ONE*****46*PAYER01");
        S("HL*1**20*1");
        S("NM1*85*2*NORTH CLINIC*****XX*1234567893");
        S("N3*1 MAIN ST");
        S("N4*SPRINGFIELD*IL*627010000");
        S("REF*EI*371234567");
        var hl = 1;
        var claims = 0;
        while (claims < ClaimsPerTransaction && b.Length - start < remaining)
        {
            claims++;
            hl++;
            var member = random.Next(100000, 999999).ToString(CultureInfo.InvariantCulture);
            S($"HL*{hl.ToString(CultureInfo.InvariantCulture)}*1*22*0");
            S("SBR*P*18*GRP" + random.Next(100, 999).ToString(CultureInfo.InvariantCulture) + "******CI");
            S($"NM1*IL*1*{Names[random.Next(Names.Length)]}*{FirstNames[random.Next(FirstNames.Length)]}****MI*M{member}");
            S($"N3*{random.Next(1, 9999).ToString(CultureInfo.InvariantCulture)} ELM ST");
            S("N4*SPRINGFIELD*IL*62702");
            S($"DMG*D8*19{random.Next(30, 99).ToString(CultureInfo.InvariantCulture)}0{random.Next(1, 9).ToString(CultureInfo.InvariantCulture)}15*{(random.Next(2) == 0 ? "F" : "M")}");
            S("NM1*PR*2*PAYER ONE*****PI*PAYER01");
            var lines = random.Next(1, 5);
            var charges = new decimal[lines];
            decimal total = 0;
            for (var i = 0; i < lines; i++)
            {
                charges[i] = random.Next(1000, 50000) / 100m;
                total += charges[i];
            }

            var diagnosisCount = random.Next(1, 5);
            S($"CLM*PCN{control}{claims.ToString("00000", CultureInfo.InvariantCulture)}*{Amount(total)}***11:B:1*Y*A*Y*Y");
            if (random.Next(4) == 0)
            {
                S("REF*G1*AUTH" + random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture));
            }

            var hi = new StringBuilder("HI");
            for (var d = 0; d < diagnosisCount; d++)
            {
                hi.Append(d == 0 ? "*ABK:" : "*ABF:").Append(Diagnoses[random.Next(Diagnoses.Length)]);
            }

            S(hi.ToString());
            if (random.Next(2) == 0)
            {
                S("NM1*82*1*SMITH*ANNA****XX*1992753880");
            }

            for (var i = 0; i < lines; i++)
            {
                S($"LX*{(i + 1).ToString(CultureInfo.InvariantCulture)}");
                var modifier = random.Next(3) == 0 ? ":" + Modifiers[random.Next(Modifiers.Length)] : string.Empty;
                var pointers = diagnosisCount > 1 ? "1:2" : "1";
                S($"SV1*HC:{Procedures[random.Next(Procedures.Length)]}{modifier}*{Amount(charges[i])}*UN*{random.Next(1, 4).ToString(CultureInfo.InvariantCulture)}***{pointers}");
                S($"DTP*472*D8*202403{random.Next(10, 28).ToString(CultureInfo.InvariantCulture)}");
            }
        }

        S($"SE*{(segments + 1).ToString(CultureInfo.InvariantCulture)}*{control}");
        return claims;
    }

    private static int Transaction835(StringBuilder b, Random random, string control, long remaining)
    {
        var body = new StringBuilder(2 * 1024 * 1024);
        var segments = 0;
        void S(StringBuilder target, string segment)
        {
            target.Append(segment).Append("~\n");
            segments++;
        }

        decimal totalPaid = 0;
        var claims = 0;
        while (claims < ClaimsPerTransaction && body.Length < remaining)
        {
            claims++;
            var services = random.Next(1, 4);
            var charges = new decimal[services];
            var contractual = new decimal[services];
            decimal charge = 0, paid = 0, patient = 0;
            for (var i = 0; i < services; i++)
            {
                charges[i] = random.Next(2000, 40000) / 100m;
                contractual[i] = Math.Round(charges[i] * random.Next(10, 40) / 100m, 2);
                charge += charges[i];
            }

            var denied = random.Next(20) == 0;
            var copay = denied ? 0m : random.Next(0, 4) * 10m;
            foreach (var (c, a) in charges.Zip(contractual))
            {
                paid += denied ? 0 : c - a;
            }

            paid -= copay;
            patient = copay;
            totalPaid += paid;
            var pcn = $"PCN{control}{claims.ToString("00000", CultureInfo.InvariantCulture)}";
            S(body, $"CLP*{pcn}*{(denied ? "4" : "1")}*{Amount(charge)}*{Amount(paid)}*{Amount(patient)}*12*PY{random.Next(100000000, 999999999).ToString(CultureInfo.InvariantCulture)}*11*1");
            if (copay > 0)
            {
                S(body, $"CAS*PR*3*{Amount(copay)}");
            }

            S(body, $"NM1*QC*1*{Names[random.Next(Names.Length)]}*{FirstNames[random.Next(FirstNames.Length)]}****MI*M{random.Next(100000, 999999).ToString(CultureInfo.InvariantCulture)}");
            S(body, "DTM*232*20240301");
            for (var i = 0; i < services; i++)
            {
                var adjustment = denied ? charges[i] : contractual[i];
                S(body, $"SVC*HC:{Procedures[random.Next(Procedures.Length)]}*{Amount(charges[i])}*{Amount(charges[i] - adjustment)}**1");
                S(body, "DTM*472*20240301");
                S(body, $"CAS*CO*{(denied ? "50" : "45")}*{Amount(adjustment)}");
                if (!denied)
                {
                    S(body, $"AMT*B6*{Amount(charges[i] - adjustment)}");
                }
                else
                {
                    S(body, "LQ*HE*N130");
                }
            }
        }

        // Copays are claim-level PR adjustments and were subtracted from CLP04 above; a small
        // provider-level recovery makes BPR02 exercise the PLB term of the balance.
        var recovery = 12.34m;
        var header = new StringBuilder();
        S(header, $"ST*835*{control}*005010X221A1");
        S(header, $"BPR*I*{Amount(totalPaid - recovery)}*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999999999*DA*654321*20240410");
        S(header, $"TRN*1*EFT{control}*1512345678");
        S(header, "DTM*405*20240409");
        S(header, "N1*PR*PAYER ONE");
        S(header, "N3*1 PAYER WAY");
        S(header, "N4*SPRINGFIELD*IL*62701");
        S(header, "PER*BL*EDI*TE*5555550199");
        S(header, "N1*PE*NORTH CLINIC*XX*1234567893");
        S(header, "LX*1");
        b.Append(header).Append(body);
        b.Append("PLB*1234567893*20241231*WO:RECOVERY*").Append(Amount(recovery)).Append("~\n");
        segments++;
        b.Append("SE*").Append((segments + 1).ToString(CultureInfo.InvariantCulture)).Append('*').Append(control).Append("~\n");
        return claims;
    }

    private static string Amount(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
