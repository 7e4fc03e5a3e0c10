using CodeLedger.Core.Queries;
using CodeLedger.Core.Workflow;
using CodeLedger.Storage.Workflow;

namespace CodeLedger.Storage.Tests.Workflow;

/// <summary>What the expiry run finalizes (QueryExpiry, docs/WORKFLOW.md "Expiry"), on a real database.</summary>
public abstract partial class WorkflowSuite
{
    /// <summary>Imports A-1 and has its coder raise an open-ended query on it.</summary>
    private static async Task<(string Coder, QueryDesk Queries)> QueriedAsync(Harness h)
    {
        await h.ImportAsync(WorkflowWorld.Visit("A-1", h.Now));
        var coder = await AssigneeAsync(h, "A-1");
        var queries = new QueryDesk(h.Store);
        await queries.RaiseAsync("A-1", coder, QueryCategory.Laterality, "Which knee was examined?", [], Ct);
        return (coder, queries);
    }

    [Fact]
    public async Task Expired_query_does_not_finalize_coding_held_by_edit_errors_and_the_coders_fix_is_flagged_without_response()
    {
        await using var h = await StartAsync();
        var (coder, queries) = await QueriedAsync(h);
        await h.CodeAsync("A-1", coder, WorkflowWorld.Coding(1, 3));
        h.Advance(TimeSpan.FromHours(73));

        var expiry = await queries.ExpireOverdueAsync("query-expiry", Ct);
        var held = await h.WorkAsync("A-1");
        var fixedCoding = await h.CodeAsync("A-1", coder);

        Assert.Equal(new ExpirySummary(1, 0, 0, 1), expiry);
        Assert.False(held.IsFinalized);
        Assert.True(fixedCoding.Finalized);
        var work = await h.WorkAsync("A-1");
        Assert.Equal((true, 2), (work.CodedWithoutQueryResponse, work.FinalCodingVersion));
    }

    [Fact]
    public async Task Expired_query_finalizes_a_lead_override_made_while_it_was_open_with_its_reason()
    {
        await using var h = await StartAsync();
        var (_, queries) = await QueriedAsync(h);
        var held = await h.CodeAsync("A-1", h.World.Lead.UserName, WorkflowWorld.Coding(1, 3), "pointer 3 is on the paper superbill");
        h.Advance(TimeSpan.FromHours(73));

        await queries.ExpireOverdueAsync("query-expiry", Ct);

        Assert.Equal(WaitingFor.OpenQuery, held.WaitingFor);
        var work = await h.WorkAsync("A-1");
        Assert.Equal((true, true, "pointer 3 is on the paper superbill", "lead"), (work.IsFinalized, work.CodedWithoutQueryResponse, work.OverrideReason, work.OverrideBy));
    }

    [Fact]
    public async Task Expired_query_leaves_coding_of_a_note_since_corrected_to_the_coder()
    {
        await using var h = await StartAsync();
        var (coder, queries) = await QueriedAsync(h);
        await h.CodeAsync("A-1", coder);
        h.Advance(TimeSpan.FromHours(5));
        await h.ImportAsync(WorkflowWorld.Visit("A-1", h.Now.AddMinutes(-5), note: "Addendum: right knee examined."));
        h.Advance(TimeSpan.FromHours(70));

        var expiry = await queries.ExpireOverdueAsync("query-expiry", Ct);

        Assert.Equal(new ExpirySummary(1, 0, 0, 1), expiry);
        Assert.False((await h.WorkAsync("A-1")).IsFinalized);
    }
}
