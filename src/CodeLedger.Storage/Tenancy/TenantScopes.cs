using CodeLedger.Core.Accounts;
using CodeLedger.Core.Common;
using CodeLedger.Core.Tenancy;
using CodeLedger.Storage.Ledger;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Tenancy;

/// <summary>
/// Opens contexts and writes as a signed-in person: reads what <see cref="AccessPolicy.Scope"/>
/// needs (the vendor's agreements, the physician's record, the auditor's grants), sets the scope on
/// the context, and from then on every query of a tenant-owned entity is filtered by it
/// (<c>CodeLedgerDbContext.Tenancy.cs</c>). A null principal is the operator: unrestricted.
/// </summary>
public static class TenantScopes
{
    /// <summary>The principal's scope at the store's current instant, read through <paramref name="db"/> whatever scope it has.</summary>
    public static async Task<TenantScope> ResolveAsync(CodeLedgerDbContext db, Principal? principal, DateTimeOffset now, CancellationToken ct = default)
    {
        if (principal is null)
        {
            return TenantScope.Unrestricted;
        }

        var org = principal.OrganizationId;
        var agreements = await db.BusinessAssociateAgreements.AsNoTracking().Where(a => a.VendorId == org).ToListAsync(ct);
        var physicians = principal.Role == UserRole.Physician
            ? await db.Physicians.AsNoTracking().Where(p => p.PracticeId == org).ToListAsync(ct)
            : [];
        var grants = principal.Role == UserRole.Auditor
            ? await db.Set<AuditGrant>().IgnoreQueryFilters().AsNoTracking().Where(g => g.AuditorOrganizationId == org).ToListAsync(ct)
            : [];
        var granted = grants.SelectMany(g => g.EncounterIds).Distinct().ToList();
        var practices = granted.Count == 0
            ? new Dictionary<Guid, Guid>()
            : await db.Encounters.IgnoreQueryFilters().AsNoTracking().Where(e => granted.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.PracticeId, ct);
        return AccessPolicy.Scope(principal, agreements, physicians, grants, practices, now);
    }

    /// <summary>A context whose tenant-owned queries reach only what <paramref name="principal"/> reaches now (all, for null).</summary>
    public static async Task<CodeLedgerDbContext> CreateContextAsync(this CodeLedgerStore store, Principal? principal, CancellationToken ct = default)
    {
        var db = store.CreateContext();
        try
        {
            db.Tenant = await ResolveAsync(db, principal, Instants.Now(store.Time), ct);
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// <see cref="CodeLedgerStore.WriteAsync{T}"/> as <paramref name="principal"/>: the ledger's actor is
    /// their user name, and the change's context is scoped to them (resolved again on every attempt,
    /// from what that attempt reads).
    /// </summary>
    public static Task<T> WriteAsync<T>(this CodeLedgerStore store, Principal principal, Func<CodeLedgerDbContext, LedgerAppender, Task<T>> change, CancellationToken ct = default) =>
        store.WriteAsync(principal.UserName, async (db, ledger) =>
        {
            db.Tenant = await ResolveAsync(db, principal, Instants.Now(store.Time), ct);
            return await change(db, ledger);
        }, ct);
}
