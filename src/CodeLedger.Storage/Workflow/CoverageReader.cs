using CodeLedger.Core.Assignment;
using CodeLedger.Core.Common;
using CodeLedger.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Workflow;

/// <summary>
/// Coverage of a practice's specialties (those of its physicians) by the coders of every vendor
/// holding a BAA with the practice in force today.
/// </summary>
public sealed class CoverageReader(CodeLedgerStore store)
{
    public async Task<IReadOnlyList<SpecialtyCoverage>> ReportAsync(string practiceCode, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(Instants.Now(store.Time).UtcDateTime);
        await using var db = store.CreateContext();
        var practice = await WorkflowLookup.OrganizationAsync(db, practiceCode, OrganizationKind.Practice, ct);
        var specialties = (await db.Physicians.AsNoTracking().Where(p => p.PracticeId == practice.Id).Select(p => p.Specialty).ToListAsync(ct)).Distinct();
        var agreements = await db.BusinessAssociateAgreements.AsNoTracking().Where(a => a.PracticeId == practice.Id).ToListAsync(ct);
        var vendors = agreements.Where(a => a.IsInForceOn(today)).Select(a => a.VendorId).Distinct().ToList();
        var coders = await db.Coders.AsNoTracking().Where(c => vendors.Contains(c.VendorId) && c.Active).ToListAsync(ct);
        var map = await CredentialMaps.CurrentAsync(db, ct);
        return CoverageCalculator.Build(specialties, coders, map, today);
    }
}
