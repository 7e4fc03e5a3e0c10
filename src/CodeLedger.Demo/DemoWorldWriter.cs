using System.Globalization;
using CodeLedger.Core.Coders;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Setup;
using CodeLedger.Storage;
using CodeLedger.Storage.Setup;

namespace CodeLedger.Demo;

/// <summary>
/// Writes the demo's world into its fresh database the way a real operation is set up: as a setup
/// document (<see cref="DemoSetup"/>) applied through the setup desk, the same path as
/// <c>codeledger setup apply</c>. The document grows as the story does: the organizations first,
/// then each practice's BAA, SLA contract and physicians on the day its BAA was signed, then the
/// coders, then their lead; each stage is the whole document so far, so the desk records only what
/// the stage added.
/// </summary>
internal static class DemoWorldWriter
{
    public const string Admin = "demo-admin";

    public const string LeadUserName = "mreyes";

    /// <summary>
    /// Writes <paramref name="world"/>, moving <paramref name="clock"/> to each signing; with <paramref name="billing"/>
    /// each practice's payers and billing profile come with its contract, and its billing admin with the other users. The lead's
    /// id and credential numbers come from <paramref name="workflowRandom"/>, the simulation's own
    /// generator (its first draws), which is how existing demo ledgers were made.
    /// </summary>
    public static async Task WriteAsync(CodeLedgerStore store, ManualClock clock, DemoWorld world, int seed, Random workflowRandom, bool billing, CancellationToken ct)
    {
        await store.WriteAsync(Admin, (_, ledger) =>
        {
            ledger.Append("demo", new DemoStarted(seed, world.Encounters.Count, world.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture)));
            return Task.CompletedTask;
        }, ct);

        var lead = Lead(world, workflowRandom);
        var ids = DemoSetup.Ids(world, lead);
        var desk = new SetupDesk(store);
        Task Apply(int practicesSigned, bool coders, bool withLead) =>
            desk.ApplyAsync(_ => DemoSetup.Stage(world, lead, practicesSigned, coders, withLead, billing), Admin, dryRun: false, ids, ct);

        await Apply(0, coders: false, withLead: false);
        var signed = 0;
        foreach (var p in world.Practices.OrderBy(p => p.Baa.SignedOn))
        {
            clock.MoveTo(p.Baa.SignedOn.ToDateTime(new TimeOnly(16, 30), DateTimeKind.Utc));
            await Apply(++signed, coders: false, withLead: false);
        }

        await Apply(signed, coders: true, withLead: false);
        await Apply(signed, coders: true, withLead: true);
    }

    /// <summary>The lead coder, drawn from the simulation's generator before anything else.</summary>
    public static Coder Lead(DemoWorld world, Random workflowRandom)
    {
        var month = world.Month;
        return new Coder(workflowRandom.NextGuid(), world.Vendor.Id, LeadUserName, "Marisol Reyes",
            [new Credential(CredentialKind.Cpc, "CPC-" + workflowRandom.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture), month.AddYears(-12), month.AddYears(2)),
             new Credential(CredentialKind.Cpma, "CPMA-" + workflowRandom.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture), month.AddYears(-5), month.AddYears(1))],
            [Specialty.Parse("family-medicine"), Specialty.Parse("internal-medicine")], null, isLead: true);
    }
}
