using System.Text;
using CodeLedger.Core.Accounts;
using CodeLedger.Core.Billing;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Organizations;
using CodeLedger.Storage.Acknowledgments;
using CodeLedger.Storage.Billing;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Tests.Acknowledgments;

/// <summary>
/// <see cref="AcknowledgmentDesk"/> on SQLite and PostgreSQL: a 277CA accepts one submitted claim
/// (keeping the payer's claim control number) and sends another back to the fix queue with its
/// reasons, in one write with its <c>acks.imported</c> event; the same file again changes nothing;
/// a vendor under a BAA in force imports for the practice it names; another practice's admin and a
/// truncated file change nothing.
/// </summary>
public abstract class AcknowledgmentSuite(DatabaseProvider provider)
{
    private async Task<(TestDatabase Db, CodeLedgerStore Store, SampleData Data, Principal Admin)> WorldAsync()
    {
        var database = await TestDatabase.CreateAsync(provider);
        var store = await database.OpenAsync();
        var d = new SampleData();
        await StorageSuite.SaveAllAsync(store, d);
        await store.WriteAsync("seed", async (db, _) =>
        {
            foreach (var (claimId, n) in new[] { ("FMN-123-1", 1), ("FMN-124-1", 2) })
            {
                db.Add(new ClaimRow
                {
                    Id = Guid.NewGuid(), PracticeId = d.Practice.Id, EncounterId = d.Encounter.Id, ClaimId = claimId, Submission = n,
                    Frequency = ClaimFrequency.Original, Status = ClaimStatus.Submitted, PayerCode = "ACME", PayerId = "12345", TotalCharge = Money.Parse("125.00"),
                    Lines = [new ClaimLineRow(1, "1", "99213", [], 1, [1], new DateOnly(2026, 3, 2), 125m, 125m)],
                    BuiltAt = database.Time.GetUtcNow(), BuiltBy = "pa-north", SubmittedAt = database.Time.GetUtcNow(),
                    InterchangeControlNumber = 3, ReceiverId = "PAYER01", GroupControlNumber = 3, TransactionControlNumber = 1, FileName = "outbox/3.x12",
                });
            }

            await db.SaveChangesAsync();
        });
        return (database, store, d, new Principal("pa-north", UserRole.PracticeAdmin, d.Practice.Id));
    }

    private static byte[] Ack277(params (string ClaimId, string Status, string Action, string? PayerNumber)[] claims)
    {
        var body = new List<string>
        {
            "ST*277*0001*005010X214", "BHT*0085*08*277CA0001*20260303*0805*TH",
            "HL*1**20*1", "NM1*PR*2*ACME HEALTH PLAN*****PI*12345", "TRN*1*277CA0001", "DTP*050*D8*20260302", "DTP*009*D8*20260303",
            "HL*2*1*21*1", "NM1*41*2*NORTHSIDE FAMILY MEDICINE*****46*CLSUBMIT01", "TRN*2*BATCH0003", "STC*A1:19:PR*20260303*WQ*250",
            "HL*3*2*19*1", "NM1*85*2*NORTHSIDE FAMILY MEDICINE*****XX*1234567893", "TRN*1*0", "STC*A1:19:PR**WQ*250",
        };
        var hl = 3;
        foreach (var c in claims)
        {
            body.AddRange([$"HL*{++hl}*3*PT", "NM1*QC*1*GARCIA*LUIS****MI*MBR99887766", $"TRN*2*{c.ClaimId}", $"STC*{c.Status}*20260303*{c.Action}*125"]);
            if (c.PayerNumber is not null)
            {
                body.Add($"REF*1K*{c.PayerNumber}");
            }

            body.Add("DTP*472*D8*20260302");
        }

        body.Add($"SE*{body.Count + 1}*0001");
        return Encoding.ASCII.GetBytes("ISA*00*          *00*          *ZZ*PAYER01        *ZZ*CODELEDGER     *260303*0805*^*00501*000000101*0*P*:~"
            + "GS*HN*PAYER01*CODELEDGER*20260303*0805*101*X*005010X214~" + string.Concat(body.Select(s => s + "~")) + "GE*1*101~IEA*1*000000101~");
    }

    private static readonly byte[] Mixed = Ack277(("FMN-123-1", "A2:20:PR", "WQ", "PCCN0001"), ("FMN-124-1", "A3:21:85", "U", null));

    private static async Task<List<ClaimRow>> ClaimsAsync(CodeLedgerStore store)
    {
        await using var db = store.CreateContext();
        return await db.Set<ClaimRow>().AsNoTracking().OrderBy(c => c.ClaimId).ToListAsync();
    }

