using CodeLedger.Core.Agreements;
using CodeLedger.Core.Assignment;
using CodeLedger.Core.CodeSets.Starter;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;
using CodeLedger.Core.Edits;
using CodeLedger.Core.EvaluationAndManagement;
using CodeLedger.Core.Intake;
using CodeLedger.Core.Queries;
using CodeLedger.Core.Workflow;
using CodeLedger.Storage.Workflow;
using Microsoft.EntityFrameworkCore;
using CodeLedger.Core.Ledger.Events;

namespace CodeLedger.Storage.Tests.Workflow;

/// <summary>The daily operation end to end on a real database, once on SQLite and once on PostgreSQL, on a fake clock.</summary>
public abstract partial class WorkflowSuite(DatabaseProvider provider)
{
    private static readonly ClaimEditor Editor = new(StarterCodeSet.Library());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Harness(TestDatabase Database, CodeLedgerStore Store, WorkflowWorld World) : IAsyncDisposable
    {
        public DateTimeOffset Now => Database.Time.GetUtcNow();

        public void Advance(TimeSpan by) => Database.Time.Advance(by);

        public Task<IntakeSummary> ImportAsync(params EncounterSubmission[] visits) =>
            new EncounterIntake(Store).ImportAsync(World.Practice.Code, World.Vendor.Code, () => visits, "intake-test", ct: Ct);

        public Task<CodingOutcome> CodeAsync(string encounter, string coder, CodingSubmission? coding = null, string? overrideReason = null) =>
            new CodingDesk(Store, Editor).SubmitAsync(encounter, coding ?? WorkflowWorld.Coding(), coder, overrideReason, Ct);

        public async Task<int> CountAsync<T>() where T : class
        {
            await using var db = Store.CreateContext();
            return await db.Set<T>().CountAsync(Ct);
        }

        public async Task<WorkItem> WorkAsync(string externalId)
        {
            await using var db = Store.CreateContext();
            var id = await db.Encounters.Where(e => e.ExternalId == externalId).Select(e => e.Id).SingleAsync(Ct);
            return await db.Set<WorkItem>().AsNoTracking().SingleAsync(w => w.EncounterId == id, Ct);
        }

        public async Task<List<Core.Ledger.LedgerEntry>> LedgerAsync() => await StorageSuite.ToListAsync(Store.ReadLedgerAsync(Ct));

        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }

