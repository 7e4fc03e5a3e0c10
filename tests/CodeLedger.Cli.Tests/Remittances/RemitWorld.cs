using CodeLedger.Cli.Tests.Foundation;
using System.Globalization;
using CodeLedger.Core.Billing;
using CodeLedger.Core.Codes;
using CodeLedger.Storage;
using CodeLedger.Storage.Billing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Cli.Tests.Remittances;

/// <summary>
/// What <c>import remits</c> tests need that other desks fill: the practice's submitted claims
/// (claims rows on the demo's own encounters, as <c>claims submit</c> leaves them), and 835s
/// written as a payer sends them (envelope, BPR, TRN, payer with PER*BL, payee, LX, CLPs, PLB).
/// </summary>
internal static class RemitWorld
{
    public const string Practice = "NORTHSIDE-FM";

    public sealed record Line(string Code, decimal Charge, string Date, params string[] Modifiers);

    /// <summary>Stores one submitted claim per (CLM01, lines), each on an encounter of the practice that has no claim yet; returns their row ids.</summary>
    public static async Task<List<Guid>> SeedClaimsAsync(string db, string practice, params (string ClaimId, Line[] Lines)[] claims) =>
        await SeedClaimsAsync(await CodeLedgerStore.OpenAsync(db, TestClock.Create(), TestContext.Current.CancellationToken), practice, claims);

    /// <summary>The same into an open store (PostgreSQL, whose PHI key the test holds).</summary>
    public static async Task<List<Guid>> SeedClaimsAsync(CodeLedgerStore store, string practice, params (string ClaimId, Line[] Lines)[] claims)
    {
        var ids = new List<Guid>();
        await store.WriteAsync("claims-test", async (ctx, ledger) =>
        {
            var practiceId = await ctx.Organizations.Where(o => o.Code == practice).Select(o => o.Id).SingleAsync();
            var taken = await ctx.Set<ClaimRow>().Select(c => c.EncounterId).ToListAsync();
            var encounters = (await ctx.Encounters.Where(e => e.PracticeId == practiceId).Select(e => new { e.Id, e.ExternalId }).ToListAsync())
                .Where(e => !taken.Contains(e.Id)).OrderBy(e => e.ExternalId, StringComparer.Ordinal).ToList();
            var sent = new List<(ClaimRow, string)>();
            for (var i = 0; i < claims.Length; i++)
            {
                var (claimId, lines) = claims[i];
                var rows = lines.Select((l, n) => new ClaimLineRow(n + 1, $"{claimId}-L{n + 1}", l.Code, l.Modifiers, 1, [1],
                    DateOnly.ParseExact(l.Date, "yyyyMMdd", CultureInfo.InvariantCulture), l.Charge, l.Charge)).ToList();
                var row = new ClaimRow
                {
                    Id = Guid.NewGuid(), PracticeId = practiceId, EncounterId = encounters[i].Id, ClaimId = claimId, Submission = 1, Frequency = ClaimFrequency.Original,
                    Status = ClaimStatus.Submitted, PayerCode = "PAYER-ONE", PayerId = "PAYER01", TotalCharge = Money.FromDecimal(lines.Sum(l => l.Charge)), Lines = rows,
                    BuiltAt = new DateTimeOffset(2026, 9, 20, 14, 0, 0, TimeSpan.Zero), BuiltBy = "claims-test",
                    SubmittedAt = new DateTimeOffset(2026, 9, 21, 9, 0, 0, TimeSpan.Zero), InterchangeControlNumber = 1, GroupControlNumber = 1, TransactionControlNumber = 1, ReceiverId = "PAYER01", FileName = "out.837",
                };
                ctx.Add(row);
                ids.Add(row.Id);
                sent.Add((row, encounters[i].ExternalId));
            }

            // Ledgered as claims submit ledgers them, so `ledger verify` holds the seeded rows.
            Billing.ClaimLedger.RecordSent(ledger, practice, sent);

            await ctx.SaveChangesAsync();
        });
        SqliteConnection.ClearAllPools();
        return ids;
    }

    /// <summary>An 835 of payer PAYER01 (TRN03 1512345678) paying <paramref name="claims"/> (CLP loops) on BPR16 <paramref name="date"/>.</summary>
    public static string Text(string claims, string bpr02, string trace = "EFT1", string plb = "", string date = "20261010")
    {
        var body =
            $"BPR*I*{bpr02}*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999999999*DA*654321*{date}~" +
            $"TRN*1*{trace}*1512345678~" +
            "N1*PR*PAYER ONE*XV*PAYER01~N3*1 PAYER WAY~N4*SPRINGFIELD*IL*62701~PER*BL*EDI*TE*5555550199~" +
            "N1*PE*NORTH CLINIC*XX*1234567893~" +
            "LX*1~" +
            claims + plb;
        var segments = body.Split('~', StringSplitOptions.RemoveEmptyEntries).Length + 2;
        return "ISA*00*          *00*          *ZZ*PAYER01        *ZZ*CODELEDGER     *261010*1200*^*00501*000000001*0*P*:~" +
            "GS*HP*PAYER01*CODELEDGER*20261010*1200*7*X*005010X221A1~ST*835*0001*005010X221A1~" + body +
            $"SE*{segments}*0001~GE*1*7~IEA*1*000000001~";
    }

    /// <summary>PCN-1 paid on two lines (CO-45 and PR-3 deductible), PCN-2 denied whole for a missing modifier (CO-4, coding).</summary>
    public const string Standard =
        "CLP*PCN-1*1*250*145*20*12*PAYERCCN1~" +
        "NM1*QC*1*DOE*JANE****MI*M123~" +
        "SVC*HC:99214:25*150*80**1~DTM*472*20260915~CAS*CO*45*50~CAS*PR*3*20~" +
        "SVC*HC:36415*100*65**1~DTM*472*20260915~CAS*CO*45*35~" +
        "CLP*PCN-2*4*80*0**12*PAYERCCN2~" +
        "NM1*QC*1*ROE*SAM~" +
        "SVC*HC:93000*80*0**1~DTM*472*20260916~CAS*CO*4*80~LQ*HE*M20~";

    /// <summary>The claims <see cref="Standard"/> pays, as CodeLedger sent them.</summary>
    public static (string, Line[])[] StandardClaims() =>
    [
        ("PCN-1", [new Line("99214", 150m, "20260915", "25"), new Line("36415", 100m, "20260915")]),
        ("PCN-2", [new Line("93000", 80m, "20260916")]),
    ];

    public static List<string> Query(string db, string sql) => SqliteRows.Query(db, sql);

    public static int Count(string db, string sql) => SqliteRows.Count(db, sql);

    public static void Execute(string db, string sql) => SqliteRows.Execute(db, sql);
}
