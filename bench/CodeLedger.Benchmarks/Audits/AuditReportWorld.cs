using CodeLedger.Benchmarks.CodeSets;
using CodeLedger.Benchmarks.Workflow;
using CodeLedger.Core.Audits;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Tenancy;
using CodeLedger.Core.Workflow;
using CodeLedger.Storage;
using CodeLedger.Storage.Audits;
using CodeLedger.Storage.Claims;
using CodeLedger.Storage.Protection;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Benchmarks.Audits;

/// <summary>
/// An audit of <c>audited</c> encounters in a fresh SQLite database, for the report benchmarks:
/// that many finalized encounters (the workflow benchmarks' bulk inserter), the frame read with the
/// real <see cref="AuditPopulationReader"/>, the sample drawn with the real sampler, and the audit
/// rows inserted through the DbContext in the real schema, 5% of the vendor codings wrong in three
/// components (10,000 desk writes, one transaction and ledger event each, would make the setup the
/// benchmark).
/// </summary>
internal sealed class AuditReportWorld : IDisposable
{
    private AuditReportWorld(BenchDatabase database, CodeLedgerStore store, string audit)
    {
        Database = database;
        Store = store;
        Audit = audit;
    }

    public BenchDatabase Database { get; }

    public CodeLedgerStore Store { get; }

    /// <summary>The audit's id as <c>audit report</c> takes it.</summary>
    public string Audit { get; }

    public static async Task<AuditReportWorld> CreateAsync(int audited)
    {
        var database = BenchDatabase.Create("sqlite", "audit-report");
        var store = await CodeLedgerStore.OpenAsync(database.Spec, TimeProvider.System, PhiKey.Generate());
        var data = new WorkflowBenchData();
        await data.SaveWorldAsync(store);
        await data.SeedFinalizedMonthAsync(store, audited);
        var firm = new Organization(new Guid("6a0c7f9e-0000-4000-8000-000000000003"), "BENCH-AUDIT", "Bench Audit Firm", OrganizationKind.AuditFirm);

        var from = new DateOnly(2026, 3, 1);
        var to = new DateOnly(2026, 3, 31);
        var frame = await new AuditPopulationReader(store).LoadAsync(data.Practice.Id, from, to);
        Dictionary<Guid, Guid?> coders;
        await using (var db = store.CreateContext())
        {
            coders = await db.Set<WorkItem>().AsNoTracking().ToDictionaryAsync(w => w.EncounterId, w => w.CoderId);
        }

        var plan = AuditPlan.Create(data.Practice.Id, from, to, "bench", size: audited);
        var sample = AuditSampler.Draw([.. frame.Select(r => new AuditPopulationMember(r.EncounterId, r.EncounterKey, Npi.Parse(r.PhysicianNpi), r.Specialty, coders[r.EncounterId], r.DateOfService))], plan);
        if (sample.Members.Count != audited)
        {
            throw new InvalidOperationException($"the seeded frame gave {sample.Members.Count} sampled encounters, not {audited}");
        }

        using var cf = File.OpenText(BenchData.Path("pfs-rvu", "conversion_factors_2024_2026.csv"));
        var factor = ConversionFactorTable.Read(cf, "conversion_factors_2024_2026.csv").Periods.Single(p => p.From <= from && to <= p.Through);
        var id = new Guid("6a0c7f9e-0000-4000-8000-00000000a001");
        var now = DateTimeOffset.UtcNow;
        var grant = new AuditGrant(Guid.NewGuid(), firm.Id, data.Practice.Id, sample.Members.Select(m => m.Member.EncounterId), now, now + AuditDesk.GrantPeriod);
        var right = CodingSubmission.Parse("""{"diagnoses": ["E11.65", "I10"], "lines": [{"code": "99213", "charge": "100.00", "pointers": [1, 2]}]}""");
        var over = CodingSubmission.Parse("""{"diagnoses": ["E11.9", "I10"], "lines": [{"code": "99214", "modifiers": ["25"], "charge": "100.00", "pointers": [1]}]}""");

        // The RVUs the desk freezes with each recorded coding (real CY2026 non-facility totals of 99213 and 99214).
        List<AuditCodingRecorded.Price> prices = [new("99213", [], 2.66m), new("99214", ["25"], 3.76m)];
        await using (var db = store.CreateContext())
        {
            db.Add(firm);
            db.Add(new AuditEngagementRow
            {
                Id = id, PracticeId = data.Practice.Id, AuditorOrganizationId = firm.Id, Kind = AuditBook.Word(plan.Kind), Adjudicator = "bench-judge", Seed = plan.Seed,
                FromDate = from, ToDate = to, FixedSize = plan.FixedSize, SizeFromMargin = plan.SizeFromMargin, Margin = plan.Margin, ExpectedAccuracy = plan.ExpectedAccuracy,
                Stratification = AuditBook.Word(plan.Stratification), PerStratum = plan.PerStratum, Specialty = plan.Specialty, Floor = plan.Floor, Definition = plan.Definition,
                FrameSize = sample.FrameSize, RequiredSize = sample.RequiredSize, Strata = [.. sample.Strata.Select(s => new AuditSampled.Stratum(s.Name, s.FrameCount, s.Allocated))],
                ConversionFactors = [new AuditSampled.Factor(factor.From, factor.Through, factor.Type, factor.Factor)], GrantId = grant.Id, CreatedBy = "bench", CreatedAt = now,
            });
            db.Add(grant);
            await db.SaveChangesAsync();
        }

        foreach (var chunk in sample.Members.Chunk(2_000))
        {
            await using var db = store.CreateContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var m in chunk)
            {
                db.Add(new AuditSampleMemberRow
                {
                    AuditId = id, Position = m.Position, EncounterId = m.Member.EncounterId, EncounterKey = m.Member.EncounterKey, PhysicianNpi = m.Member.Physician.Value,
                    Specialty = m.Member.Specialty, CoderId = m.Member.CoderId, DateOfService = m.Member.DateOfService, Stratum = m.Stratum, StratumRank = m.StratumRank,
                });
                var vendor = m.Position % 20 == 0 ? over : right;
                db.Add(new AuditCodingRow
                {
                    Id = Guid.NewGuid(), AuditId = id, EncounterId = m.Member.EncounterId, RecordedBy = "bench-auditor", RecordedAt = now,
                    Diagnoses = [.. right.Diagnoses], ServiceLines = [.. right.Lines], VendorSource = AuditDesk.CodeLedgerFinal, VendorVersion = 1,
                    VendorDiagnoses = [.. vendor.Diagnoses], VendorServiceLines = [.. vendor.Lines], Prices = prices, ConversionFactor = factor.Factor,
                });
            }

            await db.SaveChangesAsync();
        }

        var world = new AuditReportWorld(database, store, id.ToString("D"));
        var check = await new AuditDesk(store).ReportAsync(world.Audit, null);
        if (check.Figures.Audited != audited || check.Findings.Count == 0)
        {
            throw new InvalidOperationException($"the seeded audit reports {check.Figures.Audited} audited encounters and {check.Findings.Count} findings");
        }

        return world;
    }

    public void Dispose() => Database.Dispose();
}
