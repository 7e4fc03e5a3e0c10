using CodeLedger.Core.Accounts;
using CodeLedger.Core.Agreements;
using CodeLedger.Core.Coders;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Coding;
using CodeLedger.Core.Common;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.Intake;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Physicians;
using CodeLedger.Core.Queries;
using CodeLedger.Core.Tenancy;
using CodeLedger.Core.Workflow;
using CodeLedger.Storage.Encounters;
using CodeLedger.Storage.Tenancy;
using CodeLedger.Storage.Workflow;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Tests.Workflow;

/// <summary>
/// The tenant boundary on a real database: a second vendor with its own practice, a second
/// physician in the first practice, an audit firm. Every role, own tenant against other tenant;
/// outside the tenant is "not found" exactly like a missing id, and leaves nothing behind.
/// </summary>
public abstract partial class WorkflowSuite
{
    private sealed record Tenants(
        Organization South, Organization Rival, Physician SouthDoctor, Physician NorthColleague, Coder RivalLead, Organization Audit, BusinessAssociateAgreement SouthBaa)
    {
        public const string SouthNpi = "1987654328";
        public const string ColleagueNpi = "1234567901";
    }

    /// <summary>The second tenant: practice FM-SOUTH bound to vendor RIVAL, with its own physician and lead; a colleague of Dr. Chen; an audit firm.</summary>
    private static async Task<Tenants> SecondTenantAsync(Harness h)
    {
        var south = new Organization(Guid.NewGuid(), "FM-SOUTH", "Southside Family Medicine", OrganizationKind.Practice);
        var rival = new Organization(Guid.NewGuid(), "RIVAL", "Rival Coding", OrganizationKind.CodingVendor);
        var audit = new Organization(Guid.NewGuid(), "AUDIT", "Independent Audit LLP", OrganizationKind.AuditFirm);
        var baa = new BusinessAssociateAgreement(Guid.NewGuid(), south.Id, rival.Id, "Dr. South", "Rita Val",
            new DateOnly(2025, 12, 15), new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31), new string('c', 64));
        var doctor = new Physician(Guid.NewGuid(), south.Id, "Dr. Sam South", Npi.Parse(Tenants.SouthNpi), TaxonomyCode.Parse("207Q00000X"), Specialty.Parse("family-medicine"));
        var colleague = new Physician(Guid.NewGuid(), h.World.Practice.Id, "Dr. Lee North", Npi.Parse(Tenants.ColleagueNpi), TaxonomyCode.Parse("207Q00000X"), Specialty.Parse("family-medicine"));
        var lead = new Coder(Guid.NewGuid(), rival.Id, "rival-lead", "Rival Lead",
            [new Credential(CredentialKind.Cpc, "CPC-R", new DateOnly(2020, 1, 1), new DateOnly(2028, 1, 1))], [Specialty.Parse("family-medicine")], null, isLead: true);
        var c = h.World.Contract;
        var contract = new SlaContract(Guid.NewGuid(), south.Id, rival.Id, new DateOnly(2026, 1, 1), 48, TurnaroundClockKind.BusinessHours,
            "America/Chicago", WorkingHours.MondayToFriday(new TimeOnly(8, 0), new TimeOnly(17, 0)), [], 95m, 72, openQueryPausesClock: true, false,
            new ServiceCreditSchedule(95m, 2m, 20m), Money.Parse("9000.00"), 3);
        await h.Store.WriteAsync("setup", (db, _) =>
        {
            db.AddRange(south, rival, audit);
            db.AddRange(baa, doctor, colleague, lead, contract);
            return Task.CompletedTask;
        }, Ct);
        return new Tenants(south, rival, doctor, colleague, lead, audit, baa);
    }

    private static Task<IntakeSummary> ImportSouthAsync(Harness h, params string[] ids) =>
        new EncounterIntake(h.Store).ImportAsync("FM-SOUTH", "RIVAL", () => [.. ids.Select(id => WorkflowWorld.Visit(id, h.Now, npi: Tenants.SouthNpi))], "intake-test", ct: Ct);

    private static Principal CoderOf(Coder c) => new(c.UserName, c.IsLead ? UserRole.CodingLead : UserRole.Coder, c.VendorId, c.Id);

    private static Principal Doctor(Physician p) => new("dr-" + p.Npi.Value, UserRole.Physician, p.PracticeId, physicianNpi: p.Npi.Value);

    private static async Task<(string Code, string Message)> Refusal(Func<Task> act)
    {
        var e = await Assert.ThrowsAsync<DomainException>(act);
        return (e.Code, e.Message);
    }

    private static async Task<Principal> AssigneePrincipalAsync(Harness h, string externalId)
    {
        var name = await AssigneeAsync(h, externalId);
        return CoderOf(new[] { h.World.Jdoe, h.World.Asmith, h.World.Lead }.Single(c => c.UserName == name));
    }

    private static async Task<Guid> EncounterIdAsync(Harness h, string externalId)
    {
        await using var db = h.Store.CreateContext();
        return await db.Encounters.Where(e => e.ExternalId == externalId).Select(e => e.Id).SingleAsync(Ct);
    }

    private static async Task<List<string>> VisibleAsync(Harness h, Principal? principal)
    {
        await using var db = await h.Store.CreateContextAsync(principal, Ct);
        return [.. (await db.Encounters.Select(e => e.ExternalId).ToListAsync(Ct)).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task Each_vendor_lists_only_the_encounters_its_practices_sent_it()
    {
        await using var h = await StartAsync();
        var t = await SecondTenantAsync(h);
        await h.ImportAsync(WorkflowWorld.Visit("A-1", h.Now), WorkflowWorld.Visit("A-2", h.Now));
        await ImportSouthAsync(h, "S-1");

        Assert.Equal(["A-1", "A-2"], await VisibleAsync(h, CoderOf(h.World.Lead)));
        Assert.Equal(["A-1", "A-2"], await VisibleAsync(h, CoderOf(h.World.Jdoe)));
        Assert.Equal(["S-1"], await VisibleAsync(h, CoderOf(t.RivalLead)));
        Assert.Equal(["A-1", "A-2"], await VisibleAsync(h, new Principal("acme-admin", UserRole.VendorAdmin, h.World.Vendor.Id)));
        Assert.Equal(["A-1", "A-2", "S-1"], await VisibleAsync(h, null));
    }

    [Fact]
    public async Task Another_tenants_encounter_is_not_found_exactly_like_a_missing_one_and_leaves_nothing_behind()
    {
        await using var h = await StartAsync();
        var t = await SecondTenantAsync(h);
        await h.ImportAsync(WorkflowWorld.Visit("A-1", h.Now));
        var id = await EncounterIdAsync(h, "A-1");
        var rival = CoderOf(t.RivalLead);
        var events = (await h.LedgerAsync()).Count;
        var missing = Guid.NewGuid().ToString();

        var read = await Refusal(() => new EncounterViewer(h.Store).ShowAsync(id.ToString(), rival, Ct));
        var readMissing = await Refusal(() => new EncounterViewer(h.Store).ShowAsync(missing, rival, Ct));
        var code = await Refusal(() => new CodingDesk(h.Store, Editor).SubmitAsync("A-1", WorkflowWorld.Coding(), rival, null, Ct));
        var query = await Refusal(() => new QueryDesk(h.Store).RaiseAsync("A-1", rival, QueryCategory.Laterality, "Which knee was examined?", [], Ct));

        Assert.Equal((EncounterErrors.Unknown.Value, $"no encounter '{id}'"), read);
        Assert.Equal((EncounterErrors.Unknown.Value, $"no encounter '{missing}'"), readMissing);
        Assert.Equal((EncounterErrors.Unknown.Value, "no encounter 'A-1'"), code);
        Assert.Equal((EncounterErrors.Unknown.Value, "no encounter 'A-1'"), query);
        Assert.Equal((0, 0, events), (await h.CountAsync<CodingResult>(), await h.CountAsync<DocumentationQuery>(), (await h.LedgerAsync()).Count));
    }

    [Fact]
    public async Task Assigned_coder_reads_and_codes_within_the_tenant_and_the_read_names_user_role_and_organization()
    {
        await using var h = await StartAsync();
        await SecondTenantAsync(h);
        await h.ImportAsync(WorkflowWorld.Visit("A-1", h.Now));
        var assignee = await AssigneePrincipalAsync(h, "A-1");
        var other = CoderOf(new[] { h.World.Jdoe, h.World.Asmith }.First(c => c.UserName != assignee.UserName));

        var view = await new EncounterViewer(h.Store).ShowAsync("A-1", assignee, Ct);
        var read = (await h.LedgerAsync())[^1];
        var refused = await Refusal(() => new EncounterViewer(h.Store).ShowAsync("A-1", other, Ct));
        var refusal = (await h.LedgerAsync())[^1];
        var coded = await new CodingDesk(h.Store, Editor).SubmitAsync("A-1", WorkflowWorld.Coding(), assignee, null, Ct);

        Assert.Equal("Garcia", view.Patient.FamilyName);
        Assert.Equal((PhiRead.Type, assignee.UserName), (read.Type, read.Actor));
        Assert.Contains($"\"role\":\"{assignee.Role.Name()}\",\"organization\":\"{h.World.Vendor.Id}\"", read.Payload, StringComparison.Ordinal);
        Assert.Equal(EncounterErrors.PhiAccessDenied.Value, refused.Code);
        Assert.Equal(PhiReadRefused.Type, refusal.Type);
        Assert.Contains("\"role\":\"coder\"", refusal.Payload, StringComparison.Ordinal);
        Assert.True(coded.Finalized);
    }

    [Fact]
    public async Task Vendor_admin_reads_but_codes_and_queries_nothing()
    {
        await using var h = await StartAsync();
        await h.ImportAsync(WorkflowWorld.Visit("A-1", h.Now));
        var admin = new Principal("acme-admin", UserRole.VendorAdmin, h.World.Vendor.Id);

        var view = await new EncounterViewer(h.Store).ShowAsync("A-1", admin, Ct);
        var code = await Refusal(() => new CodingDesk(h.Store, Editor).SubmitAsync("A-1", WorkflowWorld.Coding(), admin, null, Ct));
        var query = await Refusal(() => new QueryDesk(h.Store).RaiseAsync("A-1", admin, QueryCategory.Laterality, "Which knee was examined?", [], Ct));

        Assert.Equal("A-1", view.ExternalId);
        Assert.Equal((TenancyErrors.RoleRefused.Value, TenancyErrors.RoleRefused.Value), (code.Code, query.Code));
        Assert.Equal((0, 0), (await h.CountAsync<CodingResult>(), await h.CountAsync<DocumentationQuery>()));
    }

    [Fact]
    public async Task Practice_admin_reaches_their_practice_but_reads_no_chart_and_never_the_other_practice()
    {
        await using var h = await StartAsync();
        var t = await SecondTenantAsync(h);
        await h.ImportAsync(WorkflowWorld.Visit("A-1", h.Now));
        await ImportSouthAsync(h, "S-1");
        var north = new Principal("north-admin", UserRole.PracticeAdmin, h.World.Practice.Id);
        var south = new Principal("south-admin", UserRole.PracticeAdmin, t.South.Id);

        var refused = await Refusal(() => new EncounterViewer(h.Store).ShowAsync("A-1", north, Ct));
        var refusal = (await h.LedgerAsync())[^1];
        var crossing = await Refusal(() => new EncounterViewer(h.Store).ShowAsync("A-1", south, Ct));

        Assert.Equal(["A-1"], await VisibleAsync(h, north));
        Assert.Equal(["S-1"], await VisibleAsync(h, south));
        Assert.Equal(TenancyErrors.RoleRefused.Value, refused.Code);
        Assert.Equal((PhiReadRefused.Type, "north-admin"), (refusal.Type, refusal.Actor));
        Assert.Equal((EncounterErrors.Unknown.Value, "no encounter 'A-1'"), crossing);
    }

    [Fact]
    public async Task Physician_sees_and_answers_their_own_queries_and_a_colleague_of_the_same_practice_finds_none()
    {
        await using var h = await StartAsync();
        var t = await SecondTenantAsync(h);
        await h.ImportAsync(WorkflowWorld.Visit("A-1", h.Now));
        var assignee = await AssigneePrincipalAsync(h, "A-1");
        var query = await new QueryDesk(h.Store).RaiseAsync("A-1", assignee, QueryCategory.DiagnosisSpecificity, "Please clarify the type of diabetes.", [], Ct);
        var chen = Doctor(h.World.Physician);
        var colleague = Doctor(t.NorthColleague);
        var south = Doctor(t.SouthDoctor);
        var events = (await h.LedgerAsync()).Count;

        var listed = await new QueryDesk(h.Store).ListAsync(chen, Ct);
        var read = (await h.LedgerAsync())[^1];
        var colleagueList = await new QueryDesk(h.Store).ListAsync(colleague, Ct);
        var colleagueAnswer = await Refusal(() => new QueryDesk(h.Store).AnswerAsync(query.Id, "Type 2", colleague, Ct));
        var southAnswer = await Refusal(() => new QueryDesk(h.Store).AnswerAsync(query.Id, "Type 2", south, Ct));
        var southGet = await Refusal(() => new QueryDesk(h.Store).GetAsync(query.Id, south, Ct));
        var missing = Guid.NewGuid();
        var missingAnswer = await Refusal(() => new QueryDesk(h.Store).AnswerAsync(missing, "Type 2", chen, Ct));
        var colleagueRead = await Refusal(() => new EncounterViewer(h.Store).ShowAsync("A-1", colleague, Ct));
        var afterRefusals = (await h.LedgerAsync()).Count;
        var answered = await new QueryDesk(h.Store).AnswerAsync(query.Id, "Type 2 diabetes mellitus without complications.", chen, Ct);

        Assert.Equal([query.Id], listed.Select(q => q.Id));
        Assert.Equal((PhiRead.Type, chen.UserName), (read.Type, read.Actor));
        Assert.Contains($"\"fields\":[\"query\"]", read.Payload, StringComparison.Ordinal);
        Assert.Contains($"\"query\":\"{query.Id}\"", read.Payload, StringComparison.Ordinal);
        Assert.Empty(colleagueList);
        Assert.Equal((QueryErrors.Unknown.Value, $"no query {query.Id}"), colleagueAnswer);
        Assert.Equal((QueryErrors.Unknown.Value, $"no query {query.Id}"), southAnswer);
        Assert.Equal((QueryErrors.Unknown.Value, $"no query {query.Id}"), southGet);
        Assert.Equal((QueryErrors.Unknown.Value, $"no query {missing}"), missingAnswer);
        Assert.Equal((EncounterErrors.Unknown.Value, "no encounter 'A-1'"), colleagueRead);
        Assert.Equal(events + 1, afterRefusals);
        Assert.Equal(QueryStatus.Answered, answered.Status);
    }

    [Fact]
    public async Task A_coder_may_not_answer_a_query_they_can_see()
    {
        await using var h = await StartAsync();
        await h.ImportAsync(WorkflowWorld.Visit("A-1", h.Now));
        var lead = CoderOf(h.World.Lead);
        var query = await new QueryDesk(h.Store).RaiseAsync("A-1", lead, QueryCategory.DiagnosisSpecificity, "Please clarify the type of diabetes.", [], Ct);

        var answer = await Refusal(() => new QueryDesk(h.Store).AnswerAsync(query.Id, "Type 2", lead, Ct));
        var seen = await new QueryDesk(h.Store).GetAsync(query.Id, lead, Ct);

        Assert.Equal(TenancyErrors.RoleRefused.Value, answer.Code);
        Assert.Equal("open", seen.Status);
    }

    [Fact]
    public async Task When_the_agreement_ends_the_vendor_reaches_none_of_the_practices_encounters_and_the_practice_still_does()
    {
        await using var h = await StartAsync();
        await h.ImportAsync(WorkflowWorld.Visit("A-1", h.Now));
        var lead = CoderOf(h.World.Lead);
        Assert.Equal(["A-1"], await VisibleAsync(h, lead));

        h.Advance(TimeSpan.FromDays(700));

        Assert.Empty(await VisibleAsync(h, lead));
        Assert.Equal((EncounterErrors.Unknown.Value, "no encounter 'A-1'"), await Refusal(() => new EncounterViewer(h.Store).ShowAsync("A-1", lead, Ct)));
        Assert.Equal(["A-1"], await VisibleAsync(h, new Principal("north-admin", UserRole.PracticeAdmin, h.World.Practice.Id)));
        Assert.Equal(["A-1"], await VisibleAsync(h, Doctor(h.World.Physician)));
    }

    [Fact]
    public async Task Auditor_without_a_grant_sees_nothing_and_with_one_sees_only_the_granted_encounters_while_it_holds()
    {
        await using var h = await StartAsync();
        var t = await SecondTenantAsync(h);
        await h.ImportAsync(WorkflowWorld.Visit("A-1", h.Now), WorkflowWorld.Visit("A-2", h.Now));
        await ImportSouthAsync(h, "S-1");
        var auditor = new Principal("auditor", UserRole.Auditor, t.Audit.Id);
        Assert.Empty(await VisibleAsync(h, auditor));

        var a1 = await EncounterIdAsync(h, "A-1");
        var s1 = await EncounterIdAsync(h, "S-1");
        // S-1 is named under the wrong practice: a grant of FM-NORTH reaches only FM-NORTH's encounters.
        var grant = new AuditGrant(Guid.NewGuid(), t.Audit.Id, h.World.Practice.Id, [a1, s1], h.Now, h.Now.AddDays(30));
        await h.Store.WriteAsync("test", (db, _) => { db.Add(grant); return Task.CompletedTask; }, Ct);

        var view = await new EncounterViewer(h.Store).ShowAsync("A-1", auditor, Ct);
        var notGranted = await Refusal(() => new EncounterViewer(h.Store).ShowAsync("A-2", auditor, Ct));
        var code = await Refusal(() => new CodingDesk(h.Store, Editor).SubmitAsync("A-1", WorkflowWorld.Coding(), auditor, null, Ct));

        Assert.Equal(["A-1"], await VisibleAsync(h, auditor));
        Assert.Equal("A-1", view.ExternalId);
        Assert.Equal((EncounterErrors.Unknown.Value, "no encounter 'A-2'"), notGranted);
        Assert.Equal(TenancyErrors.RoleRefused.Value, code.Code);

        h.Advance(TimeSpan.FromDays(31));
        Assert.Empty(await VisibleAsync(h, auditor));
    }

    [Fact]
    public async Task Raw_sets_through_a_scoped_context_return_exactly_the_rows_the_policy_allows()
    {
        await using var h = await StartAsync();
        var t = await SecondTenantAsync(h);
        await h.ImportAsync(WorkflowWorld.Visit("A-1", h.Now), WorkflowWorld.Visit("A-2", h.Now), WorkflowWorld.Visit("A-3", h.Now, npi: Tenants.ColleagueNpi));
        await ImportSouthAsync(h, "S-1", "S-2");
        foreach (var (id, coder) in new[] { ("A-1", CoderOf(h.World.Lead)), ("S-1", CoderOf(t.RivalLead)) })
        {
            await new QueryDesk(h.Store).RaiseAsync(id, coder, QueryCategory.DiagnosisSpecificity, "Please clarify the type of diabetes.", [], Ct);
            await new CodingDesk(h.Store, Editor).SubmitAsync(id, WorkflowWorld.Coding(), coder, null, Ct);
        }

        await new CodingDesk(h.Store, Editor).SubmitAsync("A-2", WorkflowWorld.Coding(), CoderOf(h.World.Lead), null, Ct);
        var a2 = await EncounterIdAsync(h, "A-2");
        await h.Store.WriteAsync("test", (db, _) =>
        {
            db.Add(new AuditGrant(Guid.NewGuid(), t.Audit.Id, h.World.Practice.Id, [a2], h.Now, h.Now.AddDays(1)));
            return Task.CompletedTask;
        }, Ct);

        List<Principal> principals =
        [
            CoderOf(h.World.Jdoe), CoderOf(h.World.Lead), CoderOf(t.RivalLead),
            new("acme-admin", UserRole.VendorAdmin, h.World.Vendor.Id), new("rival-admin", UserRole.VendorAdmin, t.Rival.Id),
            new("north-admin", UserRole.PracticeAdmin, h.World.Practice.Id), new("south-admin", UserRole.PracticeAdmin, t.South.Id),
            Doctor(h.World.Physician), Doctor(t.NorthColleague), Doctor(t.SouthDoctor),
            new("auditor", UserRole.Auditor, t.Audit.Id), new("stranger", UserRole.Auditor, h.World.Practice.Id),
        ];

        await using var all = h.Store.CreateContext();
        var facts = (await (from e in all.Encounters
                            join w in all.Set<WorkItem>() on e.Id equals w.EncounterId
                            select new { e.Id, e.PracticeId, e.PhysicianId, w.VendorId }).ToListAsync(Ct))
            .ToDictionary(f => f.Id, f => new EncounterFacts(f.Id, f.PracticeId, f.PhysicianId, f.VendorId));
        var owners = new Dictionary<string, List<Guid>>
        {
            ["encounters"] = await all.Encounters.Select(e => e.Id).ToListAsync(Ct),
            ["work items"] = await all.Set<WorkItem>().Select(w => w.EncounterId).ToListAsync(Ct),
            ["notes"] = await all.Set<DocumentationVersion>().Select(d => d.EncounterId).ToListAsync(Ct),
            ["codings"] = await all.CodingResults.Select(c => c.EncounterId).ToListAsync(Ct),
            ["queries"] = await all.Set<DocumentationQuery>().Select(q => q.EncounterId).ToListAsync(Ct),
        };
        Assert.All(owners.Values, rows => Assert.NotEmpty(rows));

        foreach (var principal in principals)
        {
            await using var db = await h.Store.CreateContextAsync(principal, Ct);
            var seen = new Dictionary<string, List<Guid>>
            {
                ["encounters"] = await db.Encounters.Select(e => e.Id).ToListAsync(Ct),
                ["work items"] = await db.Set<WorkItem>().Select(w => w.EncounterId).ToListAsync(Ct),
                ["notes"] = await db.Set<DocumentationVersion>().Select(d => d.EncounterId).ToListAsync(Ct),
                ["codings"] = await db.CodingResults.Select(c => c.EncounterId).ToListAsync(Ct),
                ["queries"] = await db.Set<DocumentationQuery>().Select(q => q.EncounterId).ToListAsync(Ct),
            };
            foreach (var (set, rows) in owners)
            {
                var allowed = rows.Where(id => db.Tenant.Reaches(facts[id])).Order().ToList();
                Assert.True(allowed.SequenceEqual(seen[set].Order()), $"{principal.UserName} ({principal.Role.Name()}) {set}: saw {seen[set].Count}, the policy allows {allowed.Count}");
            }
        }

        // The world exercises every branch: someone sees a part, someone sees nothing.
        await using (var lead = await h.Store.CreateContextAsync(CoderOf(h.World.Lead), Ct))
        {
            Assert.Equal(3, await lead.Encounters.CountAsync(Ct));
        }

        await using var stranger = await h.Store.CreateContextAsync(principals[^1], Ct);
        Assert.Equal(0, await stranger.Encounters.CountAsync(Ct));
    }
}