    private async Task<Harness> StartAsync(bool correctionRestartsClock = false)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var store = await database.OpenAsync();
        var world = new WorkflowWorld(correctionRestartsClock);
        await world.SaveAsync(store);
        return new Harness(database, store, world);
    }

    private static async Task<string> RefusalCode(Func<Task> act) => (await Assert.ThrowsAsync<DomainException>(act)).Code;

    [Fact]
    public async Task Import_without_an_agreement_in_force_reads_nothing_stores_nothing_and_ledgers_the_refusal_without_phi()
    {
        await using var h = await StartAsync();
        var read = false;

        var code = await RefusalCode(() => new EncounterIntake(h.Store).ImportAsync(h.World.Unbound.Code, h.World.Vendor.Code,
            () => { read = true; return [WorkflowWorld.Visit("X-1", h.Now)]; }, "intake-test", ct: Ct));

        Assert.Equal((AgreementErrors.NotInForce.Value, false, 0), (code, read, await h.CountAsync<Core.Encounters.Encounter>()));
        var refusal = (await h.LedgerAsync())[^1];
        Assert.Equal(IntakeRefused.Type, refusal.Type);
        Assert.DoesNotContain("Garcia", refusal.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_after_the_agreement_expired_is_refused()
    {
        await using var h = await StartAsync();
        h.Advance(TimeSpan.FromDays(700));

        Assert.Equal(AgreementErrors.NotInForce.Value, await RefusalCode(() => h.ImportAsync(WorkflowWorld.Visit("X-1", h.Now))));
    }

    [Fact]
    public async Task Unknown_physician_npi_refuses_the_whole_file()
    {
        await using var h = await StartAsync();

        var e = await Assert.ThrowsAsync<DomainException>(() => h.ImportAsync(WorkflowWorld.Visit("A-1", h.Now), WorkflowWorld.Visit("A-2", h.Now, npi: "1245319599")));

        Assert.Equal("INTAKE-UNKNOWN-NPI", e.Code);
        Assert.Contains("1245319599", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, await h.CountAsync<Core.Encounters.Encounter>());
    }

    [Fact]
    public async Task Reimporting_an_unchanged_encounter_changes_nothing()
    {
        await using var h = await StartAsync();
        var visit = WorkflowWorld.Visit("A-1", h.Now.AddMinutes(-30));
        await h.ImportAsync(visit);
        var events = (await h.LedgerAsync()).Count;

        var again = await h.ImportAsync(visit);

        Assert.Equal((0, 1), (again.Received, again.Unchanged));
        Assert.Equal(events, (await h.LedgerAsync()).Count);
    }

    [Fact]
    public async Task Corrected_note_is_a_new_version_and_keeps_the_clock_when_the_contract_says_so()
    {
        await using var h = await StartAsync(correctionRestartsClock: false);
        await h.ImportAsync(WorkflowWorld.Visit("A-1", h.Now.AddMinutes(-30)));
        var start = (await h.WorkAsync("A-1")).ClockStart;
        h.Advance(TimeSpan.FromHours(3));

        var summary = await h.ImportAsync(WorkflowWorld.Visit("A-1", h.Now.AddMinutes(-5), note: "Addendum: diabetes with hyperglycemia."));

        Assert.Equal((1, 0), (summary.Corrected, summary.ClockRestarts));
        Assert.Equal((2, start), ((await h.WorkAsync("A-1")).DocumentationVersion, (await h.WorkAsync("A-1")).ClockStart));
        Assert.Equal(2, await h.CountAsync<DocumentationVersion>());
    }

    [Fact]
    public async Task Corrected_note_restarts_the_clock_when_the_contract_says_so()
    {
        await using var h = await StartAsync(correctionRestartsClock: true);
        await h.ImportAsync(WorkflowWorld.Visit("A-1", h.Now.AddMinutes(-30)));
        h.Advance(TimeSpan.FromHours(3));

        await h.ImportAsync(WorkflowWorld.Visit("A-1", h.Now.AddMinutes(-5), note: "Addendum: diabetes with hyperglycemia."));

        Assert.Equal(Instants.Normalize(h.Now), (await h.WorkAsync("A-1")).ClockStart);
    }

    [Fact]
    public async Task New_encounters_go_to_the_qualified_coder_with_the_least_open_work()
    {
        await using var h = await StartAsync();

        var summary = await h.ImportAsync(WorkflowWorld.Visit("A-1", h.Now), WorkflowWorld.Visit("A-2", h.Now), WorkflowWorld.Visit("A-3", h.Now));

        Assert.Equal(3, summary.Primary);
        var coders = new[] { (await h.WorkAsync("A-1")).CoderId, (await h.WorkAsync("A-2")).CoderId, (await h.WorkAsync("A-3")).CoderId };
        Assert.Equal(3, coders.Distinct().Count());
    }

    [Fact]
    public async Task Coding_an_encounter_assigned_to_someone_else_is_refused_and_stores_nothing()
    {
        await using var h = await StartAsync();
        await h.ImportAsync(WorkflowWorld.Visit("A-1", h.Now));
        var assignee = (await h.WorkAsync("A-1")).CoderId;
        var other = new[] { h.World.Jdoe, h.World.Asmith }.First(c => c.Id != assignee && !c.IsLead);

        Assert.Equal("CODING-NOT-ASSIGNED", await RefusalCode(() => h.CodeAsync("A-1", other.UserName)));
        Assert.Equal(0, await h.CountAsync<Core.Coding.CodingResult>());
    }

    [Fact]
    public async Task Clean_coding_finalizes_and_stops_the_clock()
    {
        await using var h = await StartAsync();
        await h.ImportAsync(WorkflowWorld.Visit("A-1", h.Now));
        var coder = await AssigneeAsync(h, "A-1");
        h.Advance(TimeSpan.FromHours(2));

        var outcome = await h.CodeAsync("A-1", coder);

        Assert.True(outcome.Finalized, string.Join("; ", outcome.Findings.Select(f => f.Rule + " " + f.Message)));
        Assert.Equal(Instants.Normalize(h.Now), (await h.WorkAsync("A-1")).FinalizedAt);
    }

    [Fact]
    public async Task Edit_errors_block_finalization_until_a_lead_overrides_with_a_reason()
    {
        await using var h = await StartAsync();
        await h.ImportAsync(WorkflowWorld.Visit("A-1", h.Now));
        var coder = await AssigneeAsync(h, "A-1");
        var broken = WorkflowWorld.Coding(1, 3);

        var blocked = await h.CodeAsync("A-1", coder, broken);
        Assert.Equal("CODING-OVERRIDE-NOT-LEAD", await RefusalCode(() => h.CodeAsync("A-1", coder, broken, "payer accepts it")));
        var overridden = await h.CodeAsync("A-1", h.World.Lead.UserName, broken, "pointer 3 refers to a diagnosis added on paper; payer confirmed");

        Assert.Contains(blocked.Findings, f => f.Rule == EditRules.DxPointer && f.Severity == EditSeverity.Error);
        Assert.Equal((false, WaitingFor.EditErrors), (blocked.Finalized, blocked.WaitingFor));
        Assert.Equal((true, true, 2), (overridden.Finalized, overridden.Overridden, overridden.Version));
        Assert.Equal(("lead", 2), ((await h.WorkAsync("A-1")).OverrideBy, await h.CountAsync<Core.Coding.CodingResult>()));
    }

    [Fact]
    public async Task Visit_billed_above_its_documented_level_is_held_as_overcoded_and_the_documentation_is_kept()
    {
        await using var h = await StartAsync();
        await h.ImportAsync(WorkflowWorld.Visit("A-1", h.Now));
        var coder = await AssigneeAsync(h, "A-1");

        // One stable chronic illness and low risk support 99213; the coder billed 99213 (WorkflowWorld.Coding).
        var supported = WorkflowWorld.Coding() with { Em = CodingSubmission.Parse(LowComplexityVisit).Em };
        var line = supported.Lines[0];
        var overcoded = supported with { Lines = [new Core.Coding.ServiceLine(ProcedureCode.Parse("99215"), line.Modifiers, line.Units, line.Charge, line.Pointers)] };

        var blocked = await h.CodeAsync("A-1", coder, overcoded);
        var finding = blocked.Findings.Single(f => f.Rule == EditRules.EmLevelSupport);
        var accepted = await h.CodeAsync("A-1", coder, supported);

        Assert.Equal((EditSeverity.Error, WaitingFor.EditErrors), (finding.Severity, blocked.WaitingFor));
        Assert.Equal(["99215", "99213"], finding.Codes);
        Assert.True(accepted.Finalized);
        await using var db = h.Store.CreateContext();
        var stored = await db.CodingResults.OrderBy(c => c.Version).Select(c => c.EmDocumentation).ToListAsync(Ct);
        Assert.Equal([RiskLevel.Low, RiskLevel.Low], stored.Select(e => e!.Risk));
        var ledgered = (await h.LedgerAsync()).Last(e => e.Type == CodingSubmitted.Type);
        Assert.Contains("\"risk\":\"low\"", ledgered.Payload, StringComparison.Ordinal);
    }

    private const string LowComplexityVisit = """
        {"diagnoses": ["E11.9"], "lines": [{"code": "99213", "charge": "120.00", "pointers": [1]}],
         "em": {"patient": "established", "problems": ["stable-chronic"], "data": {}, "risk": "low"}}
        """;

    [Fact]
    public async Task Finalizing_before_the_documentation_was_complete_is_refused_and_stores_nothing()
    {
        await using var h = await StartAsync();
        await h.ImportAsync(WorkflowWorld.Visit("A-1", h.Now.AddHours(6)));
        var coder = await AssigneeAsync(h, "A-1");

        Assert.Equal("FINALIZE-BEFORE-DOCUMENTATION", await RefusalCode(() => h.CodeAsync("A-1", coder)));
        Assert.Equal(0, await h.CountAsync<Core.Coding.CodingResult>());
    }

    [Fact]
    public async Task Answered_query_pauses_the_clock_in_the_sla_report()
    {
        await using var h = await StartAsync();
        await h.ImportAsync(WorkflowWorld.Visit("A-1", h.Now.AddMinutes(-60)));
        var coder = await AssigneeAsync(h, "A-1");
        var queries = new QueryDesk(h.Store);
        h.Advance(TimeSpan.FromHours(1));
        var query = await queries.RaiseAsync("A-1", coder, QueryCategory.DiagnosisSpecificity, "Please clarify the type of diabetes.", [], Ct);
        var held = await h.CodeAsync("A-1", coder);
        h.Advance(TimeSpan.FromHours(2));
        await queries.AnswerAsync(query.Id, "Type 2 diabetes mellitus without complications.", WorkflowWorld.Npi, Ct);
        h.Advance(TimeSpan.FromHours(23));

        await h.CodeAsync("A-1", coder);
        var report = await new SlaReporter(h.Store).ReportAsync("FM-NORTH", "2026-03", Ct);

        // Receipt Monday 08:00 to Tuesday 10:00 is 9 + 2 business hours, less the 2 hours the query was open.
        Assert.Equal(WaitingFor.OpenQuery, held.WaitingFor);
        Assert.Equal((1, 9m, 1, 0), (report.Count, report.MeanHours, report.WithinTarget, report.Breaches.Count));
    }

    [Fact]
    public async Task Expired_query_finalizes_the_latest_coding_of_the_note_as_documented_and_a_second_run_changes_nothing()
    {
        await using var h = await StartAsync();
        await h.ImportAsync(WorkflowWorld.Visit("A-1", h.Now));
        var coder = await AssigneeAsync(h, "A-1");
        var queries = new QueryDesk(h.Store);
        var query = await queries.RaiseAsync("A-1", coder, QueryCategory.Laterality, "Which knee was examined?", ["left", "right", "bilateral", "other", "clinically undetermined"], Ct);
        await h.CodeAsync("A-1", coder);
        h.Advance(TimeSpan.FromHours(73));

        Assert.Equal("QUERY-EXPIRED", await RefusalCode(() => queries.AnswerAsync(query.Id, "left", WorkflowWorld.Npi, Ct)));
        var first = await queries.ExpireOverdueAsync("query-expiry", Ct);
        var events = (await h.LedgerAsync()).Count;
        var second = await queries.ExpireOverdueAsync("query-expiry", Ct);

        Assert.Equal(new ExpirySummary(1, 1, 0, 0), first);
        Assert.Equal(new ExpirySummary(0, 0, 0, 0), second);
        Assert.Equal(events, (await h.LedgerAsync()).Count);
        var work = await h.WorkAsync("A-1");
        Assert.Equal((true, true, 1), (work.IsFinalized, work.CodedWithoutQueryResponse, work.FinalCodingVersion));
        Assert.Equal("unresolved", Assert.Single(await queries.ListAsync(WorkflowWorld.Npi, Ct)).Status);
    }

    [Fact]
    public async Task Coverage_lists_certified_coders_per_specialty()
    {
        await using var h = await StartAsync();

        var coverage = Assert.Single(await new CoverageReader(h.Store).ReportAsync("FM-NORTH", Ct));

        Assert.Equal(("family-medicine", 3, (string?)null), (coverage.Specialty, coverage.CertifiedCoders.Count, coverage.Risk));
    }

    [Fact]
    public async Task Edited_credential_map_takes_effect_for_assignment()
    {
        await using var h = await StartAsync();
        await CredentialMaps.SetAsync(h.Store, """{"credentials": {"CPC": ["pediatrics"]}}""", "admin", Ct);

        var summary = await h.ImportAsync(WorkflowWorld.Visit("A-1", h.Now));

        Assert.Equal(1, summary.Uncovered);
        Assert.Equal(WorkStatus.Uncovered, (await h.WorkAsync("A-1")).Status);
        Assert.Equal(AssignmentBasis.Uncovered, (await h.WorkAsync("A-1")).Basis);
    }

    [Fact]
    public async Task Training_finished_after_the_release_took_effect_is_reported_late()
    {
        await using var h = await StartAsync();
        var log = new TrainingLog(h.Store);
        await log.RecordAsync("jdoe", "ICD-10-CM FY2026", new DateOnly(2025, 10, 1), new DateOnly(2025, 10, 20), "admin", Ct);
        await log.RecordAsync("asmith", "ICD-10-CM FY2026", new DateOnly(2025, 10, 1), new DateOnly(2025, 9, 15), "admin", Ct);

        var rows = await log.ReportAsync(Ct);

        Assert.Equal([("asmith", false, 0), ("jdoe", true, 19)], rows.Select(r => (r.Coder, r.Late, r.DaysLate)));
    }

    private static async Task<string> AssigneeAsync(Harness h, string externalId)
    {
        var id = (await h.WorkAsync(externalId)).CoderId;
        return new[] { h.World.Jdoe, h.World.Asmith, h.World.Lead }.Single(c => c.Id == id).UserName;
    }
}

public sealed class SqliteWorkflowTests() : WorkflowSuite(DatabaseProvider.Sqlite);

public sealed class PostgresWorkflowTests() : WorkflowSuite(DatabaseProvider.PostgreSql);
