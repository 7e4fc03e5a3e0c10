using CodeLedger.Core.Accounts;
using CodeLedger.Core.Codes;
using CodeLedger.Storage;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Cli.Tenancy;

/// <summary>
/// The person a command's <c>--as</c> names, derived from existing records until user accounts
/// exist: a coder's user name is that coder (a lead when the record says so) of their vendor; a
/// physician's NPI, held by exactly one physician record, is that physician in their practice.
/// Null when no record matches: the command then runs by name as before (the demo's and older
/// scripts' names keep working, and are refused as they were). At merge the accounts work replaces
/// this one resolver with its <c>--as</c> validation (a user that must exist and hold the role).
/// </summary>
internal static class CliPrincipals
{
    public static async Task<Principal?> ResolveAsync(CodeLedgerStore store, string userName, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var coder = await db.Coders.AsNoTracking().Where(c => c.UserName == userName).Select(c => new { c.Id, c.VendorId, c.IsLead }).FirstOrDefaultAsync(ct);
        if (coder is not null)
        {
            return new Principal(userName, coder.IsLead ? UserRole.CodingLead : UserRole.Coder, coder.VendorId, coder.Id);
        }

        if (Npi.TryParse(userName, out var npi, out _))
        {
            var physicians = await db.Physicians.AsNoTracking().Where(p => p.Npi == npi).Select(p => p.PracticeId).Take(2).ToListAsync(ct);
            if (physicians.Count == 1)
            {
                return new Principal(userName, UserRole.Physician, physicians[0], physicianNpi: npi.Value);
            }
        }

        return null;
    }
}
