using CodeLedger.Core.Accounts;
using CodeLedger.Core.Agreements;
using CodeLedger.Core.Audits;
using CodeLedger.Core.Coders;
using CodeLedger.Core.Codes;
using CodeLedger.Core.CodeSets.Starter;
using CodeLedger.Core.Common;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Edits;
using CodeLedger.Core.EvaluationAndManagement;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Tenancy;
using CodeLedger.Core.Workflow;
using CodeLedger.Storage.Accounts;
using CodeLedger.Storage.Audits;
using CodeLedger.Storage.Claims;
using CodeLedger.Storage.Tests.Workflow;
using CodeLedger.Storage.Workflow;
using CodeLedger.Testing;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Tests.Audits;

/// <summary>
/// The audit desk on a real database, once on SQLite and once on PostgreSQL: a practice (FM-NORTH)
/// whose encounters two coding vendors code (ACME codes A-*, BETA codes B-*), an audit firm
/// (AUDITCO) with an auditor and an adjudicator, and another firm (OTHERCO) with its own auditor.
/// An audit's frame is the practice's encounters, whichever vendor coded them (docs/AUDIT.md,
/// "Engagements and independence"): these tests pin what that means for each vendor.
/// </summary>
public abstract class AuditDeskSuite(DatabaseProvider provider)
{
    private const string Right = """{"diagnoses": ["E11.9", "I10"], "lines": [{"code": "99213", "charge": "120.00", "pointers": [1, 2]}]}""";
    private const string MissedDiagnosis = """{"diagnoses": ["E11.9", "I10", "Z23"], "lines": [{"code": "99213", "charge": "120.00", "pointers": [1, 2]}]}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly ClaimEditor Editor = new(StarterCodeSet.Library());

    private sealed class World
    {
        public WorkflowWorld Base { get; } = new();

        public Organization Beta { get; } = new(Guid.NewGuid(), "BETA", "Beta Coding Services", OrganizationKind.CodingVendor);

        public Organization Firm { get; } = new(Guid.NewGuid(), "AUDITCO", "Audit Company", OrganizationKind.AuditFirm);

        public Organization OtherFirm { get; } = new(Guid.NewGuid(), "OTHERCO", "Other Audit Company", OrganizationKind.AuditFirm);

        public Coder BetaCoder { get; private set; } = null!;

        public Principal Auditor => new("aud1", UserRole.Auditor, Firm.Id);

        public Principal Judge => new("judge", UserRole.Auditor, Firm.Id);

        public Principal Stranger => new("aud-other", UserRole.Auditor, OtherFirm.Id);

        public Principal PracticeAdmin => new("pa-north", UserRole.PracticeAdmin, Base.Practice.Id);

        public Principal AcmeAdmin => new("acme-admin", UserRole.VendorAdmin, Base.Vendor.Id);

        public Principal BetaAdmin => new("beta-admin", UserRole.VendorAdmin, Beta.Id);

        public async Task SaveAsync(CodeLedgerStore store)
        {
            await Base.SaveAsync(store);
            var w = Base;
            BetaCoder = new Coder(Guid.NewGuid(), Beta.Id, "bcoder", "bcoder", [new Credential(CredentialKind.Cpc, "CPC-bcoder", new DateOnly(2020, 1, 1), new DateOnly(2028, 1, 1))],
                [Specialty.Parse("family-medicine")], null, false);
            var baa = new BusinessAssociateAgreement(Guid.NewGuid(), w.Practice.Id, Beta.Id, "Dr. Ana Ruiz", "Bo Beta",
                new DateOnly(2025, 12, 15), new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31), new string('c', 64));
            var contract = new SlaContract(Guid.NewGuid(), w.Practice.Id, Beta.Id, new DateOnly(2026, 1, 1), 48, TurnaroundClockKind.BusinessHours,
                "America/Chicago", WorkingHours.MondayToFriday(new TimeOnly(8, 0), new TimeOnly(17, 0)), [], 95m, 72, openQueryPausesClock: true, false,
                new ServiceCreditSchedule(95m, 2m, 20m), Money.Parse("12500.00"), 3);
            await store.WriteAsync("setup", (db, ledger) =>
            {
                db.AddRange(Beta, Firm, OtherFirm);
                db.AddRange(baa, contract, BetaCoder);
                foreach (var organization in new[] { Beta, Firm, OtherFirm })
                {
                    ledger.Append(organization.Code, new OrganizationRegistered(organization.Id, organization.Name, organization.Kind));
                }

                ledger.Append(w.Practice.Code, new BaaSigned(baa.Id, w.Practice.Code, Beta.Code, baa.PracticeSignatory, baa.VendorSignatory, baa.SignedOn, baa.EffectiveOn, baa.ExpiresOn, baa.DocumentSha256));
                ledger.Append(w.Practice.Code, SlaContractSigned.Of(contract, w.Practice.Code, Beta.Code));
                ledger.Append(BetaCoder.UserName, CoderEnrolled.Of(BetaCoder, Beta.Code));
                AccountDesk.Put(db, ledger, null, Firm, "aud1", UserRole.Auditor, "Auditor One", null, null, null);
                AccountDesk.Put(db, ledger, null, Firm, "judge", UserRole.Auditor, "Judge", null, null, null);
                AccountDesk.Put(db, ledger, null, w.Practice, "pa-north", UserRole.PracticeAdmin, "Practice Admin", null, null, null);
                AccountDesk.Put(db, ledger, null, OtherFirm, "aud-other", UserRole.Auditor, "Other Auditor", null, null, null);
                return Task.CompletedTask;
            });
        }
    }

    private sealed record Harness(TestDatabase Database, CodeLedgerStore Store, World World, AuditDesk Desk) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }

    /// <summary>Six encounters coded and finalized by ACME's jdoe (A-1..A-6) and six by BETA's bcoder (B-1..B-6), all on 2 March 2026.</summary>
    private async Task<Harness> StartAsync()
    {
        var database = await TestDatabase.CreateAsync(provider);
        var store = await database.OpenAsync();
        var world = new World();
        await world.SaveAsync(store);
        var now = database.Time.GetUtcNow();
        var intake = new EncounterIntake(store);
        var desk = new CodingDesk(store, Editor);
        foreach (var (vendor, prefix, coder) in new[] { (world.Base.Vendor.Code, "A", "jdoe"), (world.Beta.Code, "B", "bcoder") })
        {
            await intake.ImportAsync(world.Base.Practice.Code, vendor, () => [.. Enumerable.Range(1, 6).Select(i => WorkflowWorld.Visit($"{prefix}-{i}", now))], "intake-test", ct: Ct);
            for (var i = 1; i <= 6; i++)
            {
                // Intake assigns each encounter to one of the vendor's coders; that coder codes it.
                var assigned = await AssignedAsync(store, $"{prefix}-{i}");
                var user = assigned == world.BetaCoder.Id ? "bcoder" : new[] { world.Base.Jdoe, world.Base.Asmith, world.Base.Lead }.Single(c => c.Id == assigned).UserName;
                var outcome = await desk.SubmitAsync($"{prefix}-{i}", WorkflowWorld.Coding(), user, ct: Ct);
                Assert.True(outcome.Finalized, string.Join("; ", outcome.Findings.Select(f => f.Rule + " " + f.Message)));
            }
        }

        return new Harness(database, store, world, new AuditDesk(store));
    }

    private static async Task<Guid?> AssignedAsync(CodeLedgerStore store, string externalId)
    {
        await using var db = store.CreateContext();
        var id = await db.Encounters.Where(e => e.ExternalId == externalId).Select(e => e.Id).SingleAsync(Ct);
        return await db.Set<WorkItem>().IgnoreQueryFilters().Where(w => w.EncounterId == id).Select(w => w.CoderId).SingleAsync(Ct);
    }

    private static ConversionFactorTable Factors()
    {
        using var cf = File.OpenText(RepoPaths.Data("pfs-rvu", "conversion_factors_2024_2026.csv"));
        return ConversionFactorTable.Read(cf, "conversion_factors_2024_2026.csv");
    }

    private static AuditSampleRequest Request(Harness h, int size = 12, string auditorOrg = "AUDITCO", bool isInternal = false, string? adjudicator = "judge") =>
        new(h.World.Base.Practice.Code, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), "storage-suite", auditorOrg, Factors(), Size: size, Internal: isInternal, Adjudicator: adjudicator);

    private static async Task<string> RefusalCode(Func<Task> act) => (await Assert.ThrowsAsync<DomainException>(act)).Code;

    [Fact]
    public async Task Sample_record_rebut_adjudicate_and_report_end_to_end_with_the_practice_named_by_its_code()
    {
        await using var h = await StartAsync();

        var audit = await h.Desk.SampleAsync(Request(h, size: 4), h.World.Auditor, Ct);
        var sample = await h.Desk.SampleListAsync(audit.Id.ToString("D"), h.World.Auditor, Ct);
        Assert.Equal((12, 4), (audit.FrameSize, sample.Count));

        var first = await h.Desk.RecordAsync(audit.Id.ToString("D"), sample[0].Encounter, MissedDiagnosis, h.World.Auditor, Ct);
        var second = await h.Desk.RecordAsync(audit.Id.ToString("D"), sample[1].Encounter, Right, h.World.Auditor, Ct);
        Assert.Equal((1, false, 0, true), (first.Findings, first.Correct, second.Findings, second.Correct));

        var before = await h.Desk.ReportAsync(audit.Id.ToString("D"), h.World.Auditor, Ct);
        var finding = Assert.Single(before.Findings);
        Assert.Equal((ErrorCategory.DiagnosisMissing, "open", sample[0].Encounter), (finding.Category, finding.Status, finding.Encounter));
        Assert.Equal((1, 2), (before.Figures.Final.EncounterAccuracy.Successes, before.Figures.Final.EncounterAccuracy.Trials));

        // The vendor that coded the encounter rebuts; the named adjudicator reverses; the final figures follow, the initial keep the finding.
        var vendor = sample[0].Encounter.StartsWith('A') ? h.World.AcmeAdmin : h.World.BetaAdmin;
        await h.Desk.RebutAsync(audit.Id.ToString("D"), finding.Id, "Z23 was not given at this visit", vendor, Ct);
        Assert.Equal(AuditErrors.NotAdjudicator.Value, await RefusalCode(() => h.Desk.AdjudicateAsync(audit.Id.ToString("D"), finding.Id, AdjudicationOutcome.Reversed, h.World.Auditor, Ct)));
        await h.Desk.AdjudicateAsync(audit.Id.ToString("D"), finding.Id, AdjudicationOutcome.Reversed, h.World.Judge, Ct);

        var after = await h.Desk.ReportAsync(audit.Id.ToString("D"), null, Ct);
        Assert.Equal((1, 2), (after.Figures.Initial.EncounterAccuracy.Successes, after.Figures.Initial.EncounterAccuracy.Trials));
        Assert.Equal((2, 2), (after.Figures.Final.EncounterAccuracy.Successes, after.Figures.Final.EncounterAccuracy.Trials));
        Assert.Equal("reversed", Assert.Single(after.Findings).Status);

        // The report names the practice and the coders as a reader knows them, never by CodeLedger's ids.
        var text = after.ToText();
        Assert.Contains("Frame: 12 encounters of practice FM-NORTH with a date of service from 2026-03-01 to 2026-03-31", text, StringComparison.Ordinal);
        Assert.DoesNotContain(h.World.Base.Practice.Id.ToString("D"), text, StringComparison.Ordinal);
        Assert.All(after.Figures.Initial.ByCoder, c => Assert.Contains(c.Key, new[] { "jdoe", "asmith", "lead", "bcoder" }));
        Assert.Contains($" {sample[0].Encounter} ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_frame_is_the_practice_s_encounters_of_both_vendors_and_a_vendor_rebuts_only_findings_on_encounters_it_coded()
    {
        await using var h = await StartAsync();

        // The population reader gives every finalized encounter of the practice, whichever vendor coded it, sorted by key.
        var population = await new AuditPopulationReader(h.Store).LoadAsync(h.World.Base.Practice.Id, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), ct: Ct);
        Assert.Equal(["A-1", "A-2", "A-3", "A-4", "A-5", "A-6", "B-1", "B-2", "B-3", "B-4", "B-5", "B-6"], population.Select(r => r.EncounterKey));
        Assert.All(population, r => Assert.Equal(AuditCodingSource.CodeLedgerFinal, r.Source));
        Assert.Contains(h.World.BetaCoder.Id, population.Select(r => r.CoderId));
        Assert.All(population.Where(r => r.EncounterKey.StartsWith('B')), r => Assert.Equal(h.World.BetaCoder.Id, r.CoderId));

        // The whole frame is sampled: both vendors' encounters are in one audit, and each vendor's admin takes part in it.
        var audit = (await h.Desk.SampleAsync(Request(h, size: 12), h.World.Auditor, Ct)).Id.ToString("D");
        var sample = await h.Desk.SampleListAsync(audit, h.World.Auditor, Ct);
        Assert.Equal(12, sample.Count);
        Assert.Single(await h.Desk.ListAsync(h.World.AcmeAdmin, Ct));
        Assert.Single(await h.Desk.ListAsync(h.World.BetaAdmin, Ct));

        var a = sample.First(s => s.Encounter.StartsWith('A')).Encounter;
        var b = sample.First(s => s.Encounter.StartsWith('B')).Encounter;
        await h.Desk.RecordAsync(audit, a, MissedDiagnosis, h.World.Auditor, Ct);
        await h.Desk.RecordAsync(audit, b, MissedDiagnosis, h.World.Auditor, Ct);
        var report = await h.Desk.ReportAsync(audit, null, Ct);
        var onA = report.Findings.Single(f => f.Encounter == a);
        var onB = report.Findings.Single(f => f.Encounter == b);

        // Each vendor answers for its own coding: BETA cannot rebut ACME's finding (as if it did not exist), nor ACME BETA's.
        Assert.Equal(AuditErrors.FindingUnknown.Value, await RefusalCode(() => h.Desk.RebutAsync(audit, onA.Id, "not ours", h.World.BetaAdmin, Ct)));
        Assert.Equal(AuditErrors.FindingUnknown.Value, await RefusalCode(() => h.Desk.RebutAsync(audit, onB.Id, "not ours", h.World.AcmeAdmin, Ct)));
        await h.Desk.RebutAsync(audit, onA.Id, "documented elsewhere", h.World.AcmeAdmin, Ct);
        await h.Desk.RebutAsync(audit, onB.Id, "documented elsewhere", h.World.BetaAdmin, Ct);
        Assert.All((await h.Desk.ReportAsync(audit, null, Ct)).Findings, f => Assert.Equal("rebutted", f.Status));

        // The figures are attributed per coder, so each vendor's coders are told apart in one report.
        Assert.Contains("bcoder", report.Figures.Initial.ByCoder.Select(c => c.Key));
        Assert.Contains(report.Figures.Initial.ByCoder, c => c.Key is "jdoe" or "asmith" or "lead");
    }

    [Fact]
    public async Task A_vendor_that_coded_part_of_the_frame_cannot_audit_it_independently_but_may_label_its_audit_internal()
    {
        await using var h = await StartAsync();

        // BETA coded only B-*, but the frame is the practice's: an independent audit by BETA is refused, nothing written.
        var code = await RefusalCode(() => h.Desk.SampleAsync(Request(h, auditorOrg: "BETA", adjudicator: "pa-north"), h.World.PracticeAdmin, Ct));
        Assert.Equal(AuditErrors.NotIndependent.Value, code);
        Assert.Empty(await h.Desk.ListAsync(null, Ct));

        var audit = await h.Desk.SampleAsync(Request(h, auditorOrg: "BETA", isInternal: true, adjudicator: "pa-north"), h.World.PracticeAdmin, Ct);
        Assert.Equal("internal", audit.Kind);
        Assert.StartsWith("internal audit", (await h.Desk.ReportAsync(audit.Id.ToString("D"), null, Ct)).Plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_auditor_of_another_firm_is_refused_everything_and_learns_nothing()
    {
        await using var h = await StartAsync();
        var audit = (await h.Desk.SampleAsync(Request(h, size: 4), h.World.Auditor, Ct)).Id.ToString("D");
        var encounter = (await h.Desk.SampleListAsync(audit, h.World.Auditor, Ct))[0].Encounter;

        Assert.Equal(AuditErrors.Unknown.Value, await RefusalCode(() => h.Desk.SampleListAsync(audit, h.World.Stranger, Ct)));
        Assert.Equal(AuditErrors.Unknown.Value, await RefusalCode(() => h.Desk.RecordAsync(audit, encounter, Right, h.World.Stranger, Ct)));
        Assert.Equal(AuditErrors.Unknown.Value, await RefusalCode(() => h.Desk.ReportAsync(audit, h.World.Stranger, Ct)));
        Assert.Empty(await h.Desk.ListAsync(h.World.Stranger, Ct));

        // And it may not plan an audit of a practice for the firm it does not belong to.
        Assert.Equal(AuditErrors.PlanInvalid.Value, await RefusalCode(() => h.Desk.SampleAsync(Request(h), h.World.Stranger, Ct)));
        Assert.Equal(0, (await h.Desk.ReportAsync(audit, null, Ct)).Figures.Audited);
    }

    [Fact]
    public async Task The_report_from_the_tables_is_the_report_AuditBook_computes_from_the_rows_as_EF_reads_them()
    {
        // The desk reads audit_sample_members and audit_codings with a data reader (AuditRowReader), parsing
        // each distinct JSON text once. The reference here reads the same rows through EF Core's entities and
        // value converters and hands them to AuditBook.Report: the two reports must be the same bytes.
        await using var h = await StartAsync();
        var audit = (await h.Desk.SampleAsync(Request(h, size: 12), h.World.Auditor, Ct)).Id.ToString("D");
        var sample = await h.Desk.SampleListAsync(audit, h.World.Auditor, Ct);
        string[] codings =
        [
            Right, Right, MissedDiagnosis, Right,
            """{"diagnoses": ["E11.65", "I10"], "lines": [{"code": "99214", "modifiers": ["25"], "charge": "150.00", "pointers": [1]}, {"code": "93000", "units": 2, "charge": "40.00", "pointers": [2]}]}""",
            """{"diagnoses": ["I10", "E11.9"], "lines": [{"code": "99212", "charge": "80.00", "pointers": [2, 1]}]}""",
            """
            {"diagnoses": ["E11.9", "I10"], "lines": [{"code": "99213", "charge": "120.00", "pointers": [1, 2]}],
             "em": {"patient": "established", "problems": ["stable-chronic", "stable-chronic"], "data": {}, "risk": "moderate"}}
            """,
            MissedDiagnosis,
        ];
        for (var i = 0; i < codings.Length; i++)
        {
            await h.Desk.RecordAsync(audit, sample[i].Encounter, codings[i], h.World.Auditor, Ct);
        }

        var findings = (await h.Desk.ReportAsync(audit, null, Ct)).Findings;
        Assert.True(findings.Count >= 4, $"{findings.Count} findings");
        foreach (var (f, i) in findings.Take(3).Select((f, i) => (f, i)))
        {
            var vendor = f.Encounter.StartsWith('A') ? h.World.AcmeAdmin : h.World.BetaAdmin;
            await h.Desk.RebutAsync(audit, f.Id, "documented elsewhere", vendor, Ct);
            if (i < 2)
            {
                await h.Desk.AdjudicateAsync(audit, f.Id, i == 0 ? AdjudicationOutcome.Reversed : AdjudicationOutcome.Upheld, h.World.Judge, Ct);
            }
        }

        var report = await h.Desk.ReportAsync(audit, null, Ct);
        var reference = await ReferenceReportAsync(h.Store, Guid.Parse(audit));
        Assert.Equal(AuditReportJson.Write(reference), AuditReportJson.Write(report));
        Assert.Equal(reference.ToText(), report.ToText());
        Assert.Equal(["open", "rebutted", "reversed", "upheld"], report.Findings.Select(f => f.Status).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(codings.Length, report.Figures.Audited);
    }

    /// <summary>The report from every audit row as EF Core materializes it (entities and their JSON converters), through <see cref="AuditBook.Report"/>.</summary>
    private static async Task<AuditReport> ReferenceReportAsync(CodeLedgerStore store, Guid audit)
    {
        await using var db = store.CreateContext();
        var row = await db.Set<AuditEngagementRow>().AsNoTracking().SingleAsync(a => a.Id == audit, Ct);
        var members = await db.Set<AuditSampleMemberRow>().AsNoTracking().Where(m => m.AuditId == audit).OrderBy(m => m.Position).ToListAsync(Ct);
        var sample = AuditSample.Restore(AuditDesk.Plan(row), row.FrameSize, [.. row.Strata.Select(s => new AuditStratum(s.Name, s.FrameCount, s.Allocated))],
            [.. members.Select(m => new SampledMember(new AuditPopulationMember(m.EncounterId, m.EncounterKey, Npi.Parse(m.PhysicianNpi), m.Specialty, m.CoderId, m.DateOfService),
                m.Stratum, m.Position, m.StratumRank))], row.RequiredSize);
        var codings = (await db.Set<AuditCodingRow>().AsNoTracking().Where(c => c.AuditId == audit).ToListAsync(Ct)).Select(c => new RecordedAuditCoding(c.EncounterId,
            new CodingSubmission(c.VendorDiagnoses, c.VendorServiceLines),
            new CodingSubmission(c.Diagnoses, c.ServiceLines, c.Em is null ? null : EmInputJson.Parse(c.Em)),
            c.Prices.ToDictionary(p => SnapshotPricing.Key(p.Code, p.Modifiers), p => p.Rvu, StringComparer.Ordinal),
            c.ConversionFactor));
        var rebuttals = await db.Set<AuditRebuttalRow>().AsNoTracking().Where(r => r.AuditId == audit).ToListAsync(Ct);
        var adjudications = await db.Set<AuditAdjudicationRow>().AsNoTracking().Where(r => r.AuditId == audit).ToListAsync(Ct);
        var practice = await db.Organizations.AsNoTracking().Where(o => o.Id == row.PracticeId).Select(o => o.Code).SingleAsync(Ct);
        var coders = await db.Coders.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.UserName, Ct);
        return AuditBook.Report(sample, new AuditNames(practice, coders), row.Adjudicator, codings,
            rebuttals.Select(r => new Rebuttal(r.FindingId, r.RebuttedBy, r.Reason, r.RebuttedAt)),
            adjudications.Select(a => new Adjudication(a.FindingId, AuditBook.Parse<AdjudicationOutcome>(a.Outcome), a.AdjudicatedBy, a.AdjudicatedAt)));
    }

    [Fact]
    public async Task Concurrent_recordings_of_two_encounters_both_land_and_a_second_of_the_same_is_refused()
    {
        await using var h = await StartAsync();
        var audit = (await h.Desk.SampleAsync(Request(h, size: 6), h.World.Auditor, Ct)).Id.ToString("D");
        var sample = await h.Desk.SampleListAsync(audit, h.World.Auditor, Ct);

        await Task.WhenAll(
            Task.Run(() => h.Desk.RecordAsync(audit, sample[0].Encounter, Right, h.World.Auditor, Ct), Ct),
            Task.Run(() => h.Desk.RecordAsync(audit, sample[1].Encounter, MissedDiagnosis, h.World.Auditor, Ct), Ct));

        var listed = await h.Desk.SampleListAsync(audit, h.World.Auditor, Ct);
        Assert.Equal([true, true], listed.Take(2).Select(s => s.Recorded));
        Assert.Equal(2, (await h.Desk.ReportAsync(audit, null, Ct)).Figures.Audited);
        Assert.Equal(AuditErrors.RecordedTwice.Value, await RefusalCode(() => h.Desk.RecordAsync(audit, sample[0].Encounter, Right, h.World.Auditor, Ct)));
        Assert.Equal(2, (await h.Desk.ReportAsync(audit, null, Ct)).Figures.Audited);
    }
}

public sealed class SqliteAuditDeskTests() : AuditDeskSuite(DatabaseProvider.Sqlite);

public sealed class PostgresAuditDeskTests() : AuditDeskSuite(DatabaseProvider.PostgreSql);
