using CodeLedger.Core.Queries;
using CodeLedger.Core.Workflow;
using CodeLedger.Storage.Workflow;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Tests.Workflow;

/// <summary>
/// Writers that do not wait for each other (docs/STORAGE.md, "Writes and the ledger"): a write
/// reads and builds without the ledger's lock, and a write whose reads a rival made stale runs
/// again. Rivals are second stores on the same database, each with its own connections, as another
/// process would have; the separate-process runs are in the CLI tests.
/// </summary>
public abstract partial class WorkflowSuite
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_write_reads_and_builds_without_holding_the_ledger_lock()
    {
        await using var h = await StartAsync();
        var rival = await h.Database.OpenAsync();
        var parked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = 0;
        var slow = h.Store.WriteAsync("slow", async (db, ledger) =>
        {
            runs++;
            await db.Coders.CountAsync(Ct);
            parked.TrySetResult();
            await resume.Task;
            ledger.Append("slow", new Tick(runs));
        }, Ct);
        await parked.Task.WaitAsync(Patience, Ct);

        // With the lock taken at a write's first statement, this write would wait for the parked one for ever.
        await rival.WriteAsync("quick", (_, ledger) =>
        {
            ledger.Append("quick", new Tick(0));
            return Task.CompletedTask;
        }, Ct).WaitAsync(Patience, Ct);
        resume.SetResult();
        await slow.WaitAsync(Patience, Ct);

        var events = await h.LedgerAsync();
        Assert.Equal(["quick", "slow"], events.TakeLast(2).Select(e => e.Actor));
        Assert.True((await h.Store.VerifyLedgerAsync(Ct)).IsIntact);

        // SQLite cannot tell which rows the quick write changed: the parked write's reads are stale, and
        // it runs again holding the write lock from its start. PostgreSQL: no row it read or wrote changed.
        Assert.Equal(provider == DatabaseProvider.Sqlite ? 2 : 1, runs);
    }

    [Fact]
    public async Task A_decision_about_an_encounter_a_rival_finalized_meanwhile_is_made_again_on_what_the_rival_committed()
    {
        await using var h = await StartAsync();
        await h.ImportAsync(WorkflowWorld.Visit("R-1", h.Now));
        var coder = await AssigneeAsync(h, "R-1");
        await h.CodeAsync("R-1", coder, WorkflowWorld.Coding(1, 3));
        var rival = await h.Database.OpenAsync();
        var parked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = new List<bool>();

        // Raises a query unless the encounter is final: the query row is new and the work item, already
        // "in coding", does not change, so only the store's rule that a write about an encounter claims
        // its work item can make this write notice the rival.
        var raising = h.Store.WriteAsync("jdoe", async (db, ledger) =>
        {
            var encounter = await db.Encounters.SingleAsync(e => e.ExternalId == "R-1", Ct);
            var work = await db.Set<WorkItem>().SingleAsync(w => w.EncounterId == encounter.Id, Ct);
            seen.Add(work.IsFinalized);
            parked.TrySetResult();
            await resume.Task;
            if (work.IsFinalized)
            {
                return false;
            }

            db.Add(new DocumentationQuery(Guid.NewGuid(), encounter.Id, encounter.PhysicianId, h.World.Jdoe.Id, QueryCategory.Laterality,
                "Which knee was examined?", [], h.Now, 72));
            work.MarkInCoding();
            ledger.Append("R-1", new Tick(1));
            return true;
        }, Ct);
        await parked.Task.WaitAsync(Patience, Ct);
        var finalized = await new CodingDesk(rival, Editor).SubmitAsync("R-1", WorkflowWorld.Coding(), coder, null, Ct).WaitAsync(Patience, Ct);
        resume.SetResult();
        var raised = await raising.WaitAsync(Patience, Ct);

        Assert.True(finalized.Finalized);
        Assert.Equal([false, true], seen);
        Assert.False(raised);
        Assert.Equal(0, await h.CountAsync<DocumentationQuery>());
        Assert.True((await h.Store.VerifyLedgerAsync(Ct)).IsIntact);
    }

    [Fact]
    public async Task A_write_never_overwrites_a_change_to_a_row_it_read_before_that_change()
    {
        await using var h = await StartAsync();
        var rival = await h.Database.OpenAsync();
        var parked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var vacation = new Core.Coders.Absence(new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 14), "vacation");
        var course = new Core.Coders.Absence(new DateOnly(2026, 9, 7), new DateOnly(2026, 9, 8), "course");

        // Read, change, write back: the list column is replaced whole, so without a check the later
        // writer would put back the list it read and the rival's absence would be lost.
        var slow = h.Store.WriteAsync("lead", async (db, ledger) =>
        {
            var coder = await db.Coders.SingleAsync(c => c.UserName == "jdoe", Ct);
            parked.TrySetResult();
            await resume.Task;
            coder.AddAbsence(course);
            ledger.Append("jdoe", new Tick(1));
        }, Ct);
        await parked.Task.WaitAsync(Patience, Ct);
        await rival.WriteAsync("lead", async (db, ledger) =>
        {
            (await db.Coders.SingleAsync(c => c.UserName == "jdoe", Ct)).AddAbsence(vacation);
            ledger.Append("jdoe", new Tick(0));
        }, Ct).WaitAsync(Patience, Ct);
        resume.SetResult();
        await slow.WaitAsync(Patience, Ct);

        await using var db = h.Store.CreateContext();
        Assert.Equal([vacation, course], (await db.Coders.AsNoTracking().SingleAsync(c => c.UserName == "jdoe", Ct)).Absences);
    }

    [Fact]
    public async Task Two_expiry_runs_at_once_expire_each_query_once_and_finalize_each_encounter_once()
    {
        const int Encounters = 30;
        await using var h = await StartAsync();
        var visits = Enumerable.Range(1, Encounters).Select(i => WorkflowWorld.Visit($"X-{i}", h.Now)).ToArray();
        await h.ImportAsync(visits);
        var queries = new QueryDesk(h.Store);
        foreach (var visit in visits)
        {
            var coder = await AssigneeAsync(h, visit.ExternalId);
            await queries.RaiseAsync(visit.ExternalId, coder, QueryCategory.Laterality, "Which knee was examined?", [], Ct);
            await h.CodeAsync(visit.ExternalId, coder);
        }

        h.Advance(TimeSpan.FromHours(73));
        var second = await h.Database.OpenAsync();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<ExpirySummary> Run(CodeLedgerStore store) => Task.Run(async () =>
        {
            await start.Task;
            return await new QueryDesk(store).ExpireOverdueAsync("query-expiry", Ct);
        }, Ct);
        var runs = new[] { Run(h.Store), Run(second) };
        start.SetResult();
        var summaries = await Task.WhenAll(runs).WaitAsync(Patience, Ct);

        Assert.Equal((Encounters, Encounters, 0), (summaries.Sum(s => s.Expired), summaries.Sum(s => s.FinalizedWithoutResponse), summaries.Sum(s => s.NothingCodedYet)));
        var events = await h.LedgerAsync();
        AssertOncePerEncounter(events, "query.unresolved", Encounters);
        AssertOncePerEncounter(events, "encounter.finalized", Encounters);
        Assert.True((await h.Store.VerifyLedgerAsync(Ct)).IsIntact);
    }

    [Fact]
    public async Task Two_imports_of_one_file_at_once_store_each_encounter_once()
    {
        const int Encounters = 300;
        await using var h = await StartAsync();
        var visits = Enumerable.Range(1, Encounters).Select(i => WorkflowWorld.Visit($"D-{i}", h.Now)).ToArray();
        var second = await h.Database.OpenAsync();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<IntakeSummary> Run(CodeLedgerStore store) => Task.Run(async () =>
        {
            await start.Task;
            return await new EncounterIntake(store).ImportAsync(h.World.Practice.Code, h.World.Vendor.Code, () => visits, "intake-test", ct: Ct);
        }, Ct);
        var runs = new[] { Run(h.Store), Run(second) };
        start.SetResult();
        var summaries = await Task.WhenAll(runs).WaitAsync(Patience, Ct);

        Assert.Equal(Encounters, summaries.Sum(s => s.Received));
        Assert.All(summaries, s => Assert.Equal(Encounters, s.Received + s.Unchanged));
        Assert.Equal(Encounters, await h.CountAsync<Core.Encounters.Encounter>());
        Assert.Equal(Encounters, await h.CountAsync<WorkItem>());
        AssertOncePerEncounter(await h.LedgerAsync(), "encounter.received", Encounters);
        Assert.True((await h.Store.VerifyLedgerAsync(Ct)).IsIntact);
    }

    private static void AssertOncePerEncounter(List<Core.Ledger.LedgerEntry> events, string type, int encounters)
    {
        var subjects = events.Where(e => e.Type == type).Select(e => e.Subject).ToList();
        Assert.Equal(encounters, subjects.Count);
        Assert.Equal(encounters, subjects.Distinct(StringComparer.Ordinal).Count());
    }
}
