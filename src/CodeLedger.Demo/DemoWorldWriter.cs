using System.Globalization;
using CodeLedger.Core.Coders;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Storage;

namespace CodeLedger.Demo;

/// <summary>
/// Writes the demo's world into its fresh database: the vendor and practices, each practice's BAA,
/// SLA contract and physicians on the day the BAA was signed, the coders and their lead. Everything
/// that sets up the operation (as opposed to running it) is here, so that it can be replaced in one
/// place by a setup file applied the way a real operation is set up.
/// </summary>
internal static class DemoWorldWriter
{
    public const string Admin = "demo-admin";

    public const string LeadUserName = "mreyes";

    /// <summary>
    /// Writes <paramref name="world"/>, moving <paramref name="clock"/> to each signing. The lead's
    /// id and credential numbers come from <paramref name="workflowRandom"/>, the simulation's own
    /// generator (its first draws), which is how existing demo ledgers were made.
    /// </summary>
    public static async Task WriteAsync(CodeLedgerStore store, ManualClock clock, DemoWorld world, int seed, Random workflowRandom, CancellationToken ct)
    {
        await store.WriteAsync(Admin, (db, ledger) =>
        {
            ledger.Append("demo", new DemoStarted(seed, world.Encounters.Count, world.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture)));
            db.Add(world.Vendor);
            ledger.Append(world.Vendor.Code, new OrganizationRegistered(world.Vendor.Id, world.Vendor.Name, world.Vendor.Kind));
            foreach (var p in world.Practices)
            {
                db.Add(p.Practice);
                ledger.Append(p.Practice.Code, new OrganizationRegistered(p.Practice.Id, p.Practice.Name, p.Practice.Kind));
            }

            return Task.CompletedTask;
        }, ct);

        foreach (var p in world.Practices.OrderBy(p => p.Baa.SignedOn))
        {
            clock.MoveTo(p.Baa.SignedOn.ToDateTime(new TimeOnly(16, 30), DateTimeKind.Utc));
            await store.WriteAsync(Admin, (db, ledger) =>
            {
                db.Add(p.Baa);
                ledger.Append(p.Practice.Code, new BaaSigned(p.Baa.Id, p.Practice.Code, world.Vendor.Code, p.Baa.PracticeSignatory, p.Baa.VendorSignatory,
                    p.Baa.SignedOn, p.Baa.EffectiveOn, p.Baa.ExpiresOn, p.Baa.DocumentSha256));
                db.Add(p.Contract);
                ledger.Append(p.Practice.Code, SlaContractSigned.Of(p.Contract, p.Practice.Code, world.Vendor.Code));
                foreach (var physician in p.Physicians)
                {
                    db.Add(physician);
                    ledger.Append(physician.Npi.Value, new PhysicianEnrolled(physician.Id, p.Practice.Code, physician.Name, physician.Npi.Value,
                        physician.Taxonomy.Value, physician.Specialty.Value));
                }

                return Task.CompletedTask;
            }, ct);
        }

        await store.WriteAsync(Admin, (db, ledger) =>
        {
            foreach (var coder in world.Coders)
            {
                db.Add(coder);
                ledger.Append(coder.UserName, CoderEnrolled.Of(coder, world.Vendor.Code));
            }

            return Task.CompletedTask;
        }, ct);

        var month = world.Month;
        var lead = new Coder(workflowRandom.NextGuid(), world.Vendor.Id, LeadUserName, "Marisol Reyes",
            [new Credential(CredentialKind.Cpc, "CPC-" + workflowRandom.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture), month.AddYears(-12), month.AddYears(2)),
             new Credential(CredentialKind.Cpma, "CPMA-" + workflowRandom.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture), month.AddYears(-5), month.AddYears(1))],
            [Specialty.Parse("family-medicine"), Specialty.Parse("internal-medicine")], null, isLead: true);
        await store.WriteAsync(Admin, (db, ledger) =>
        {
            db.Add(lead);
            ledger.Append(lead.UserName, CoderEnrolled.Of(lead, world.Vendor.Code));
            return Task.CompletedTask;
        }, ct);
    }
}
