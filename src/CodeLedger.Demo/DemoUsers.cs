using CodeLedger.Core.Accounts;
using CodeLedger.Storage;
using CodeLedger.Storage.Accounts;

namespace CodeLedger.Demo;

/// <summary>
/// The demo's accounts, written after its world: the vendor's admin (<see cref="DemoWorldWriter.Admin"/>),
/// a user for each coder and for the lead (linked to their coder records), and a physician user
/// for each physician (<c>dr-</c> and the NPI), so every actor the demo's ledger names is a real
/// user. Names come from the generated world and ids from the names, so the ledger stays
/// deterministic. No passwords: an operator sets one with <c>codeledger users reset-password</c>.
/// </summary>
internal static class DemoUsers
{
    public static string PhysicianUserName(string npi) => "dr-" + npi;

    public static async Task WriteAsync(CodeLedgerStore store, DemoWorld world, CancellationToken ct)
    {
        var desk = new AccountDesk(store);
        var vendor = world.Vendor.Code;
        var specs = new List<UserSpec> { new(DemoWorldWriter.Admin, "Demo Administrator", null, vendor, UserRole.VendorAdmin.Name()) };
        specs.AddRange(world.Coders.Select(c => new UserSpec(c.UserName, c.DisplayName, null, vendor, UserRole.Coder.Name())));
        specs.Add(new UserSpec(DemoWorldWriter.LeadUserName, "Marisol Reyes", null, vendor, UserRole.CodingLead.Name()));
        specs.AddRange(world.Practices.SelectMany(p => p.Physicians.Select(d =>
            new UserSpec(PhysicianUserName(d.Npi.Value), d.Name, null, p.Practice.Code, UserRole.Physician.Name(), PhysicianNpi: d.Npi.Value))));
        foreach (var spec in specs)
        {
            await desk.ApplyAsync(DemoWorldWriter.Admin, spec, ct);
        }
    }
}