    private static async Task<int> EventsAsync(CodeLedgerStore store)
    {
        await using var db = store.CreateContext();
        return await db.LedgerEvents.CountAsync();
    }

    [Fact]
    public async Task A_277CA_accepts_one_claim_and_rejects_the_other_in_one_write_with_its_event_and_twice_changes_nothing()
    {
        var (database, store, _, admin) = await WorldAsync();
        await using var _db = database;
        var desk = new AcknowledgmentDesk(store);

        var first = await desk.ImportAsync(null, admin, "acme.277", Mixed);
        var events = await EventsAsync(store);
        var again = await desk.ImportAsync(null, admin, "acme-copy.277", Mixed);

        Assert.True(first.Imported);
        Assert.Equal("277CA", first.Kind);
        var claims = await ClaimsAsync(store);
        Assert.Equal([(ClaimStatus.Accepted, "PCCN0001"), (ClaimStatus.Rejected, null)], claims.Select(c => (c.Status, c.PayerClaimControlNumber)));
        Assert.Empty(claims[0].Findings);
        var finding = Assert.Single(claims[1].Findings);
        Assert.Equal(("ACK-277CA-REJECTED", "error"), (finding.Code, finding.Severity));
        Assert.Equal("STC A3:21:85 returned as unprocessable: missing or invalid information (billing provider)", finding.Message);
        Assert.All(claims, c => Assert.Equal(database.Time.GetUtcNow(), c.AcknowledgedAt));
        Assert.False(again.Imported);
        Assert.Equal(events, await EventsAsync(store));
        await using var db = store.CreateContext();
        var payload = Assert.Single(await db.LedgerEvents.Where(e => e.Type == AcknowledgmentImported.Type).Select(e => e.Payload).ToListAsync());
        Assert.DoesNotContain("GARCIA", payload, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("MBR99887766", payload, StringComparison.Ordinal);
        Assert.Equal(1, await db.Set<AcknowledgmentRow>().CountAsync());
    }

    [Fact]
    public async Task A_vendor_under_a_BAA_in_force_imports_for_the_practice_it_names_and_must_name_one()
    {
        var (database, store, d, _) = await WorldAsync();
        await using var _db = database;
        var vendor = new Principal("va-acme", UserRole.VendorAdmin, d.Vendor.Id);

        var unnamed = await Assert.ThrowsAsync<DomainException>(() => new AcknowledgmentDesk(store).ImportAsync(null, vendor, "acme.277", Mixed));
        var named = await new AcknowledgmentDesk(store).ImportAsync(d.Practice.Code, vendor, "acme.277", Mixed);

        Assert.Contains("name the practice with --practice", unnamed.Message, StringComparison.Ordinal);
        Assert.True(named.Imported);
        Assert.Equal(ClaimStatus.Accepted, (await ClaimsAsync(store))[0].Status);
    }

    [Fact]
    public async Task Another_practices_admin_and_a_truncated_file_change_nothing()
    {
        var (database, store, d, admin) = await WorldAsync();
        await using var _db = database;
        var other = new Organization(Guid.NewGuid(), "HEART", "Heartwell Cardiology", OrganizationKind.Practice);
        await store.WriteAsync("test", (db, ledger) =>
        {
            db.Add(other);
            ledger.Append(other.Code, new OrganizationRegistered(other.Id, other.Name, other.Kind));
            return Task.CompletedTask;
        });
        var stranger = new Principal("pa-heart", UserRole.PracticeAdmin, other.Id);
        var events = await EventsAsync(store);

        var refused = await Assert.ThrowsAsync<DomainException>(() => new AcknowledgmentDesk(store).ImportAsync(d.Practice.Code, stranger, "acme.277", Mixed));
        var cut = await Assert.ThrowsAsync<DomainException>(() => new AcknowledgmentDesk(store).ImportAsync(null, admin, "cut.277", Mixed[..^40]));

        Assert.Equal("ORG-UNKNOWN", refused.Code);
        Assert.Equal("ACK-UNREADABLE", cut.Code);
        Assert.StartsWith("cut.277: refused whole, nothing changed: segment", cut.Message, StringComparison.Ordinal);
        Assert.All(await ClaimsAsync(store), c => Assert.Equal(ClaimStatus.Submitted, c.Status));
        Assert.Equal(events, await EventsAsync(store));
    }
}

public sealed class SqliteAcknowledgmentTests() : AcknowledgmentSuite(DatabaseProvider.Sqlite);

public sealed class PostgresAcknowledgmentTests() : AcknowledgmentSuite(DatabaseProvider.PostgreSql);
