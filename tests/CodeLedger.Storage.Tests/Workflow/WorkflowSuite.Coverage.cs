using CodeLedger.Core.Billing;
using CodeLedger.Core.Tenancy;
using CodeLedger.Core.Accounts;
using CodeLedger.Storage.Billing;
using CodeLedger.Storage.Ledger;
using CodeLedger.Storage.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Tests.Workflow;

/// <summary>
/// Coverage at intake on a real database (SQLite and PostgreSQL; docs/INTAKE.md, "Coverage"): the
/// policy is stored encrypted and read back whole, the same visits twice change nothing, a changed
/// one is the next version; another tenant's users see neither the coverage nor the practice's
/// payers; and ledger verify replays it all.
/// </summary>
public abstract partial class WorkflowSuite
{
    private static readonly ClaimCoverage ChildPolicy = new("AETNA", "W123", SubscriberRelationship.Child, "G-1", "Garcia", "Rosa", new DateOnly(1960, 2, 3), Core.Encounters.PatientSex.Female);
    private static readonly BillingAddress Home = new("12 Elm Street", null, "Austin", "TX", "78702");

    [Fact]
    public async Task A_coverage_is_stored_encrypted_by_version_hidden_from_another_tenant_and_replayed()
    {
        await using var h = await StartAsync();
        var t = await SecondTenantAsync(h);
        await h.Store.WriteAsync("setup", (db, _) =>
        {
            db.Add(new PayerRow { Id = Guid.NewGuid(), PracticeId = h.World.Practice.Id, Code = "AETNA", Name = "Aetna", PayerId = "60054", ClaimFilingIndicator = "CI",
                InterchangeQualifier = "ZZ", InterchangeId = "AVAILITY", GroupReceiverCode = "030240928" });
            return Task.CompletedTask;
        }, Ct);
        var visit = WorkflowWorld.Visit("A-1", h.Now) with { Coverage = ChildPolicy, PatientAddress = Home };

        var first = await h.ImportAsync(visit, WorkflowWorld.Visit("A-2", h.Now) with { Coverage = ChildPolicy with { PayerCode = "UNITED" } });
        var again = await h.ImportAsync(visit);
        var changed = await h.ImportAsync(visit with { Coverage = ChildPolicy with { MemberId = "W124" } });
        await ImportSouthAsync(h, "S-1");

        Assert.Equal((2, 0), (first.Coverages, first.Warnings.Count(w => w.Contains("AETNA", StringComparison.Ordinal))));
        Assert.Single(first.Warnings, w => w.StartsWith("payer code UNITED is not a payer of FM-NORTH", StringComparison.Ordinal));
        Assert.Equal((0, 1), (again.Coverages, again.Unchanged));
        Assert.Equal((1, 1), (changed.Coverages, changed.Corrected));
        await using (var all = h.Store.CreateContext())
        {
            var rows = await all.Set<EncounterCoverageRow>().OrderBy(c => c.PayerCode).ThenBy(c => c.Version).ToListAsync(Ct);
            Assert.Equal([("AETNA", 1, "W123"), ("AETNA", 2, "W124"), ("UNITED", 1, "W123")], rows.Select(r => (r.PayerCode, r.Version, r.Policy.MemberId)));
            Assert.Equal(ChildPolicy, rows[0].Policy);
            Assert.Equal(Home, rows[0].PatientAddress);
        }

        await using (var rival = await h.Store.CreateContextAsync(CoderOf(t.RivalLead), Ct))
        {
            Assert.Empty(await rival.Set<EncounterCoverageRow>().ToListAsync(Ct));
            Assert.Empty(await rival.Set<PayerRow>().ToListAsync(Ct));
        }

        await using (var south = await h.Store.CreateContextAsync(new Principal("south-admin", UserRole.PracticeAdmin, t.South.Id), Ct))
        {
            Assert.Empty(await south.Set<PayerRow>().ToListAsync(Ct));
        }

        await using (var north = await h.Store.CreateContextAsync(new Principal("north-admin", UserRole.PracticeAdmin, h.World.Practice.Id), Ct))
        {
            Assert.Equal(3, await north.Set<EncounterCoverageRow>().CountAsync(Ct));
        }

        // The payer was seeded without its event (setup's part), so only the coverages are checked here.
        var verified = await new ReplayVerifier(h.Store).VerifyAsync(Ct);
        Assert.DoesNotContain(verified.Divergences, d => d.Message.Contains("encounter_coverages", StringComparison.Ordinal) || d.Message.Contains("coverage.recorded", StringComparison.Ordinal));
    }
}
