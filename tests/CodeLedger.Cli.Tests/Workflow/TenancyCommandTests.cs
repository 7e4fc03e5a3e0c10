using CodeLedger.Core.Coders;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Organizations;
using CodeLedger.Storage;

namespace CodeLedger.Cli.Tests.Workflow;

/// <summary>The CLI's <c>--as</c> goes through the tenant boundary: another vendor's lead finds nothing, a physician answers their own query.</summary>
public sealed class TenancyCommandTests
{
    private static async Task<CliWorld> WithRivalLeadAsync()
    {
        var world = await CliWorld.CreateAsync();
        var store = await CodeLedgerStore.OpenAsync(world.Db, world.Clock);
        var rival = new Organization(Guid.NewGuid(), "RIVAL", "Rival Coding", OrganizationKind.CodingVendor);
        await store.WriteAsync("setup", (db, _) =>
        {
            db.Add(rival);
            db.Add(new Coder(Guid.NewGuid(), rival.Id, "rival-lead", "Rival Lead",
                [new Credential(CredentialKind.Cpc, "CPC-R", new DateOnly(2020, 1, 1), new DateOnly(2099, 1, 1))], [Specialty.Parse("family-medicine")], null, isLead: true));
            return Task.CompletedTask;
        }, TestContext.Current.CancellationToken);
        await new Storage.Accounts.AccountDesk(store).ApplyAsync("setup", new("rival-lead", "Rival Lead", null, "RIVAL", "coding-lead", CoderUserName: "rival-lead"));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        world.Run("import", "encounters", world.Write("visit.json", CliWorld.Bundle("EHR-1")), "--practice", "FM-NORTH", "--vendor", "ACME");
        return world;
    }

    [Fact]
    public async Task Another_vendors_lead_is_told_no_encounter_exactly_as_for_a_missing_one_and_the_ledger_does_not_grow()
    {
        using var world = await WithRivalLeadAsync();
        var before = world.Run("ledger", "verify").Out;

        var shown = world.Run("encounters", "show", "EHR-1", "--as", "rival-lead");
        var missing = world.Run("encounters", "show", "EHR-404", "--as", "rival-lead");
        var coded = world.Run("code", "EHR-1", "--file", world.Write("coding.json", """{"diagnoses":["E11.9"],"lines":[{"code":"99213","charge":"120.00","pointers":[1]}]}"""), "--as", "rival-lead");

        Assert.Equal((1, 1, 1), (shown.Exit, missing.Exit, coded.Exit));
        Assert.Equal("codeledger: ENCOUNTER-UNKNOWN: no encounter 'EHR-1'", shown.Err.TrimEnd());
        Assert.Equal(missing.Err.Replace("EHR-404", "EHR-1", StringComparison.Ordinal), shown.Err);
        Assert.Contains("ENCOUNTER-UNKNOWN: no encounter 'EHR-1'", coded.Err, StringComparison.Ordinal);
        Assert.Equal(before, world.Run("ledger", "verify").Out);
    }

    [Fact]
    public async Task A_physician_answers_their_query_and_a_coder_may_not()
    {
        using var world = await WithRivalLeadAsync();
        var raised = world.Run("queries", "raise", "EHR-1", "--category", "diagnosis-specificity", "--question", "Please clarify the type of diabetes.", "--as", "jdoe");
        var id = raised.Out.Split(' ')[1];

        var byCoder = world.Run("queries", "answer", id, "--text", "Type 2", "--as", "jdoe");
        var byPhysician = world.Run("queries", "answer", id, "--text", "Type 2 diabetes mellitus.", "--as", "dr-chen");

        Assert.Equal(0, raised.Exit);
        Assert.Equal(1, byCoder.Exit);
        Assert.Contains("ACCESS-ROLE-REFUSED", byCoder.Err, StringComparison.Ordinal);
        Assert.Equal(0, byPhysician.Exit);
    }

    [Fact]
    public async Task A_physician_listing_their_queries_is_a_phi_read_of_each_and_the_accounting_shows_it()
    {
        using var world = await WithRivalLeadAsync();
        var raised = world.Run("queries", "raise", "EHR-1", "--category", "diagnosis-specificity", "--question", "Please clarify the type of diabetes.", "--as", "jdoe");
        var id = raised.Out.Split(' ')[1];

        var listed = world.Run("queries", "list", "--as", "dr-chen", "--json");
        var rival = world.Run("queries", "list", "--as", "rival-lead", "--json");
        var neither = world.Run("queries", "list", "--json");
        var accounting = world.Run("phi-access", "--user", "dr-chen");

        Assert.Equal((0, 0, 2), (listed.Exit, rival.Exit, neither.Exit));
        Assert.Contains(id, listed.Out, StringComparison.Ordinal);
        Assert.Equal("[]", rival.Out.Trim());
        Assert.StartsWith("1 reads of PHI, 0 refused", accounting.Out, StringComparison.Ordinal);
        Assert.Contains("  dr-chen (physician, organization ", accounting.Out, StringComparison.Ordinal);
        Assert.Contains($"query of query {id}", accounting.Out, StringComparison.Ordinal);
    }
}
