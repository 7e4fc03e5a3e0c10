using System.Text;
using CodeLedger.X12.Claims837;
using CodeLedger.X12.Envelope;
using CodeLedger.X12.Writing;

namespace CodeLedger.X12.Tests;

/// <summary>Small models and files built in code, so each test can break exactly one thing.</summary>
internal static class Fixtures
{
    public static Claim837Interchange Interchange837(bool ackRequested = false)
    {
        var isa = new X12InterchangeHeader("00", "", "00", "", "ZZ", "CODELEDGER", "ZZ", "PAYER01", "240315", "0930", "00501", "000000042",
            ackRequested, "T");
        var gs = new X12GroupHeader("HC", "CODELEDGER", "PAYER01", "20240315", "0930", "42", "005010X222A1");
        var header = new Transaction837Header("0001", "00", "BATCH42", "20240315", "0930", "CH",
            new X12Name("41", "2", "CODELEDGER BILLING", IdQualifier: "46", Id: "CL0001"), "EDI DESK", "5555550100",
            new X12Name("40", "2", "PAYER ONE", IdQualifier: "46", Id: "PAYER01"));
        var billing = new BillingProvider837(new X12Name("85", "2", "NORTH CLINIC", IdQualifier: "XX", Id: "1234567893"),
            new X12Address("1 MAIN ST", "SUITE 2", "SPRINGFIELD", "IL", "627010000"), "EI", "371234567");
        var payer = new X12Name("PR", "2", "PAYER ONE", IdQualifier: "PI", Id: "PAYER01");
        var self = new Subscriber837("P", "18", "GRP9", "CI", new X12Name("IL", "1", "DOE", "JANE", "Q", null, "MI", "M123"),
            new X12Address("5 ELM ST", null, "SPRINGFIELD", "IL", "62702"), new DateOnly(1980, 2, 29), "F", payer);
        var parent = new Subscriber837("P", null, null, "CI", new X12Name("IL", "1", "ROE", "RICHARD", null, "JR", "MI", "M456"),
            null, new DateOnly(1970, 1, 1), "M", payer);
        var child = new Patient837("19", new X12Name("QC", "1", "ROE", "SAM"), new X12Address("9 OAK AVE", null, "SPRINGFIELD", "IL", "62703"),
            new DateOnly(2015, 6, 30), "M");
        var rendering = new X12Name("82", "1", "SMITH", "ANNA", IdQualifier: "XX", Id: "1992753880");
        var referring = new X12Name("DN", "1", "JONES", "BOB", IdQualifier: "XX", Id: "1003000126");

        var claim1 = new Claim837(billing, self, null, "PCN-1001", 225.50m, "11", "1", "Y", "A", "Y", "Y", "AUTH77", null,
            [new Diagnosis837("ABK", "E119"), new Diagnosis837("ABF", "I10"), new Diagnosis837("ABF", "Z7984")], referring, rendering,
            [
                new ServiceLine837(1, "HC", "99214", ["25"], null, 150.00m, "UN", 1, null, [1, 2], new DateOnly(2024, 3, 1), null),
                new ServiceLine837(2, "HC", "83036", [], null, 75.50m, "UN", 1, null, [1], new DateOnly(2024, 3, 1), null, "LINEAUTH"),
            ]);
        var claim2 = new Claim837(billing, parent, child, "PCN-1002", 1200m, "22", "7", "Y", "A", "Y", "Y", null, "PAYERCCN9",
            [new Diagnosis837("ABK", "S52501A")], null, null,
            [
                new ServiceLine837(1, "HC", "25600", ["LT", "59", "XS", "GA"], "CLOSED TX RADIUS", 1100m, "UN", 1, "22", [1, 1, 1, 1],
                    new DateOnly(2024, 2, 28), new DateOnly(2024, 3, 2), null, rendering),
                new ServiceLine837(2, "HC", "01830", [], null, 100m, "MJ", 45.5m, null, [1], new DateOnly(2024, 2, 28), null),
            ]);
        var claim3 = claim2 with { PatientControlNumber = "PCN-1003", FrequencyCode = "1", PayerClaimControlNumber = null, TotalCharge = 100m,
            Lines = [claim2.Lines[1]] };
        var otherBilling = billing with { Name = billing.Name with { LastOrOrganization = "SOUTH CLINIC", Id = "1245319599" } };
        var claim4 = claim1 with { BillingProvider = otherBilling, PatientControlNumber = "PCN-1004", Referring = null, Rendering = null,
            PriorAuthorization = null, TotalCharge = 150m, Lines = [claim1.Lines[0]] };

        return new Claim837Interchange(isa, gs, [new Transaction837(header, [claim1, claim2, claim3, claim4])]);
    }

    public static string Text837(bool ackRequested = false) => Encoding.ASCII.GetString(Claim837Writer.Write(Interchange837(ackRequested)));

    public static byte[] Bytes(string text) => Encoding.ASCII.GetBytes(text);

    /// <summary>A small, balanced 835 with claim- and service-level CAS, an SVC06 re-code and a PLB.</summary>
    public static string Text835(string bpr02 = "180", string svc03 = "80", string plb = "PLB*1234567893*20241231*WO:ABC*20~")
    {
        var body =
            "BPR*I*" + bpr02 + "*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999999999*DA*654321*20240410~" +
            "TRN*1*EFT12345*1512345678~" +
            "DTM*405*20240409~" +
            "N1*PR*PAYER ONE~N3*1 PAYER WAY~N4*SPRINGFIELD*IL*62701~PER*BL*EDI*TE*5555550199~" +
            "N1*PE*NORTH CLINIC*XX*1234567893~" +
            "LX*1~" +
            "CLP*PCN-1001*1*225.5*120*20*12*PAYERCCN1~" +
            "CAS*PR*1*20~" +
            "NM1*QC*1*DOE*JANE****MI*M123~" +
            "DTM*232*20240301~" +
            "SVC*HC:99214:25*150*" + svc03 + "**1~" +
            "DTM*472*20240301~" +
            "CAS*CO*45*70~" +
            "AMT*B6*100~" +
            "LQ*HE*N130~" +
            "SVC*HC:83037*75.5*60**1*HC:83036~" +
            "DTM*472*20240301~" +
            "CAS*CO*45*15.5*1*253*0~" +
            "CLP*PCN-1002*4*1200*0**12*PAYERCCN2~" +
            "CAS*CO*50*1200~" +
            "NM1*QC*1*ROE*SAM~" +
            "CLP*PCN-1003*2*100*80*0*12*PAYERCCN3~" +
            "CAS*OA*23*20~" +
            "NM1*QC*1*POE*AL~" +
            plb;
        var segments = body.Split('~', StringSplitOptions.RemoveEmptyEntries).Length + 2;
        return Reading.X12ReaderTests.Isa() + "GS*HP*PAYER01*CODELEDGER*20240410*1200*7*X*005010X221A1~ST*835*0001*005010X221A1~" + body +
            $"SE*{segments}*0001~GE*1*7~IEA*1*000000001~";
    }
}
