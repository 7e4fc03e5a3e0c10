using CodeLedger.Core.Common;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Workflow;

/// <summary>Finding the things commands name: organizations by code, encounters by id or external id, the contract in force.</summary>
internal static class WorkflowLookup
{
    public static async Task<Organization> OrganizationAsync(CodeLedgerDbContext db, string code, OrganizationKind kind, CancellationToken ct)
    {
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code.Trim(), ct);
        if (org is null || org.Kind != kind)
        {
            var what = kind == OrganizationKind.Practice ? "practice" : kind == OrganizationKind.CodingVendor ? "coding vendor" : "organization";
            throw new DomainException(OrganizationErrors.Unknown, $"no {what} with code '{code}'");
        }

        return org;
    }

    /// <summary>An encounter by its id, or by the practice's external id (which must then be unambiguous).</summary>
    public static async Task<Encounter> EncounterAsync(CodeLedgerDbContext db, string reference, CancellationToken ct)
    {
        var text = reference.Trim();
        List<Encounter> found = Guid.TryParse(text, out var id)
            ? await db.Encounters.Where(e => e.Id == id).ToListAsync(ct)
            : await db.Encounters.Where(e => e.ExternalId == text).Take(2).ToListAsync(ct);
        return found.Count switch
        {
            0 => throw new DomainException(EncounterErrors.Unknown, $"no encounter '{text}'"),
            1 => found[0],
            _ => throw new DomainException(EncounterErrors.Ambiguous, $"external id '{text}' is used by more than one practice; give the encounter id"),
        };
    }

    /// <summary>The contract between a practice and a vendor in force on a day: the latest that took effect by then.</summary>
    public static async Task<SlaContract?> ContractAsync(CodeLedgerDbContext db, Guid practiceId, Guid? vendorId, DateOnly day, CancellationToken ct)
    {
        var candidates = await db.SlaContracts.AsNoTracking()
            .Where(c => c.PracticeId == practiceId && (vendorId == null || c.VendorId == vendorId))
            .ToListAsync(ct);
        return candidates.Where(c => c.EffectiveOn <= day).OrderByDescending(c => c.EffectiveOn).FirstOrDefault();
    }
}
