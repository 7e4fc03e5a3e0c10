using CodeLedger.Core.Coders;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Queries;
using CodeLedger.Storage.Encounters;
using CodeLedger.Storage.Workflow;
using CodeLedger.Core.Ledger.Events;

namespace CodeLedger.Storage.Tests.Workflow;

/// <summary>Access to an encounter goes through one rule (EncounterAccess); these prove every desk applies it.</summary>
public abstract partial class WorkflowSuite
{
    [Fact]
    public async Task Lead_of_another_vendor_may_not_code_query_or_read_an_encounter_and_nothing_is_stored()
    {
        await using var h = await StartAsync();
        await h.ImportAsync(WorkflowWorld.Visit("A-1", h.Now));
        var rival = new Organization(Guid.NewGuid(), "RIVAL", "Rival Coding", OrganizationKind.CodingVendor);
        var rivalLead = new Coder(Guid.NewGuid(), rival.Id, "rival-lead", "Rival Lead",
            [new Credential(CredentialKind.Cpc, "CPC-R", new DateOnly(2020, 1, 1), new DateOnly(2028, 1, 1))], [Specialty.Parse("family-medicine")], null, isLead: true);
        await h.Store.WriteAsync("setup", (db, _) =>
        {
            db.AddRange(rival, rivalLead);
            return Task.CompletedTask;
        }, Ct);

        var coding = await RefusalCode(() => h.CodeAsync("A-1", rivalLead.UserName));
        var overriding = await RefusalCode(() => h.CodeAsync("A-1", rivalLead.UserName, WorkflowWorld.Coding(1, 3), "rival says so"));
        var query = await RefusalCode(() => new QueryDesk(h.Store).RaiseAsync("A-1", rivalLead.UserName, QueryCategory.Laterality, "Which knee was examined?", [], Ct));
        var read = await RefusalCode(() => new EncounterViewer(h.Store).ShowAsync("A-1", rivalLead.UserName, Ct));

        Assert.Equal(("CODING-NOT-ASSIGNED", "CODING-NOT-ASSIGNED", "CODING-NOT-ASSIGNED", "PHI-ACCESS-DENIED"), (coding, overriding, query, read));
        Assert.Equal((0, 0), (await h.CountAsync<Core.Coding.CodingResult>(), await h.CountAsync<DocumentationQuery>()));
        var refusal = (await h.LedgerAsync())[^1];
        Assert.Equal(PhiReadRefused.Type, refusal.Type);
        Assert.Contains("another vendor", refusal.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lead_of_the_vendor_may_code_an_encounter_assigned_to_someone_else()
    {
        await using var h = await StartAsync();
        await h.ImportAsync(WorkflowWorld.Visit("A-1", h.Now));

        var outcome = await h.CodeAsync("A-1", h.World.Lead.UserName);

        Assert.True(outcome.Finalized);
    }
}
