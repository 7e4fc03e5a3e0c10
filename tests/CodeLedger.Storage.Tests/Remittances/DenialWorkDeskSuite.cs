using System.Text;
using CodeLedger.Core.Accounts;
using CodeLedger.Core.Billing;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;
using CodeLedger.Core.Denials;
using CodeLedger.Storage.Billing;
using CodeLedger.Storage.Denials;
using CodeLedger.Storage.Ledger;
using CodeLedger.Storage.Remittances;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Tests.Remittances;

/// <summary>
/// Denial work items on a real database, once on SQLite and once on PostgreSQL (docs/REMITTANCE.md,
/// "Work items"): a billing denial is listed, appealed by the practice's billing office with its note
/// encrypted, and resolved by the payer's next 835; every step replays to the stored rows; an edited
/// state is a divergence; a user of another practice is refused as a stranger.
/// </summary>
public abstract class DenialWorkDeskSuite(DatabaseProvider provider)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // PCN-1 denied whole: coverage terminated (CARC 27, billing and front end).
    private const string Denied =
        "CLP*PCN-1*4*250*0**12*PAYERCCN1~NM1*QC*1*DOE*JANE~" +
        "SVC*HC:99214:25*150*0**1~DTM*472*20260302~CAS*CO*27*150~" +
        "SVC*HC:36415*100*0**1~DTM*472*20260302~CAS*CO*27*100~";

    private const string Paid =
        "CLP*PCN-1*1*250*145*20*12*PAYERCCN1~NM1*QC*1*DOE*JANE~" +
        "SVC*HC:99214:25*150*80**1~DTM*472*20260302~CAS*CO*45*50~CAS*PR*3*20~" +
        "SVC*HC:36415*100*65**1~DTM*472*20260302~CAS*CO*45*35~";

    private static byte[] Era(string claims, string bpr02, string trace)
    {
        var body =
            $"BPR*I*{bpr02}*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999999999*DA*654321*20260320~TRN*1*{trace}*1512345678~" +
            "N1*PR*PAYER ONE*XV*PAYER01~N3*1 PAYER WAY~N4*SPRINGFIELD*IL*62701~PER*BL*EDI*TE*5555550199~N1*PE*NORTH CLINIC*XX*1234567893~LX*1~" + claims;
        var segments = body.Split('~', StringSplitOptions.RemoveEmptyEntries).Length + 2;
        return Encoding.ASCII.GetBytes("ISA*00*          *00*          *ZZ*PAYER01        *ZZ*CODELEDGER     *260320*1200*^*00501*000000001*0*P*:~" +
            "GS*HP*PAYER01*CODELEDGER*20260320*1200*7*X*005010X221A1~ST*835*0001*005010X221A1~" + body + $"SE*{segments}*0001~GE*1*7~IEA*1*000000001~");
    }

    private static readonly string[] Tables = ["remittance_payments", "claim_postings", "denial_work_items", "denial_work_steps", "remittance.", "denial."];

    private static async Task<IReadOnlyList<string>> DivergencesAsync(CodeLedgerStore store) =>
        [.. (await new ReplayVerifier(store).VerifyAsync(Ct)).Divergences.Select(d => d.ToString()).Where(d => Tables.Any(t => d.Contains(t, StringComparison.Ordinal)))];

    [Fact]
    public async Task A_billing_denial_is_appealed_by_the_practice_resolved_by_the_next_835_and_every_step_replays()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
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
        var admin = new Principal("pa-north", UserRole.PracticeAdmin, d.Practice.Id);
        var stranger = new Principal("pa-other", UserRole.PracticeAdmin, d.Auditor.Id);
        var remits = new RemittanceDesk(store);
        var work = new DenialWorkDesk(store);

        await remits.ImportAsync(d.Practice.Code, admin, "era-1.835", Era(Denied, "0", "EFT1"), false, Ct);
        var item = Assert.Single(await work.ListAsync(d.Practice.Code, admin, new DenialWorkFilter(), Ct));
        Assert.Equal(("PCN-1", "BillingFrontEnd", "Billing", "open", 250m), (item.ClaimId, item.RootCause, item.Team, item.State, item.Amount));
        Assert.Equal(["CO-27"], item.Carcs);

        Assert.Equal("ORG-UNKNOWN", (await Assert.ThrowsAsync<DomainException>(() => work.ListAsync(d.Practice.Code, stranger, new DenialWorkFilter(), Ct))).Code);
        Assert.Equal("DENIAL-ITEM-UNKNOWN", (await Assert.ThrowsAsync<DomainException>(() => work.StepAsync(item.Item, DenialStep.Appeal, "x", stranger, Ct))).Code);

        database.Time.Advance(TimeSpan.FromDays(3));
        var appealed = await work.StepAsync(item.Item[..DenialWorkDesk.ShortIdLength], DenialStep.Appeal, "member DOE JANE was covered on 2026-03-02", admin, Ct);
        Assert.Equal(("open", "appealed"), (appealed.From, appealed.To));
        Assert.DoesNotContain("DOE", string.Concat(await database.RawAsync("SELECT note FROM denial_work_steps")), StringComparison.Ordinal);
        Assert.Empty(await DivergencesAsync(store));

        await remits.ImportAsync(d.Practice.Code, admin, "era-2.835", Era(Paid, "145", "EFT2"), false, Ct);
        var resolved = Assert.Single(await work.ListAsync(d.Practice.Code, admin, new DenialWorkFilter(), Ct));
        Assert.Equal(("resolved", "paid", 3), (resolved.State, resolved.LastStep, resolved.AgeDays));
        Assert.Empty(await work.ListAsync(d.Practice.Code, admin, new DenialWorkFilter(State: DenialWorkState.Open), Ct));
        Assert.Empty(await DivergencesAsync(store));

        await database.TamperAsync("UPDATE denial_work_items SET state = 'Open'");
        Assert.Contains(await DivergencesAsync(store), x => x.Contains("denial_work_items", StringComparison.Ordinal) && x.Contains("state", StringComparison.Ordinal));
    }
}

public sealed class SqliteDenialWorkDeskTests() : DenialWorkDeskSuite(DatabaseProvider.Sqlite);

public sealed class PostgresDenialWorkDeskTests() : DenialWorkDeskSuite(DatabaseProvider.PostgreSql);
