using System.Text;
using CodeLedger.Core.Accounts;
using CodeLedger.Core.Billing;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;
using CodeLedger.Core.Turnaround;
using CodeLedger.Storage.Billing;
using CodeLedger.Storage.Denials;
using CodeLedger.Storage.Ledger;
using CodeLedger.Storage.Remittances;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Tests.Remittances;

/// <summary>
/// The remittance desk on a real database, once on SQLite and once on PostgreSQL (docs/REMITTANCE.md):
/// a payment posts once with its events and replays to the stored rows; a reversal nets the claim to
/// zero; an unmatched CLP waits until matched by hand; a refused file or another practice's user
/// stores nothing.
/// </summary>
public abstract class RemittanceDeskSuite(DatabaseProvider provider)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Paid =
        "CLP*PCN-1*1*250*145*20*12*PAYERCCN1~NM1*QC*1*DOE*JANE~" +
        "SVC*HC:99214:25*150*80**1~DTM*472*20260302~CAS*CO*45*50~CAS*PR*3*20~" +
        "SVC*HC:36415*100*65**1~DTM*472*20260302~CAS*CO*45*35~";

    private const string Reversal = "CLP*PCN-1*22*-250*-145*-20*12*PAYERCCN1~NM1*QC*1*DOE*JANE~CAS*CO*45*-85~CAS*PR*3*-20~";

    private const string Stray = "CLP*ACCT-9*4*90*0**12*PAYERCCN9~NM1*QC*1*POE*ANN~SVC*HC:99213*90*0**1~DTM*472*20260302~CAS*CO*16*90~LQ*HE*MA130~";

    private static byte[] Era(string claims, string bpr02, string trace) =>
        Encoding.ASCII.GetBytes(Text(claims, bpr02, trace));

    private static string Text(string claims, string bpr02, string trace)
    {
        var body =
            $"BPR*I*{bpr02}*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999999999*DA*654321*20260320~TRN*1*{trace}*1512345678~" +
            "N1*PR*PAYER ONE*XV*PAYER01~N3*1 PAYER WAY~N4*SPRINGFIELD*IL*62701~PER*BL*EDI*TE*5555550199~N1*PE*NORTH CLINIC*XX*1234567893~LX*1~" + claims;
        var segments = body.Split('~', StringSplitOptions.RemoveEmptyEntries).Length + 2;
        return "ISA*00*          *00*          *ZZ*PAYER01        *ZZ*CODELEDGER     *260320*1200*^*00501*000000001*0*P*:~" +
            "GS*HP*PAYER01*CODELEDGER*20260320*1200*7*X*005010X221A1~ST*835*0001*005010X221A1~" + body + $"SE*{segments}*0001~GE*1*7~IEA*1*000000001~";
    }

    private async Task<(TestDatabase Database, CodeLedgerStore Store, SampleData Data, Principal Admin)> WorldAsync()
    {
        var database = await TestDatabase.CreateAsync(provider);
        var store = await database.OpenAsync();
        var d = new SampleData();
        await StorageSuite.SaveAllAsync(store, d);
        await store.WriteAsync("claims-test", (db, _) =>
        {
            db.Add(new ClaimRow
            {
                Id = Guid.NewGuid(), PracticeId = d.Practice.Id, EncounterId = d.Encounter.Id, ClaimId = "PCN-1", Submission = 1, Frequency = ClaimFrequency.Original,
                Status = ClaimStatus.Submitted, PayerId = "PAYER01", TotalCharge = Money.Parse("250.00"),
                Lines =
                [
                    new ClaimLineRow(1, "PCN-1-L1", "99214", ["25"], 1, [1, 2], new DateOnly(2026, 3, 2), 150m, 150m),
                    new ClaimLineRow(2, "PCN-1-L2", "36415", [], 1, [1], new DateOnly(2026, 3, 2), 100m, 100m),
                ],
                BuiltAt = new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero), BuiltBy = "claims-test", SubmittedAt = new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero),
            });
            return Task.CompletedTask;
        }, Ct);
        return (database, store, d, new Principal("pa-north", UserRole.PracticeAdmin, d.Practice.Id));
    }

    private static readonly string[] Tables = ["remittance_payments", "claim_postings", "provider_adjustments", "unmatched_claim_payments", "denial_work_items", "remittance."];

    /// <summary>The divergences of the remittance tables and events (the sample world's own rows are stored without replayable events).</summary>
    private static async Task<IReadOnlyList<string>> DivergencesAsync(CodeLedgerStore store) =>
        [.. (await new ReplayVerifier(store).VerifyAsync(Ct)).Divergences.Select(d => d.ToString()).Where(d => Tables.Any(t => d.Contains(t, StringComparison.Ordinal)))];

    [Fact]
    public async Task A_payment_posts_once_and_its_reversal_nets_the_claim_to_zero_and_both_replay()
    {
        var (database, store, d, admin) = await WorldAsync();
        await using var _ = database;
        var desk = new RemittanceDesk(store);

        var first = await desk.ImportAsync(d.Practice.Code, admin, "era-1.835", Era(Paid, "145", "EFT1"), false, Ct);
        var again = await desk.ImportAsync(d.Practice.Code, admin, "era-1.835", Era(Paid, "145", "EFT1"), false, Ct);
        var reversed = await desk.ImportAsync(d.Practice.Code, admin, "era-2.835", Era(Reversal, "-145", "EFT2"), false, Ct);

        Assert.Equal((1, 1, 2, 145m), (first.PaymentsPosted, first.ClaimsMatched, first.Lines, first.TotalPosted));
        Assert.Equal((0, 1), (again.PaymentsPosted, again.PaymentsAlreadyPosted));
        Assert.Equal((1, 1), (reversed.PaymentsPosted, reversed.Reversals));
        await using var db = store.CreateContext();
        var postings = await db.Set<ClaimPostingRow>().ToListAsync(Ct);
        Assert.Equal(2, postings.Count);
        Assert.Equal((0m, 0m), (postings.Sum(p => p.Charge), postings.Sum(p => p.Paid)));
        Assert.Equal(0m, postings.Sum(p => p.Adjustments.Sum(a => a.Amount) + p.Lines.Sum(l => l.Adjustments.Sum(a => a.Amount))));
        Assert.Equal(postings.Single(p => p.Status == "1").Id, postings.Single(p => p.Status == "22").ReversesPostingId);
        var claim = await db.Set<ClaimRow>().SingleAsync(Ct);
        Assert.Equal((ClaimStatus.Paid, "PAYERCCN1"), (claim.Status, claim.PayerClaimControlNumber));
        Assert.Equal(2, await db.LedgerEvents.CountAsync(e => e.Type == "remittance.posted", Ct));
        Assert.Empty(await DivergencesAsync(store));
    }

    [Fact]
    public async Task An_unmatched_payment_waits_in_the_queue_until_matched_by_hand_and_its_denial_is_counted_in_the_month()
    {
        var (database, store, d, admin) = await WorldAsync();
        await using var _ = database;
        var desk = new RemittanceDesk(store);

        var posted = await desk.ImportAsync(d.Practice.Code, admin, "era.835", Era(Stray, "0", "CHK7"), false, Ct);
        var queue = await desk.UnmatchedAsync(d.Practice.Code, admin, Ct);
        Assert.Equal(0, posted.ClaimsMatched);
        Assert.Equal("1512345678/CHK7|ACCT-9|PAYERCCN9|4|90", Assert.Single(queue) is var u ? $"{u.Payment}|{u.PatientControlNumber}|{u.PayerClaimControlNumber}|{u.Status}|{u.Charge:0}" : "");
        Assert.Empty(await DivergencesAsync(store));

        var matched = await desk.MatchAsync(d.Practice.Code, admin, "CHK7", "ACCT-9", "PCN-1", Ct);

        Assert.Equal(("denied", "BillingFrontEnd"), (matched.ClaimStatus, matched.Denial));
        Assert.Empty(await desk.UnmatchedAsync(d.Practice.Code, admin, Ct));
        Assert.Empty(await DivergencesAsync(store));
        var report = await new DenialDesk(store).ReportAsync(d.Practice.Code, admin, SlaMonth.Parse("2026-03"), null, Ct);
        Assert.Equal((1, 1, 90m), (report.AdjudicatedClaims, report.DeniedClaims, report.DeniedDollars));
        Assert.Equal("MA130", Assert.Single(report.ByRarc).Key);
    }

    [Fact]
    public async Task A_truncated_file_or_another_practices_user_stores_nothing()
    {
        var (database, store, d, admin) = await WorldAsync();
        await using var _ = database;
        var desk = new RemittanceDesk(store);
        var text = Text(Paid, "145", "EFT1");
        var vendorAdmin = new Principal("va-acme", UserRole.VendorAdmin, d.Vendor.Id);

        var cut = await Assert.ThrowsAsync<DomainException>(() => desk.ImportAsync(d.Practice.Code, admin, "cut.835", Encoding.ASCII.GetBytes(text[..(text.Length / 2)]), false, Ct));
        var other = await Assert.ThrowsAsync<DomainException>(() => desk.ImportAsync(d.Practice.Code, vendorAdmin, "era.835", Encoding.ASCII.GetBytes(text), false, Ct));

        Assert.Equal("REMIT-UNREADABLE", cut.Code);
        Assert.Contains("nothing was posted", cut.Message, StringComparison.Ordinal);
        Assert.NotEqual("REMIT-UNREADABLE", other.Code);
        await using var db = store.CreateContext();
        Assert.Equal(0, await db.Set<RemittancePaymentRow>().CountAsync(Ct));
        Assert.Equal(0, await db.LedgerEvents.CountAsync(e => e.Type == "remittance.posted", Ct));
    }
}

public sealed class SqliteRemittanceDeskTests() : RemittanceDeskSuite(DatabaseProvider.Sqlite);

public sealed class PostgresRemittanceDeskTests() : RemittanceDeskSuite(DatabaseProvider.PostgreSql);
